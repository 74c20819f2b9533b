using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Claims;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Claims;

/// <summary>The source library's search as editors type into it: what they typed, literally, whatever its case, on either engine.</summary>
public sealed class SourceSearchTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Fact]
    public async Task LibrarySearch_TakesPercentAndUnderscoreLiterally()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await AddSourceAsync($"Zölle steigen um 50% {tag}");
        await AddSourceAsync($"Zölle steigen um 50 Punkte {tag}");
        await AddSourceAsync($"Lieferung_Nord {tag}");
        await AddSourceAsync($"LieferungXNord {tag}");
        var editor = await factory.SignedInAsync($"quellensuche-{tag}@example.org", Roles.Editor);

        Assert.Equal([$"Zölle steigen um 50% {tag}"], await FoundAsync(editor, $"50% {tag}"));
        Assert.Equal([$"Lieferung_Nord {tag}"], await FoundAsync(editor, $"Lieferung_Nord {tag}"));
    }

    [Fact]
    public async Task LibrarySearch_FindsTitleAndOutlet_WhateverTheCaseTyped()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var outlet = $"Tagesblatt {tag}";
        await AddSourceAsync($"Raketenlieferung bestätigt {tag}", outlet);
        var editor = await factory.SignedInAsync($"grossklein-{tag}@example.org", Roles.Editor);

        Assert.Equal([$"Raketenlieferung bestätigt {tag}"], await FoundAsync(editor, $"RAKETENLIEFERUNG BESTÄTIGT {tag}".ToUpperInvariant()));
        Assert.Equal([$"Raketenlieferung bestätigt {tag}"], await FoundAsync(editor, outlet.ToUpperInvariant()));
    }

    private async Task AddSourceAsync(string title, string? outlet = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        int? outletId = outlet is null ? null
            : (await scope.ServiceProvider.GetRequiredService<ActorDirectory>()
                .CreateAsync(new Actor.Draft(outlet, ActorKind.NewsOutlet, null, null, null, "independent"))).Id!.Value;
        var made = await scope.ServiceProvider.GetRequiredService<SourceLibrary>()
            .CreateAsync(new Source.Draft(null, title, outletId, null, new DateOnly(2024, 6, 18), "de", null, null), "builder@example.org");
        Assert.True(made.Succeeded, string.Join(" ", made.Errors.Select(e => e.Message)));
    }

    private static async Task<List<string>> FoundAsync(HttpClient editor, string typed)
    {
        var page = await editor.GetAsync("/editor/sources?q=" + Uri.EscapeDataString(typed), expectOk: true);
        return page.QuerySelectorAll("#sources tbody tr td:first-child a:first-child").Select(a => a.TextContent.Trim()).Order().ToList();
    }
}
