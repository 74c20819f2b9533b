using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace ClaimTracker.IntegrationTests.Infrastructure;

/// <summary>Parses pages with a real HTML parser and submits their forms as a browser would.</summary>
public static class Html
{
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var content = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(content).Address(response.RequestMessage!.RequestUri!));
    }

    public static async Task<IDocument> GetAsync(this HttpClient client, string url, bool expectOk)
    {
        var response = await client.GetAsync(url);
        if (expectOk && response.StatusCode != System.Net.HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}.");
        }
        return await ParseAsync(response);
    }

    /// <summary>The form's fields (with its antiforgery token), changed by <paramref name="values"/>, posted to its action.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IDocument page, string formId,
        params (string Name, string Value)[] values) =>
        client.SubmitListsAsync(page, formId, values.Select(v => (v.Name, (IReadOnlyList<string>)[v.Value])).ToArray());

    public static Task<HttpResponseMessage> SubmitListsAsync(this HttpClient client, IDocument page, string formId,
        params (string Name, IReadOnlyList<string> Values)[] values) =>
        client.PostAsync(ActionOf(page, formId, null), new FormUrlEncodedContent(FieldsOf(page, formId, values)));

    /// <summary>As <see cref="SubmitAsync"/>, pressing the button <paramref name="buttonId"/> (its <c>formaction</c> decides where the form goes).</summary>
    public static Task<HttpResponseMessage> SubmitWithAsync(this HttpClient client, IDocument page, string formId, string buttonId,
        params (string Name, string Value)[] values) =>
        client.PostAsync(ActionOf(page, formId, buttonId), new FormUrlEncodedContent(FieldsOf(page, formId, values.Select(v => (v.Name, (IReadOnlyList<string>)[v.Value])).ToArray())));

    /// <summary>A multipart form post with one file, as a browser sends an upload form.</summary>
    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, IDocument page, string formId, string fileField,
        string fileName, string contentType, byte[] bytes, params (string Name, string Value)[] values)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in FieldsOf(page, formId, values.Select(v => (v.Name, (IReadOnlyList<string>)[v.Value])).ToArray()))
        {
            content.Add(new StringContent(value), name);
        }
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        content.Add(file, fileField, fileName);
        return client.PostAsync(ActionOf(page, formId, null), content);
    }

    private static string ActionOf(IDocument page, string formId, string? buttonId)
    {
        var form = page.GetElementById(formId) as IHtmlFormElement
            ?? throw new InvalidOperationException($"The page has no form #{formId}.");
        var overridden = buttonId is null ? null
            : (page.GetElementById(buttonId) ?? throw new InvalidOperationException($"The page has no button #{buttonId}.")).GetAttribute("formaction");
        // The raw attribute: AngleSharp's resolved Action escapes the query's '?'.
        return new Uri(new Uri(page.Url), overridden ?? form.GetAttribute("action") ?? page.Url).PathAndQuery;
    }

    private static List<KeyValuePair<string, string>> FieldsOf(IDocument page, string formId, (string Name, IReadOnlyList<string> Values)[] values)
    {
        var form = page.GetElementById(formId) as IHtmlFormElement
            ?? throw new InvalidOperationException($"The page has no form #{formId}.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked:
                    fields.Add(new(box.Name!, box.Value));
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "submit" or "file" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    // As a browser: the selected options, or the first one of a single-choice list.
                    var chosen = select.Options.Where(o => o.IsSelected).ToList();
                    if (chosen.Count == 0 && !select.IsMultiple && select.Options.Length > 0)
                    {
                        chosen.Add(select.Options[0]!);
                    }
                    fields.AddRange(chosen.Select(o => new KeyValuePair<string, string>(select.Name, o.Value)));
                    break;
            }
        }
        foreach (var (name, replacements) in values)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.AddRange(replacements.Select(v => new KeyValuePair<string, string>(name, v)));
        }
        return fields;
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password,
        string returnUrl = "")
    {
        var page = await client.GetAsync("/account/login" + (returnUrl == "" ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl)), expectOk: true);
        return await client.SubmitAsync(page, "login-form", ("Input.Email", email), ("Input.Password", password));
    }

    public static string Errors(this IDocument page) =>
        string.Join(" | ", page.QuerySelectorAll(".errors, .field-error").Select(e => e.TextContent.Trim()).Where(t => t != ""));

    public static string Status(this IDocument page) =>
        page.QuerySelector(".status-message")?.TextContent.Trim() ?? string.Empty;
}

public static class Redirects
{
    /// <summary>Asserts a redirect (the PRG step after a POST) and opens its target.</summary>
    public static async Task<AngleSharp.Dom.IDocument> FollowAsync(this HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetAsync(response.Headers.Location!.OriginalString, expectOk: true);
    }
}
