using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.IntegrationTests.Infrastructure;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTracker.IntegrationTests.Public;

/// <summary>
/// Data out: CSV that spreadsheet programs open correctly and safely (read back with CsvHelper's own reader), and the
/// ClaimReview data feed, expanded with jsonld.js, holding exactly the published verdicts.
/// </summary>
public sealed class DataOutTests(ClaimTrackerFactory factory) : IClassFixture<ClaimTrackerFactory>
{
    [Fact]
    public async Task PublicCsv_RoundTripsEveryValue_NeutralisesFormulas_AndHoldsNoDraftOrPendingText()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var headline = $"=1+1 „Zitat“, \"doppelt\"; Straße {tag}";
        var id = await factory.CreateClaimAsync(headline, topics: $"Ausfuhr {tag}");
        await factory.SetStatusAsync(id, "false", new DateOnly(2024, 4, 1));
        var slug = await factory.PublishAsync(id);
        // A pending revision and a draft: neither may reach the public file.
        await EditHeadlineAsync(id, $"Unveröffentlichte Überschrift {tag}");
        await factory.CreateClaimAsync($"Entwurf {tag}");

        var response = await factory.CreateBrowser().GetAsync($"/claims.csv?topic=ausfuhr-{tag}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Read(bytes);
        Assert.Equal(["url", "headline", "status", "status_name", "status_since", "language", "topics", "actors", "approved_at_utc"], rows[0]);
        var row = Assert.Single(rows.Skip(1));
        Assert.EndsWith($"/claims/{slug}", row[0]);
        Assert.Equal("'" + headline, row[1]);
        Assert.Equal(("false", "2024-04-01", $"Ausfuhr {tag}"), (row[2], row[4], row[6]));
        var all = System.Text.Encoding.UTF8.GetString(await factory.CreateBrowser().GetByteArrayAsync("/claims.csv"));
        Assert.DoesNotContain($"Unveröffentlichte Überschrift {tag}", all);
        Assert.DoesNotContain($"Entwurf {tag}", all);
    }

    [Fact]
    public async Task StaffCsv_HoldsDrafts_AndQuotesWithNewlines_ButOnlyForStaff()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = await factory.CreateClaimAsync($"Entwurf für die Tabelle {tag}");
        var (_, sourceId) = await factory.CreateActorAndSourceAsync();
        var quote = $"Erste Zeile „{tag}“,\nzweite Zeile mit \"Anführung\" und ß\r\n@Ende";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var evidence = scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Claims.CiteSources>();
            var attached = await evidence.AttachSourceAsync(id, int.Parse(sourceId), ClaimTracker.Domain.Claims.SourceStance.Supports, quote, null, "builder@example.org");
            Assert.True(attached.Succeeded, string.Join(" ", attached.Errors.Select(e => e.Message)));
        }

        var anonymous = await factory.CreateBrowser().GetAsync("/editor/claims?handler=Csv");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/Login", anonymous.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);

        var staff = await factory.SignedInAsync($"tabelle-{tag}@example.org", Roles.Editor);
        var list = await staff.GetAsync($"/editor/claims?q={tag}", expectOk: true);
        var claims = Read(await staff.GetByteArrayAsync(list.GetElementById("download-claims")!.GetAttribute("href")!));
        var draft = Assert.Single(claims.Skip(1), r => r[1] == $"Entwurf für die Tabelle {tag}");
        Assert.Equal("draft", draft[9]);

        var sources = Read(await staff.GetByteArrayAsync(list.GetElementById("download-sources")!.GetAttribute("href")!));
        var cited = Assert.Single(sources.Skip(1), r => r[8].Contains(tag, StringComparison.Ordinal));
        Assert.Equal(quote, cited[8]);
    }

    [Fact]
    public async Task ClaimReviewFeed_HoldsExactlyThePublishedVerdicts_PagedByLink_AndExpandsAsJsonLd()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 101; i++)
        {
            var verdict = await factory.CreateClaimAsync($"Urteil {i} {tag}");
            await factory.SetStatusAsync(verdict, i % 2 == 0 ? "false" : "corroborated", new DateOnly(2024, 1, 1).AddDays(i));
            await factory.PublishAsync(verdict);
        }
        var open = await factory.CreateClaimAsync($"Offen {tag}");
        await factory.SetStatusAsync(open, "open", new DateOnly(2024, 2, 1));
        await factory.PublishAsync(open);
        var draft = await factory.CreateClaimAsync($"Entwurfsurteil {tag}");
        await factory.SetStatusAsync(draft, "false", new DateOnly(2024, 2, 1));

        var reader = factory.CreateBrowser();
        var urls = new List<string>();
        var pages = 0;
        string? next = "/claimreview.json";
        while (next is not null)
        {
            var response = await reader.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            var expanded = JsonDocument.Parse(await ExpandAsync(body)).RootElement;
            var feed = Assert.Single(expanded.EnumerateArray());
            Assert.Equal("https://schema.org/DataFeed", feed.GetProperty("@type")[0].GetString());
            foreach (var item in feed.GetProperty("https://schema.org/dataFeedElement").EnumerateArray())
            {
                Assert.Equal("https://schema.org/ClaimReview", item.GetProperty("@type")[0].GetString());
                urls.Add(item.GetProperty("https://schema.org/url")[0].GetProperty("@value").GetString()!);
            }
            pages++;
            next = response.Headers.TryGetValues("Link", out var links) ? new Uri(links.Single().Split('<', '>')[1]).PathAndQuery : null;
        }

        Assert.True(pages >= 2, "More than a hundred verdicts take more than one page.");
        var expected = await factory.WithDbAsync(async db =>
        {
            var verdicts = await db.Statuses.Where(s => s.IsVerdict && s.RatingValue != null).Select(s => s.Id).ToListAsync();
            return await db.Claims.Where(c => c.IsPublic && c.PublishedStatusId != null && verdicts.Contains(c.PublishedStatusId.Value))
                .Select(c => c.Slug).ToListAsync();
        });
        Assert.Equal(expected.Select(s => $"https://localhost/claims/{s}").Order(StringComparer.Ordinal), urls.Order(StringComparer.Ordinal));

        var first = await reader.GetAsync("/claimreview.json");
        var again = new HttpRequestMessage(HttpMethod.Get, "/claimreview.json");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await reader.SendAsync(again)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync("/claimreview.json?after=x")).StatusCode);
    }

    private async Task EditHeadlineAsync(int id, string headline)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var data = (await scope.ServiceProvider.GetRequiredService<ClaimTracker.Web.Pages.Editor.Claims.ClaimEditQuery>().GetAsync(id))!;
        var result = await scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Claims.EditClaim>().EditAsync(id, data.Version,
            new ClaimTracker.Infrastructure.Claims.ClaimInput(headline, data.OriginalText, data.Language, null, null, false, null, null, null,
                [], [], string.Join(", ", data.Topics), null), "builder@example.org");
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    /// <summary>Every record of the file, header first, as CsvHelper's reader reads it (quotes, newlines and all).</summary>
    private static List<string[]> Read(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, new CsvReaderOptions { HasHeader = false, AllowLineBreaksInQuotes = true });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }
        return rows;
    }

    /// <summary>The document expanded by jsonld.js in safe mode (tests/a11y/expand-jsonld.mjs), so a term it would drop fails.</summary>
    private static async Task<string> ExpandAsync(string json)
    {
        var tools = Path.Combine(Repository.Root, "tests", "a11y");
        if (!Directory.Exists(Path.Combine(tools, "node_modules", "jsonld")))
        {
            Assert.Fail("tests/a11y/node_modules/jsonld is missing: run ./test.sh (it runs npm ci there).");
        }
        var start = new ProcessStartInfo("node", "expand-jsonld.mjs")
        {
            WorkingDirectory = tools, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(json);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await errors);
        return await output;
    }
}
