using System.Globalization;
using System.Net;
using System.Text;
using ClaimTracker.Web.Localisation;

namespace ClaimTracker.Web.Public;

/// <summary>
/// Claims over time as a bar chart drawn on the server (SVG, no script), with the same numbers for the table beside it:
/// by month, or by year when there are more months than fit.
/// </summary>
public static class TallyChart
{
    public const int MaxBars = 48;

    /// <summary>The periods the chart and its table show: months, or years when there are more than <see cref="MaxBars"/> months.</summary>
    public static IReadOnlyList<(string Label, DateOnly Start, int Count)> Periods(IReadOnlyList<(DateOnly Month, int Count)> months) =>
        months.Count <= MaxBars
            ? months.Select(m => (MonthLabel(m.Month), m.Month, m.Count)).ToList()
            : months.GroupBy(m => m.Month.Year)
                .Select(g => (g.Key.ToString(CultureInfo.InvariantCulture), new DateOnly(g.Key, 1, 1), g.Sum(m => m.Count))).ToList();

    public static string MonthLabel(DateOnly month) => month.ToString(Ui.IsGerman ? "MMM yyyy" : "MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>The chart: one bar per period, the largest as high as the chart; its title and description name what it shows.</summary>
    public static string Svg(IReadOnlyList<(string Label, DateOnly Start, int Count)> periods, string id, string title)
    {
        const int barWidth = 14, gap = 4, height = 120, labelSpace = 18;
        var max = Math.Max(1, periods.Count == 0 ? 1 : periods.Max(p => p.Count));
        var width = Math.Max(1, periods.Count * (barWidth + gap));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tally-chart\" id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {width} {height + labelSpace}\" width=\"{width}\" height=\"{height + labelSpace}\" preserveAspectRatio=\"xMinYMin meet\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)}</title>");
        for (var i = 0; i < periods.Count; i++)
        {
            var (label, start, count) = periods[i];
            var barHeight = count == 0 ? 0 : Math.Max(2, (int)Math.Round(count * (double)height / max));
            var x = i * (barWidth + gap);
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x}\" y=\"{height - barHeight}\" width=\"{barWidth}\" height=\"{barHeight}\" data-count=\"{count}\"><title>{WebUtility.HtmlEncode(label)}: {count}</title></rect>");
            // A label under the first bar and under each year's first bar, so the axis can be read without crowding.
            if (i == 0 || start.Month == 1 || periods.Count <= 12)
            {
                var text = periods.Count <= 12 && start.Month != 1 && i != 0 ? start.ToString("MMM", CultureInfo.CurrentCulture) : start.Year.ToString(CultureInfo.InvariantCulture);
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{height + labelSpace - 4}\" aria-hidden=\"true\">{WebUtility.HtmlEncode(text)}</text>");
            }
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
