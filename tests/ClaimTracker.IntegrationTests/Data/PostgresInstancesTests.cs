using System.Net;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Data;

/// <summary>
/// Two app instances on one PostgreSQL database, as behind a load balancer: what one instance does is
/// honoured by the other (logins, reader pages, reference data).
/// </summary>
[Trait("Engine", "Postgres")]
public sealed class PostgresInstancesTests
{
    [Fact]
    public async Task ALoginOnInstanceA_IsValidOnInstanceB()
    {
        TestEngine.RequirePostgresSuite();
        using var database = new FreshDatabase();
        using var a = database.NewInstance();
        using var b = database.NewInstance();
        await b.CreateBrowser().GetAsync("/healthz/ready"); // B is up before A makes the first key.
        await a.CreateUserAsync("zwei-instanzen@example.org", Roles.Editor);
        var signIn = await a.CreateBrowser().SignInAsync("zwei-instanzen@example.org", ClaimTrackerFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ClaimTracker.Auth=", StringComparison.Ordinal)).Split(';')[0];

        var onB = b.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost"),
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/editor/claims/new");
        request.Headers.Add("Cookie", cookie);
        var response = await onB.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var withoutCookie = new HttpRequestMessage(HttpMethod.Get, "/editor/claims/new");
        Assert.Equal(HttpStatusCode.Redirect, (await onB.SendAsync(withoutCookie)).StatusCode);
    }

    [Fact]
    public async Task AnEditApprovedOnInstanceA_ShowsOnInstanceBsCachedPage()
    {
        TestEngine.RequirePostgresSuite();
        using var database = new FreshDatabase();
        using var a = database.NewInstance();
        using var b = database.NewInstance();
        var id = await a.CreateClaimAsync("Lieferungen über die Grenze");
        var slug = await a.PublishAsync(id);
        var reader = b.CreateBrowser();
        var first = await reader.GetAsync($"/claims/{slug}");
        Assert.True(first.StatusCode == HttpStatusCode.OK, $"B answered {(int)first.StatusCode}: " + string.Join("\n", b.Log.Entries.Where(e => e.Contains("Exception", StringComparison.Ordinal))));
        var cached = await reader.GetAsync($"/claims/{slug}");
        Assert.True(cached.Headers.Contains("Age"), "B should serve the page from its own output cache.");

        await using (var scope = a.Services.CreateAsyncScope())
        {
            var version = (await scope.ServiceProvider.GetRequiredService<ClaimDetailsQuery>().GetAsync(id))!.Version;
            Assert.True((await scope.ServiceProvider.GetRequiredService<EditClaim>().EditAsync(id, version,
                new ClaimInput("Lieferungen über die Grenze bestätigt", "Ein Satz, wie er gesagt wurde.", "de",
                    null, null, false, null, null, null, [], [], null, null), "builder@example.org")).Succeeded);
        }
        await a.PublishAsync(id);

        // B hears of the change over LISTEN/NOTIFY within milliseconds of A's commit.
        var headline = "";
        for (var attempt = 0; attempt < 20 && headline != "Lieferungen über die Grenze bestätigt"; attempt++)
        {
            headline = (await reader.GetAsync($"/claims/{slug}", expectOk: true)).GetElementById("claim-headline")!.TextContent;
            if (headline != "Lieferungen über die Grenze bestätigt")
            {
                await Task.Delay(50);
            }
        }
        Assert.Equal("Lieferungen über die Grenze bestätigt", headline);
    }

    [Fact]
    public async Task ATopicFirstPublishedOnInstanceA_IsOfferedByInstanceB()
    {
        TestEngine.RequirePostgresSuite();
        using var database = new FreshDatabase();
        using var a = database.NewInstance();
        using var b = database.NewInstance();
        await using (var scope = b.Services.CreateAsyncScope())
        {
            Assert.DoesNotContain(await scope.ServiceProvider.GetRequiredService<PublicDirectory>().TopicsAsync(), t => t.Name == "Rüstungsexporte");
        }

        // Readers are offered the topics of public claims: B's list changes when A approves the first claim filed under it.
        await a.PublishAsync(await a.CreateClaimAsync("Munition für die Front", topics: "Rüstungsexporte"));

        var seen = false;
        for (var attempt = 0; attempt < 20 && !seen; attempt++)
        {
            await using var scope = b.Services.CreateAsyncScope();
            seen = (await scope.ServiceProvider.GetRequiredService<PublicDirectory>().TopicsAsync()).Any(t => t.Name == "Rüstungsexporte");
            if (!seen)
            {
                await Task.Delay(50);
            }
        }
        Assert.True(seen, "B still offers its remembered topic list after A published a claim under a new topic.");
    }
}
