using System.Net;
using System.Text;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Infrastructure.Evidence;
using ClaimTracker.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace ClaimTracker.IntegrationTests.Evidence;

/// <summary>Screenshots and PDFs are attached by what their bytes are; anything else is refused with a message, and kept files never run.</summary>
public sealed class UploadTests(EvidenceFactory evidence) : IClassFixture<EvidenceFactory>
{
    public static byte[] Png()
    {
        using var bitmap = new SKBitmap(40, 30);
        bitmap.Erase(SKColors.OrangeRed);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    private static byte[] Jpeg()
    {
        using var bitmap = new SKBitmap(40, 30);
        bitmap.Erase(SKColors.SteelBlue);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
    }

    private const string Position = "BERLIN-52.5200N";

    /// <summary>A JPEG as a phone writes it: an EXIF block right after the start, with a GPS directory naming a place.</summary>
    private static byte[] JpegWithGps()
    {
        var tiff = new List<byte>();
        tiff.AddRange("MM\0*"u8.ToArray());
        tiff.AddRange([0, 0, 0, 8]);                         // IFD0 at 8
        tiff.AddRange([0, 1]);                               // one entry
        tiff.AddRange([0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26]); // GPSInfo → IFD at 26
        tiff.AddRange([0, 0, 0, 0]);                         // no next IFD
        tiff.AddRange([0, 1]);                               // GPS IFD: one entry
        tiff.AddRange([0, 0x1B, 0, 7, 0, 0, 0, 16, 0, 0, 0, 44]); // GPSProcessingMethod, 16 bytes at 44
        tiff.AddRange([0, 0, 0, 0]);
        tiff.AddRange(Encoding.ASCII.GetBytes(Position.PadRight(16, '\0')));
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new byte[] { 0xFF, 0xE1, (byte)((payload.Length + 2) >> 8), (byte)((payload.Length + 2) & 0xFF) }.Concat(payload);
        var jpeg = Jpeg();
        return jpeg.Take(2).Concat(segment).Concat(jpeg.Skip(2)).ToArray();
    }

    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>A ZIP (a Java archive, as in GIFAR) riding behind an image.</summary>
    private static byte[] WithArchiveBehind(byte[] image) =>
        image.Concat("PK\u0003\u0004\u0014\0\0\0\0\0"u8.ToArray()).Concat(Encoding.ASCII.GetBytes("META-INF/MANIFEST.MF"))
            .Concat("PK\u0005\u0006\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"u8.ToArray()).ToArray();

    private async Task<(HttpClient Editor, int SourceId, AngleSharp.Dom.IDocument Page)> SourceAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (_, sourceId) = await evidence.App.CreateActorAndSourceAsync();
        var editor = await evidence.App.SignedInAsync($"beleg-{tag}@example.org", Roles.Editor);
        var id = int.Parse(sourceId);
        return (editor, id, await editor.GetAsync($"/editor/sources/{id}/evidence", expectOk: true));
    }

    public static TheoryData<string, string, string> Accepted => new()
    {
        { "screenshot.png", "image/png", "png" },
        { "foto.jpg", "image/jpeg", "jpeg" },
        { "bericht.pdf", "application/pdf", "pdf" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task RealImagesAndPdfs_AreAttached_AndServedSandboxed(string name, string type, string kind)
    {
        var bytes = kind switch { "png" => Png(), "jpeg" => Jpeg(), _ => Pdf() };
        var (editor, sourceId, page) = await SourceAsync();

        var posted = await editor.UploadAsync(page, "upload-form", "Upload.File", name, type, bytes, ("Upload.Caption", "Bildschirmfoto des Beitrags"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var file = await evidence.App.WithDbAsync(db => db.EvidenceFiles.SingleAsync(f => f.SourceId == sourceId));
        Assert.Equal(type, file.ContentType);
        Assert.Equal("Bildschirmfoto des Beitrags", file.Caption);
        var served = await editor.GetAsync($"/evidence/files/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(type, served.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("sandbox", served.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("inline", served.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(bytes, await served.Content.ReadAsByteArrayAsync());
        // Readers never open a file of a source no published claim cites.
        Assert.Equal(HttpStatusCode.NotFound, (await evidence.App.CreateBrowser().GetAsync($"/evidence/files/{file.Id}")).StatusCode);
    }

    public static TheoryData<string, string, string, string> Refused => new()
    {
        { "shot.png", "image/png", "html", "web page" },
        { "grafik.svg", "image/svg+xml", "svg", "SVG" },
        { "beleg.pdf", "application/pdf", "png", "named “beleg.pdf” but its content is a PNG image" },
        { "bild", "application/pdf", "png", "sent as application/pdf but its content is a PNG image" },
        { "tool.exe", "application/octet-stream", "exe", "a program" },
        { "gross.png", "image/png", "12mb", "at most 10 MB" },
        { "gifar.png", "image/png", "png+jar", "more data after its end" },
        { "gifar.jpg", "image/jpeg", "jpeg+jar", "more data after its end" },
        { "mixed.png", "image/png", "png+script", "markup or script" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task FilesThatAreNotWhatTheySay_AreRefusedWithAMessage_AndNothingIsStored(string name, string type, string kind, string message)
    {
        var bytes = kind switch
        {
            "html" => Encoding.UTF8.GetBytes("<html><body><script>alert(document.cookie)</script></body></html>"),
            "svg" => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
            "exe" => "MZ\u0090\0\u0003\0\0\0"u8.ToArray().Concat(new byte[200]).ToArray(),
            "12mb" => Png().Concat(new byte[12 * 1024 * 1024]).ToArray(),
            "png+jar" => WithArchiveBehind(Png()),
            "jpeg+jar" => WithArchiveBehind(Jpeg()),
            "png+script" => Png().Take(8).Concat(PngTextChunk("<script>alert(1)</script>")).Concat(Png().Skip(8)).ToArray(),
            _ => Png(),
        };
        var (editor, sourceId, page) = await SourceAsync();
        var blobs = await evidence.App.WithDbAsync(db => db.StoredBlobs.CountAsync());

        var refused = await Html.ParseAsync(await editor.UploadAsync(page, "upload-form", "Upload.File", name, type, bytes, ("Upload.Caption", "Beleg")));

        Assert.Contains(message, refused.QuerySelector("#Upload_File ~ .field-error")!.TextContent);
        Assert.Equal("Beleg", refused.QuerySelector("#Upload_Caption")!.GetAttribute("value"));
        Assert.False(await evidence.App.WithDbAsync(db => db.EvidenceFiles.AnyAsync(f => f.SourceId == sourceId)));
        Assert.Equal(blobs, await evidence.App.WithDbAsync(db => db.StoredBlobs.CountAsync()));
    }

    private static byte[] PngTextChunk(string text)
    {
        var data = Encoding.Latin1.GetBytes("Comment\0" + text);
        var chunk = new byte[12 + data.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        "tEXt"u8.CopyTo(chunk.AsSpan(4));
        data.CopyTo(chunk, 8);
        return chunk; // the CRC is not checked by the inspector; the markup is what is refused
    }

    [Fact]
    public async Task APhotosGpsPosition_IsNotKept()
    {
        var (editor, sourceId, page) = await SourceAsync();
        var original = JpegWithGps();
        Assert.Contains(Position, Encoding.Latin1.GetString(original));

        await editor.UploadAsync(page, "upload-form", "Upload.File", "handy.jpg", "image/jpeg", original, ("Upload.Caption", "Foto vom Hafen"));

        var file = await evidence.App.WithDbAsync(db => db.EvidenceFiles.SingleAsync(f => f.SourceId == sourceId));
        var kept = await (await editor.GetAsync($"/evidence/files/{file.Id}")).Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain(Position, Encoding.Latin1.GetString(kept));
        Assert.DoesNotContain("Exif\0", Encoding.Latin1.GetString(kept));
        using var decoded = SKBitmap.Decode(kept);
        Assert.Equal((40, 30), (decoded.Width, decoded.Height));
        Assert.Equal(file.Sha256, ClaimTracker.Domain.Evidence.StoredBlob.HashOf(kept));
    }

    [Fact]
    public async Task APreservedWebPage_IsServedAsADownload_ThatCannotRunInTheAppsOrigin()
    {
        var (editor, sourceId, _) = await SourceAsync();
        await using var scope = evidence.App.Services.CreateAsyncScope();
        var fetched = await scope.ServiceProvider.GetRequiredService<EvidenceLibrary>().FetchAsync(evidence.Site.Root + "/evil", sourceId, "x@example.org");

        var served = await editor.GetAsync($"/evidence/copies/{fetched.CaptureId}");

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("attachment", served.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("application/octet-stream", served.Content.Headers.ContentType!.MediaType);
        Assert.Contains("sandbox", served.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(TestSite.Evil, await served.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await evidence.App.CreateBrowser().GetAsync($"/evidence/copies/{fetched.CaptureId}")).StatusCode);
    }

    [Fact]
    public async Task Readers_OpenTheCopiesOfSourcesAPublishedClaimCites_WhenTheSiteAllowsIt()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var claimId = await evidence.App.CreateClaimAsync("Veröffentlicht mit Beleg " + tag);
        await evidence.App.SetStatusAsync(claimId, "corroborated", new DateOnly(2024, 11, 5));
        var sourceId = await evidence.App.WithDbAsync(db => db.ClaimSources.Where(c => c.ClaimId == claimId).Select(c => c.SourceId).FirstAsync());
        await using (var scope = evidence.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EvidenceLibrary>().AttachAsync(sourceId, null, "Bildschirmfoto", "s.png", "image/png", Png(), "x@example.org");
        }
        var fileId = await evidence.App.WithDbAsync(db => db.EvidenceFiles.Where(f => f.SourceId == sourceId).Select(f => f.Id).SingleAsync());
        var reader = evidence.App.CreateBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/evidence/files/{fileId}")).StatusCode);

        await evidence.App.PublishAsync(claimId);

        var served = await reader.GetAsync($"/evidence/files/{fileId}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.StartsWith("sandbox", served.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task AScreenshotOfAStatement_IsAttachedToTheStatement()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (actorId, _) = await evidence.App.CreateActorAndSourceAsync();
        var claimId = await evidence.App.CreateClaimAsync("Aussage mit Bildschirmfoto " + tag);
        await using (var scope = evidence.App.Services.CreateAsyncScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<ClaimTracker.Infrastructure.Claims.RecordStatement>().AddStatementAsync(claimId,
                new ClaimTracker.Domain.Claims.Statement.Draft(int.Parse(actorId), ClaimTracker.Domain.Claims.Stance.Denies, new DateOnly(2024, 11, 5),
                    "Gelöschter Beitrag", "de", null, []), "builder@example.org");
            Assert.True(added.Succeeded);
        }
        var statementId = await evidence.App.WithDbAsync(db => db.Statements.Where(s => s.ClaimId == claimId).Select(s => s.Id).SingleAsync());
        var editor = await evidence.App.SignedInAsync($"aussage-{tag}@example.org", Roles.Editor);
        var details = await editor.GetAsync($"/editor/claims/details/{claimId}", expectOk: true);
        var page = await editor.GetAsync(details.GetElementById($"statement-evidence-{statementId}")!.GetAttribute("href")!, expectOk: true);
        Assert.Contains("Gelöschter Beitrag", page.QuerySelector("blockquote")!.TextContent);

        var posted = await editor.UploadAsync(page, "upload-form", "Upload.File", "post.png", "image/png", Png(), ("Upload.Caption", "Beitrag vor dem Löschen"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var shown = await editor.GetAsync($"/editor/statements/{statementId}/evidence", expectOk: true);
        Assert.Contains("Beitrag vor dem Löschen", shown.GetElementById("files")!.TextContent);
        var file = await evidence.App.WithDbAsync(db => db.EvidenceFiles.SingleAsync(f => f.StatementId == statementId));
        Assert.Null(file.SourceId);
        // A reviewer reads it (and opens the file) but is offered no form to add or remove files.
        var reviewer = await evidence.App.SignedInAsync($"pruefer-{tag}@example.org", Roles.Reviewer);
        var asReviewer = await reviewer.GetAsync($"/editor/statements/{statementId}/evidence", expectOk: true);
        Assert.Contains("Beitrag vor dem Löschen", asReviewer.GetElementById("files")!.TextContent);
        Assert.Null(asReviewer.GetElementById("upload-form"));
        Assert.Null(asReviewer.GetElementById($"remove-file-{file.Id}"));
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/evidence/files/{file.Id}")).StatusCode);
    }
}
