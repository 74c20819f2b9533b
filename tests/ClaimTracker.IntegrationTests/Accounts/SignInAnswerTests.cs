using System.Diagnostics;
using System.Net;
using ClaimTracker.Infrastructure.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Accounts;

/// <summary>
/// A stranger learns nothing from a refused sign-in: an unknown email, a disabled account, a locked one and a wrong password get
/// the same page and the same message, and take about as long (each costs one password hash). The timings are written to the
/// test's output.
/// </summary>
public sealed class SignInAnswerTests(ManySignInsFactory factory, ITestOutputHelper output)
    : IClassFixture<ManySignInsFactory>
{
    private const int Attempts = 4;

    [Fact]
    public async Task UnknownDisabledLockedAndWrongPassword_AnswerAlike_InAboutTheSameTime()
    {
        await factory.CreateUserAsync("falsches-passwort@example.org");
        var disabled = await factory.CreateUserAsync("abgeschaltet@example.org");
        var locked = await factory.CreateUserAsync("ausgesperrt@example.org");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(disabled.Id))!;
            user.IsDisabled = true;
            await users.UpdateAsync(user);
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(locked.Id))!, DateTimeOffset.UtcNow.AddHours(1));
        }
        var cases = new Dictionary<string, string>
        {
            ["wrong password"] = "falsches-passwort@example.org",
            ["unknown email"] = "niemand-hier@example.org",
            ["disabled"] = "abgeschaltet@example.org",
            ["locked"] = "ausgesperrt@example.org",
        };
        // One sign-in first, so that no case pays for the app's first hash.
        await factory.CreateBrowser().SignInAsync("niemand@example.org", "Aufwärmen, kein Passwort");

        var medians = new Dictionary<string, double>();
        var answers = new HashSet<string>();
        foreach (var (state, email) in cases)
        {
            var times = new List<double>();
            // Fewer failures than lock the wrong-password account (5).
            for (var i = 0; i < Attempts; i++)
            {
                var browser = factory.CreateBrowser();
                var page = await browser.GetAsync("/account/login", expectOk: true);
                var watch = Stopwatch.StartNew();
                var response = await browser.SubmitAsync(page, "login-form", ("Input.Email", email), ("Input.Password", "Ein falsches Passwort"));
                times.Add(watch.Elapsed.TotalMilliseconds);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                answers.Add((await Html.ParseAsync(response)).Errors().Trim());
            }
            medians[state] = times.Order().ElementAt(times.Count / 2);
            output.WriteLine($"{state}: {string.Join(", ", times.Select(t => $"{t:0} ms"))} (median {medians[state]:0} ms)");
        }

        Assert.Equal([ClaimTracker.Web.Pages.Account.SignInForm.FailedMessage], answers);
        // Before, an unknown email took ~15 ms against ~600 ms for a wrong password (1/40): now each refusal costs a hash. A wrong
        // password also records the failure (a write), and a busy machine is noisy: each must take at least 30 % as long.
        foreach (var (state, median) in medians)
        {
            Assert.True(median >= medians["wrong password"] * 0.3, $"{state} took {median:0} ms, a wrong password {medians["wrong password"]:0} ms.");
        }
    }
}
