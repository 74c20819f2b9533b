using System.Net;
using ClaimTracker.Domain.Accounts;
using ClaimTracker.Domain.Workflow;
using ClaimTracker.Infrastructure.Claims;
using ClaimTracker.Infrastructure.Notifications;
using ClaimTracker.Infrastructure.Workflow;
using ClaimTracker.IntegrationTests.Infrastructure;
using static ClaimTracker.IntegrationTests.Infrastructure.TestNames;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace ClaimTracker.IntegrationTests.Workflow;

/// <summary>The app with email on, sending to a local SMTP server the test started; the sender's own timer is slowed down so
/// that the tests send what waits themselves, when they choose.</summary>
public sealed class SmtpFactory : ClaimTrackerFactory
{
    public SmtpFactory() : this(Configuration.Configure().WithRandomPort().Build())
    {
    }

    private SmtpFactory(SimpleSmtpServer smtp) : base("Production", new Dictionary<string, string>
    {
        ["Security:RateLimits:PerAddressPerMinute"] = "1000",
        ["Security:RateLimits:PerAccountPer15Minutes"] = "1000",
        [MailOptions.Section + ":Host"] = "127.0.0.1",
        [MailOptions.Section + ":Port"] = smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [MailOptions.Section + ":Security"] = "None",
        [MailOptions.Section + ":From"] = "Desk <desk@claims.example.org>",
        [MailOptions.Section + ":AppUrl"] = "https://claims.example.org",
        [MailOptions.Section + ":PollSeconds"] = "3600",
    }) => Smtp = smtp;

    public SimpleSmtpServer Smtp { get; }

    /// <summary>Sends what waits, as the background sender does on its round.</summary>
    public async Task<int> SendMailAsync() =>
        await ActivatorUtilities.CreateInstance<MailOutbox>(Services).SendWaitingAsync(CancellationToken.None);

    public IReadOnlyList<SmtpMessage> MailTo(string recipient) =>
        Smtp.ReceivedEmail.Where(m => m.ToAddresses.Any(a => string.Equals(a.Address, recipient, StringComparison.OrdinalIgnoreCase))).ToList();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.Dispose();
        }
    }
}

public sealed class NotificationTests(SmtpFactory factory) : IClassFixture<SmtpFactory>
{
    private Task<List<Notification>> InboxOfAsync(string user) =>
        factory.WithDbAsync(db => db.Notifications.Where(n => n.Recipient == user).OrderBy(n => n.Id).ToListAsync());

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> use) 
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    /// <summary>The one notification this person got, and its email copy with a link to the claim.</summary>
    private async Task<Notification> DeliveredAsync(string recipient, NotificationKind kind, int claimId, string contains)
    {
        var notification = Assert.Single(await InboxOfAsync(recipient));
        Assert.Equal((kind, claimId), (notification.Kind, notification.ClaimId));
        Assert.Contains(contains, notification.Text);
        await factory.SendMailAsync();
        var mail = Assert.Single(factory.MailTo(recipient));
        Assert.StartsWith("ClaimTracker: ", mail.Subject);
        var body = mail.MessageParts[0].BodyData;
        Assert.Contains(contains, body);
        Assert.Contains($"https://claims.example.org/editor/claims/details/{claimId}", body);
        Assert.Equal(MailState.Sent, (await InboxOfAsync(recipient)).Single().Mail);
        return notification;
    }

    [Fact]
    public async Task Submission_TellsEveryReviewer_NotTheAuthor_AndTheMenuCountsIt_UntilOpened()
    {
        var (author, reviewer, otherReviewer) = (Email("autorin"), Email("pruefer"), Email("prueferin"));
        await factory.CreateUserAsync(author, Roles.Editor, Roles.Reviewer);
        await factory.CreateUserAsync(otherReviewer, Roles.Reviewer);
        var browser = await factory.SignedInAsync(reviewer, Roles.Reviewer);
        var id = await factory.CreateClaimAsync($"Eingereichte Behauptung {Guid.NewGuid().ToString("N")[..6]}");

        Assert.True((await WithAsync(s => s.GetRequiredService<ClaimWorkflow>().SubmitAsync(id, author, "Bitte prüfen", false, null))).Succeeded);

        await DeliveredAsync(reviewer, NotificationKind.ReviewWaiting, id, "waits for review");
        Assert.Single(await InboxOfAsync(otherReviewer));
        Assert.Empty(await InboxOfAsync(author));
        var page = await browser.GetAsync("/editor", expectOk: true);
        Assert.Equal("1", page.GetElementById("unread-count")!.TextContent);

        var inbox = await browser.GetAsync("/editor/inbox", expectOk: true);
        var item = Assert.Single(inbox.QuerySelectorAll("#notifications li.unread"));
        Assert.Contains("Bitte prüfen", item.TextContent);
        var opened = await browser.SubmitAsync(inbox, item.QuerySelector("form")!.Id!);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/editor/claims/details/{id}", opened.Headers.Location!.OriginalString.ToLowerInvariant());
        Assert.NotNull((await InboxOfAsync(reviewer)).Single().ReadAtUtc);
        Assert.Null((await browser.GetAsync("/editor", expectOk: true)).GetElementById("unread-count"));
    }

    [Fact]
    public async Task SendBackAndApproval_TellTheAuthor_WithTheReviewersComment()
    {
        var (author, reviewer) = (Email("autor"), Email("pruefer"));
        await factory.CreateUserAsync(author, Roles.Editor);
        await factory.CreateUserAsync(reviewer, Roles.Reviewer);
        var id = await factory.CreateClaimAsync($"Zurückgeschickte Behauptung {Guid.NewGuid().ToString("N")[..6]}", by: author);
        var workflow = (IServiceProvider s) => s.GetRequiredService<ClaimWorkflow>();
        Assert.True((await WithAsync(s => workflow(s).SubmitAsync(id, author, null, false, null))).Succeeded);
        var version = (await WithAsync(s => workflow(s).StateAsync(id)))!.Version;

        Assert.True((await WithAsync(s => workflow(s).SendBackAsync(id, version, ClaimTracker.Domain.Accounts.StaffMember.Reviewer(reviewer), "Quelle 003 fehlt"))).Succeeded);
        var sentBack = await DeliveredAsync(author, NotificationKind.SentBack, id, "Quelle 003 fehlt");
        Assert.Contains(reviewer, sentBack.Text);

        await factory.WithDbAsync(db => db.Notifications.Where(n => n.Recipient == author).ExecuteDeleteAsync());
        factory.Smtp.ClearReceivedEmail();
        Assert.True((await WithAsync(s => workflow(s).SubmitAsync(id, author, "Quelle ergänzt", false, null))).Succeeded);
        version = (await WithAsync(s => workflow(s).StateAsync(id)))!.Version;
        Assert.True((await WithAsync(s => workflow(s).ApproveAsync(id, version, ClaimTracker.Domain.Accounts.StaffMember.Reviewer(reviewer), comment: "Gut belegt"))).Succeeded);
        var approved = await DeliveredAsync(author, NotificationKind.Approved, id, "Gut belegt");
        Assert.Contains("readers see version 1", approved.Text);
    }

    [Fact]
    public async Task ApprovedCorrection_TellsTheAuthorItIsACorrection()
    {
        var (author, reviewer) = (Email("korrektor"), Email("pruefer"));
        await factory.CreateUserAsync(author, Roles.Editor);
        var id = await factory.CreateClaimAsync($"Korrigierte Behauptung {Guid.NewGuid().ToString("N")[..6]}");
        await factory.PublishAsync(id);
        await factory.SetStatusAsync(id, "open", new DateOnly(2024, 11, 30));
        var workflow = (IServiceProvider s) => s.GetRequiredService<ClaimWorkflow>();
        var submitted = await WithAsync(s => workflow(s).SubmitAsync(id, author, null, true, "Datum berichtigt."));
        Assert.True(submitted.Succeeded, string.Join(" ", submitted.Errors.Select(e => e.Message)));
        var version = (await WithAsync(s => workflow(s).StateAsync(id)))!.Version;
        Assert.True((await WithAsync(s => workflow(s).ApproveAsync(id, version, ClaimTracker.Domain.Accounts.StaffMember.Reviewer(reviewer)))).Succeeded);

        await DeliveredAsync(author, NotificationKind.Corrected, id, "approved your correction");
    }

    [Fact]
    public async Task Assignment_TellsTheAssignee()
    {
        var (lead, assignee) = (Email("leitung"), Email("zugewiesen"));
        await factory.CreateUserAsync(assignee, Roles.Editor);
        var id = await factory.CreateClaimAsync($"Zugewiesene Behauptung {Guid.NewGuid().ToString("N")[..6]}");

        Assert.True((await WithAsync(s => s.GetRequiredService<AssignClaim>().AssignAsync(id, assignee, lead))).Succeeded);

        await DeliveredAsync(assignee, NotificationKind.Assigned, id, "assigned");
    }

    [Fact]
    public async Task ReaderReport_TellsEditors()
    {
        var editor = Email("redaktion");
        await factory.CreateUserAsync(editor, Roles.Editor);
        var id = await factory.CreateClaimAsync($"Gemeldete Behauptung {Guid.NewGuid().ToString("N")[..6]}");
        var slug = await factory.PublishAsync(id);
        var reader = factory.CreateBrowser();

        var sent = await reader.SubmitAsync(await reader.GetAsync($"/claims/{slug}/report", expectOk: true), "report-form",
            ("Input.Message", "Das Datum der Quelle stimmt nicht: 19. Juni."));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        await DeliveredAsync(editor, NotificationKind.ReaderReport, id, "19. Juni");
    }

    [Fact]
    public async Task MentionInTheDiscussion_TellsWhoIsMentioned_ByAddressOrByName()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (writer, byName, byAddress) = ($"schreiber-{tag}@example.org", $"anna{tag}@example.org", $"ben-{tag}@example.org");
        await factory.CreateUserAsync(byName, Roles.Editor);
        await factory.CreateUserAsync(byAddress, Roles.Reviewer);
        var browser = await factory.SignedInAsync(writer, Roles.Editor);
        var id = await factory.CreateClaimAsync($"Diskutierte Behauptung {tag}");

        var posted = await browser.SubmitAsync(await browser.GetAsync($"/editor/claims/details/{id}", expectOk: true), "comment-form",
            ("body", $"@anna{tag} bitte die Quelle prüfen; cc @{byAddress}. Mail an niemand@example.org ist keine Erwähnung."));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        await DeliveredAsync(byName, NotificationKind.Mentioned, id, "mentioned you");
        await DeliveredAsync(byAddress, NotificationKind.Mentioned, id, "mentioned you");
        Assert.Empty(await InboxOfAsync(writer));
    }

    [Fact]
    public async Task MailServerDown_TheChangeIsSaved_TheMailWaitsAndIsTriedAgain()
    {
        var (author, reviewer) = (Email("autor"), Email("pruefer"));
        await factory.CreateUserAsync(reviewer, Roles.Reviewer);
        var id = await factory.CreateClaimAsync($"Ohne Mailserver {Guid.NewGuid().ToString("N")[..6]}");
        var down = factory.WithWebHostBuilder(b => b.UseSetting(MailOptions.Section + ":Port", "1"));
        await using (var scope = down.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ClaimWorkflow>().SubmitAsync(id, author, null, false, null)).Succeeded);
            Assert.True(await ActivatorUtilities.CreateInstance<MailOutbox>(down.Services).SendWaitingAsync(CancellationToken.None) >= 1);
        }
        var waiting = Assert.Single(await InboxOfAsync(reviewer));
        Assert.Equal((MailState.Pending, 1), (waiting.Mail, waiting.MailAttempts));

        await factory.SendMailAsync();
        Assert.Single(factory.MailTo(reviewer));
    }

    [Fact]
    public async Task TheBackgroundSender_DeliversWithoutBeingAsked()
    {
        var (author, reviewer) = (Email("autor"), Email("pruefer"));
        await factory.CreateUserAsync(reviewer, Roles.Reviewer);
        var id = await factory.CreateClaimAsync($"Von selbst gesendet {Guid.NewGuid().ToString("N")[..6]}");
        // Waiting on the mail server's own event (bounded), not on a fixed time.
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Received(object? sender, MessageReceivedArgs e)
        {
            if (e.Message.ToAddresses.Any(a => string.Equals(a.Address, reviewer, StringComparison.OrdinalIgnoreCase)))
            {
                delivered.TrySetResult();
            }
        }
        factory.Smtp.MessageReceived += Received;
        try
        {
            // An instance whose sender looks every fifth of a second, as a deployment with a short interval would.
            await using var eager = factory.WithWebHostBuilder(b => b.UseSetting(MailOptions.Section + ":PollSeconds", "0.2"));
            await using (var scope = eager.Services.CreateAsyncScope())
            {
                Assert.True((await scope.ServiceProvider.GetRequiredService<ClaimWorkflow>().SubmitAsync(id, author, null, false, null)).Succeeded);
            }
            await delivered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            factory.Smtp.MessageReceived -= Received;
        }
        Assert.Single(factory.MailTo(reviewer));
    }
}
