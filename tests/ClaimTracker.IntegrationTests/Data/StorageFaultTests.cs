using System.Net;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ClaimTracker.IntegrationTests.Data;

/// <summary>
/// A database that can be read but not written (here: opened read-only, which is what SQLite does by itself when the file or its
/// folder is read-only): the readiness probe says so, and a save shows the editor what they typed instead of losing it.
/// </summary>
[Trait("Engine", "Sqlite")]
public sealed class StorageFaultTests
{
    [Fact]
    public async Task ReadOnlyDatabase_IsNotReady_AndAFailedSaveShowsWhatWasTyped()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("claimtracker-readonly-").FullName, "claimtracker.db");
        var email = $"nur-lesen-{Guid.NewGuid():N}@example.org";
        int id;
        string session;
        using (var writable = new ConfiguredFactory(new Dictionary<string, string> { ["ConnectionStrings:Default"] = $"Data Source={path}" }))
        {
            id = await writable.CreateClaimAsync("Behauptung auf einer Platte, die bald nur lesbar ist");
            await writable.CreateUserAsync(email, Roles.Editor);
            var signedIn = await writable.CreateBrowser().SignInAsync(email, ClaimTrackerFactory.Password);
            var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ClaimTracker.Auth=", StringComparison.Ordinal));
            session = cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
        }
        SqliteConnection.ClearAllPools();

        using var readOnly = new ConfiguredFactory(new Dictionary<string, string> { ["ConnectionStrings:Default"] = $"Data Source={path};Mode=ReadOnly" });
        var ready = await readOnly.CreateBrowser().GetAsync("/healthz/ready");
        var editor = readOnly.CreateBrowser();
        editor.DefaultRequestHeaders.Add("Cookie", session);
        var form = await editor.GetAsync($"/editor/claims/edit/{id}", expectOk: true);
        const string typed = "Ein neuer Titel, der nicht verloren gehen darf";
        var response = await editor.SubmitAsync(form, "claim-form", ("Input.Headline", typed));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("can be read but not written", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Not saved: the database cannot be written", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(typed, page.QuerySelector("textarea[data-field='Input.Headline']")!.TextContent);
    }

    /// <summary>
    /// The running app's database folder becomes unwritable (the immutable attribute, which binds root too: the tests run as root,
    /// for whom file modes are no obstacle), a save fails with the typed input shown, the fault ends — and the next save works
    /// without a restart, and readiness is back, because no connection opened during the fault is used again.
    /// </summary>
    [Fact]
    public async Task ReadOnlyForAWhile_TheAppRecoversByItself_WhenTheFaultEnds()
    {
        var folder = Directory.CreateTempSubdirectory("claimtracker-recovers-");
        var path = Path.Combine(folder.FullName, "claimtracker.db");
        using var app = new ConfiguredFactory(new Dictionary<string, string> { ["ConnectionStrings:Default"] = $"Data Source={path}" });
        var id = await app.CreateClaimAsync("Behauptung auf einer Platte, die eine Weile nur lesbar ist");
        var editor = await app.SignedInAsync($"geduldig-{Guid.NewGuid():N}@example.org", Roles.Editor);
        var form = await editor.GetAsync($"/editor/claims/edit/{id}", expectOk: true);
        // The database, its journal and the folder; not the WAL index (-shm), which SQLite has mapped into memory: a write to a
        // mapped page of an immutable file kills the process (SIGBUS) — a fault of the test's means, not of a real read-only disk.
        var files = Directory.GetFiles(folder.FullName).Where(f => !f.EndsWith("-shm", StringComparison.Ordinal)).Append(folder.FullName).ToArray();
        await ChattrAsync("+i", files);
        HttpResponseMessage failed, readyDuring;
        try
        {
            failed = await editor.SubmitAsync(form, "claim-form", ("Input.Headline", "Geschrieben, während die Platte gesperrt war"));
            readyDuring = await app.CreateBrowser().GetAsync("/healthz/ready");
        }
        finally
        {
            await ChattrAsync("-i", files);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyDuring.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowser().GetAsync("/healthz/ready")).StatusCode);
        form = await editor.GetAsync($"/editor/claims/edit/{id}", expectOk: true);
        var saved = await editor.SubmitAsync(form, "claim-form", ("Input.Headline", "Geschrieben, nachdem die Platte wieder frei war"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Geschrieben, nachdem die Platte wieder frei war",
            await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Claims.Where(c => c.Id == id).Select(c => c.Headline))));
    }

    private static async Task ChattrAsync(string change, string[] paths)
    {
        var start = new System.Diagnostics.ProcessStartInfo("chattr") { RedirectStandardError = true };
        start.ArgumentList.Add(change);
        foreach (var path in paths)
        {
            start.ArgumentList.Add(path);
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"chattr {change} failed (the test needs root on a file system with attributes): {error}");
    }

    [Fact]
    public async Task Start_WhereTheDatabaseCannotBeMade_SaysWhyInOneLineAndExits1()
    {
        var folder = Directory.CreateTempSubdirectory("claimtracker-cannot-start-");
        // A file where the database's folder would have to be.
        var blocker = Path.Combine(folder.FullName, "kein-ordner");
        await File.WriteAllTextAsync(blocker, "eine Datei");

        var (exit, output) = await AppProcess.RunAsync(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(blocker, "claimtracker.db")}",
        }, folder.FullName);

        Assert.Equal(1, exit);
        Assert.Contains("ClaimTracker cannot start: ", output);
        Assert.DoesNotContain("Unhandled exception", output);
    }
}
