using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ClaimTracker.Bench;

/// <summary>
/// Simulated editors saving claim edits and status changes through the app's own forms (antiforgery,
/// validation, concurrency check, change log, search index, cache eviction), each on claims of its own
/// so they never conflict with each other. Only the saves (the POSTs) are timed, and only after a warm-up
/// of the same work: a freshly started app spends its first minute recompiling hot code (measured: a third
/// of the core still went to the JIT 20–40 s after start), which is start-up, not the write path. The tool's
/// own CPU use in the measured window is reported: near 100 % of its core, the figures are bound by the
/// load generator (it parses every form it fills in). Also reported, to tell where a save's time goes: the
/// forms' GETs and each kind of save on their own (<c>form_</c>, <c>edit_</c>, <c>status_</c> p50 and p99).
/// </summary>
public static class WritePath
{
    public static async Task<string> RunAsync(Uri baseAddress, string email, string password, int claims, int editors, TimeSpan duration, TextWriter progress,
        TimeSpan warmUp = default)
    {
        // Milliseconds of the forms' GETs and of each kind of save, in the measured window.
        var kinds = new Dictionary<string, List<double>> { ["form"] = [], ["edit"] = [], ["status"] = [] };
        var errors = new List<string>();
        var clients = new List<HttpClient>();
        for (var i = 0; i < editors; i++)
        {
            clients.Add(await SignInAsync(baseAddress, email, password));
        }
        var scaleId = await OpenStatusIdAsync(clients[0], claims);
        var stop = Stopwatch.StartNew();
        var end = warmUp + duration;
        var window = MeasureClientCpuAsync(warmUp, duration);
        await Task.WhenAll(clients.Select((client, editor) => Task.Run(async () =>
        {
            var random = new Random(editor);
            var own = Enumerable.Range(1, claims).Where(id => id % editors == editor).ToArray();
            for (var step = 0; stop.Elapsed < end; step++)
            {
                var id = own[random.Next(own.Length)];
                var measured = stop.Elapsed >= warmUp;
                try
                {
                    var kind = step % 2 == 0 ? "edit" : "status";
                    var (form, elapsed, outcome) = kind == "edit" ? await EditAsync(client, id, step) : await ChangeStatusAsync(client, id, scaleId, step);
                    if (!measured)
                    {
                        if (outcome is not null)
                        {
                            lock (errors)
                            {
                                errors.Add($"claim {id} (warm-up): {outcome}");
                            }
                        }
                        continue;
                    }
                    lock (errors)
                    {
                        kinds["form"].Add(form);
                        kinds[kind].Add(elapsed);
                        if (outcome is not null)
                        {
                            errors.Add($"claim {id}: {outcome}");
                        }
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    lock (errors)
                    {
                        errors.Add($"claim {id}: {exception.GetType().Name}: {exception.Message}");
                    }
                }
            }
        })));
        var seconds = (stop.Elapsed - warmUp).TotalSeconds;
        var clientCpu = await window;
        var saves = kinds["edit"].Concat(kinds["status"]).Order().ToList();
        foreach (var times in kinds.Values)
        {
            times.Sort();
        }
        foreach (var error in errors.Take(5))
        {
            progress.WriteLine("write: " + error);
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"saves={saves.Count} seconds={seconds:F1} throughput={saves.Count / seconds:F1} p50_ms={Percentile(saves, 0.50):F1} p99_ms={Percentile(saves, 0.99):F1} errors={errors.Count} warmup_s={warmUp.TotalSeconds:F0} client_cpu={clientCpu:P0}")
            + string.Concat(kinds.Select(k => string.Create(CultureInfo.InvariantCulture,
                $" {k.Key}_p50_ms={Percentile(k.Value, 0.50):F1} {k.Key}_p99_ms={Percentile(k.Value, 0.99):F1}")));
    }

    /// <summary>The share of one core this process used in the measured window.</summary>
    private static async Task<double> MeasureClientCpuAsync(TimeSpan warmUp, TimeSpan duration)
    {
        await Task.Delay(warmUp);
        using var self = Process.GetCurrentProcess();
        var before = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.Delay(duration);
        self.Refresh();
        return (self.TotalProcessorTime - before).TotalSeconds / clock.Elapsed.TotalSeconds;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>
    /// A browser behind the TLS proxy the app expects in production: it says X-Forwarded-Proto: https
    /// (the app runs with ForwardedHeaders:Enabled) and sends back its cookies, Secure ones included.
    /// </summary>
    private static async Task<HttpClient> SignInAsync(Uri baseAddress, string email, string password)
    {
        var client = new HttpClient(new CookieJar(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })) { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var login = await PageAsync(client, "/account/login");
        var (target, content) = FilledForm(login, "login-form", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        var response = await client.PostAsync(target, content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} answered {(int)response.StatusCode}.");
        }
        return client;
    }

    private static async Task<string> OpenStatusIdAsync(HttpClient client, int claims)
    {
        var page = await PageAsync(client, $"/editor/claims/status/{Math.Max(1, claims / 2)}");
        return page.QuerySelectorAll("#Input_StatusId option").First(o => o.TextContent.StartsWith("Open", StringComparison.Ordinal)).GetAttribute("value")!;
    }

    /// <summary>Opens the edit form and saves a changed summary: the form's own fields, antiforgery token and version.</summary>
    private static async Task<(double Form, double Save, string? Error)> EditAsync(HttpClient client, int id, int step)
    {
        var (form, formMilliseconds) = await TimedPageAsync(client, $"/editor/claims/edit/{id}");
        var (target, content) = FilledForm(form, "claim-form",
            new() { ["Input.SummaryHtml"] = $"<p>Stand der Prüfung {step}: neue Berichte über Lieferungen ausgewertet; Behörden äußern sich nicht.</p>" });
        var clock = Stopwatch.StartNew();
        var response = await client.PostAsync(target, content);
        return (formMilliseconds, clock.Elapsed.TotalMilliseconds, response.StatusCode == HttpStatusCode.Redirect ? null : $"edit answered {(int)response.StatusCode}");
    }

    /// <summary>Records "open — under review" with a rationale (no source needed): the append-only history grows.</summary>
    private static async Task<(double Form, double Save, string? Error)> ChangeStatusAsync(HttpClient client, int id, string statusId, int step)
    {
        var (form, formMilliseconds) = await TimedPageAsync(client, $"/editor/claims/status/{id}");
        var (target, content) = FilledForm(form, "status-form", new()
        {
            ["Input.StatusId"] = statusId,
            ["Input.EffectiveOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Rationale"] = $"<p>Erneut geprüft ({step}): keine neuen Belege.</p>",
        });
        var clock = Stopwatch.StartNew();
        var response = await client.PostAsync(target, content);
        return (formMilliseconds, clock.Elapsed.TotalMilliseconds, response.StatusCode == HttpStatusCode.Redirect ? null : $"status answered {(int)response.StatusCode}");
    }

    private static async Task<IHtmlDocument> PageAsync(HttpClient client, string path) => (await TimedPageAsync(client, path)).Page;

    /// <summary>A page, parsed, and how long the server took to send it (until its last byte, before the parsing).</summary>
    private static async Task<(IHtmlDocument Page, double Milliseconds)> TimedPageAsync(HttpClient client, string path)
    {
        var clock = Stopwatch.StartNew();
        var response = await client.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }
        var html = await response.Content.ReadAsStringAsync();
        var milliseconds = clock.Elapsed.TotalMilliseconds;
        var document = await new HtmlParser().ParseDocumentAsync(html);
        document.Location.Href = new Uri(client.BaseAddress!, path).ToString();
        return (document, milliseconds);
    }

    /// <summary>
    /// A form filled in as a browser would send it: its inputs, textareas and selected options, with some fields
    /// replaced. Built before the clock starts: the save's latency is the server's, not the reading of a large form.
    /// </summary>
    private static (string Target, FormUrlEncodedContent Content) FilledForm(IHtmlDocument page, string formId, Dictionary<string, string> values)
    {
        var form = page.GetElementById(formId) as IHtmlFormElement ?? throw new InvalidOperationException($"No form #{formId} on {page.Location.Href}.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked:
                    fields.Add(new(box.Name!, box.Value));
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "submit" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(select.Name, o.Value)));
                    break;
            }
        }
        foreach (var (name, value) in values)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? new Uri(page.Location.Href).PathAndQuery : action;
        return (target, new FormUrlEncodedContent(fields));
    }

    private sealed class CookieJar(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (cookies)
            {
                if (cookies.Count > 0)
                {
                    request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
                }
            }
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                lock (cookies)
                {
                    foreach (var pair in setCookies.Select(c => c.Split(';')[0].Split('=', 2)).Where(p => p.Length == 2))
                    {
                        cookies[pair[0]] = pair[1];
                    }
                }
            }
            return response;
        }
    }
}
