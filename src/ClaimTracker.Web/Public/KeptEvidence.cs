using ClaimTracker.Infrastructure.Evidence;
using ClaimTracker.Web.Authorization;
using ClaimTracker.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Net.Http.Headers;

namespace ClaimTracker.Web.Public;

/// <summary>
/// Serves preserved copies (<c>/evidence/copies/{id}</c>) and evidence files (<c>/evidence/files/{id}</c>) so that they can never
/// act in the app's origin: <c>Content-Security-Policy: sandbox</c>, <c>nosniff</c>, and a download for anything but images
/// and PDF (a preserved web page is saved, not shown). Staff open everything; readers only what a published claim cites, and
/// only when an admin allows it (Admin → Settings, "Preserved copies").
/// </summary>
public static class KeptEvidence
{
    public static void MapKeptEvidence(this WebApplication app)
    {
        app.MapGet("/evidence/copies/{id:int}", [SandboxedContent] async (int id, EvidenceLibrary library, HttpContext context) =>
                await ServeAsync(await library.OpenCaptureAsync(id, context.RequestAborted), library, context))
            .AllowAnonymous();
        app.MapGet("/evidence/files/{id:int}", [SandboxedContent] async (int id, EvidenceLibrary library, HttpContext context) =>
                await ServeAsync(await library.OpenFileAsync(id, context.RequestAborted), library, context))
            .AllowAnonymous();
    }

    private static async Task<IResult> ServeAsync(EvidenceContent? content, EvidenceLibrary library, HttpContext context)
    {
        if (content is null)
        {
            return Results.NotFound();
        }
        var staff = (await context.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(context.User, Policies.Staff)).Succeeded;
        if (!staff)
        {
            var readers = (await context.RequestServices.GetRequiredService<ClaimTracker.Infrastructure.Site.SitePublishing>().GetAsync(context.RequestAborted)).ReadersMayOpenCopies;
            if (!readers || !await library.IsCitedPubliclyAsync(content, context.RequestAborted))
            {
                // Not "forbidden": whether such a copy exists is nobody's business but the staff's.
                return Results.NotFound();
            }
        }
        var shown = content.ContentType is "image/png" or "image/jpeg" or "image/webp" or "image/gif" or "application/pdf";
        var headers = context.Response.Headers;
        headers.CacheControl = "private, no-store";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers.ContentDisposition = new ContentDispositionHeaderValue(shown ? "inline" : "attachment") { FileNameStar = content.FileName }.ToString();
        return Results.Bytes(content.Bytes, shown ? content.ContentType : "application/octet-stream");
    }
}
