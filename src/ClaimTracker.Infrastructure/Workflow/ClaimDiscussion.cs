using ClaimTracker.Domain;
using ClaimTracker.Domain.Workflow;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Data;
using ClaimTracker.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ClaimTracker.Infrastructure.Workflow;

public sealed record CommentRow(string Author, Domain.Text.SanitisedHtml Body, DateTime PostedAtUtc);

/// <summary>The editors' internal thread per claim (sanitised rich text); no public page or API reads it.</summary>
public sealed class ClaimDiscussion(AppDbContext db, RichTextFormat richText, TimeProvider clock, Notifications.Inbox inbox)
{
    public async Task<IReadOnlyList<CommentRow>> ThreadAsync(int claimId, CancellationToken cancellationToken = default) =>
        await db.ClaimComments.AsNoTracking().Where(c => c.ClaimId == claimId).OrderBy(c => c.PostedAtUtc).ThenBy(c => c.Id)
            .Select(c => new CommentRow(c.Author, c.Body, c.PostedAtUtc)).ToListAsync(cancellationToken);

    public async Task<WorkResult> PostAsync(int claimId, string author, string? markdown, CancellationToken cancellationToken = default)
    {
        var headline = await db.Claims.Where(c => c.Id == claimId).Select(c => c.Headline).FirstOrDefaultAsync(cancellationToken);
        if (headline is null)
        {
            return WorkResult.NotFound("claim");
        }
        var body = richText.Render(markdown);
        if (!body.Succeeded)
        {
            return WorkResult.Invalid("Body", body.Error);
        }
        try
        {
            db.ClaimComments.Add(ClaimComment.Post(claimId, author, body.Html!, clock.GetUtcNow().UtcDateTime));
        }
        catch (DomainRuleException rule)
        {
            return WorkResult.Invalid(rule.Field, rule.Message);
        }
        await inbox.NotifyMentionedAsync(markdown!, author, claimId, headline, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return WorkResult.Done(claimId);
    }
}
