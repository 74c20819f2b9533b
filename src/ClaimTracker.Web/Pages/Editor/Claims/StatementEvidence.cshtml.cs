using ClaimTracker.Infrastructure.Evidence;
using Microsoft.AspNetCore.Mvc;

namespace ClaimTracker.Web.Pages.Editor.Claims;

/// <summary>Screenshots and documents of one statement (a post later deleted, a broadcast's still).</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 32 * 1024 * 1024)]
public sealed class StatementEvidenceModel(EvidenceLibrary evidence) : EvidenceFilesPage(evidence)
{
    public StatementHeading Statement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    protected override (int? SourceId, int? StatementId) Owner(int id) => (null, id);

    protected override async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await Evidence.StatementAsync(id, cancellationToken) is not { } statement)
        {
            return false;
        }
        Statement = statement;
        Files = await Evidence.FilesAsync(null, [id], cancellationToken);
        return true;
    }
}
