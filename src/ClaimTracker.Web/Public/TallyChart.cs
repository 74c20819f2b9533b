using System.Globalization;
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

    /// <summary>One bar of the chart: where it stands, how high, its count, and the axis label under it (if any).</summary>
    public sealed record Bar(int X, int Y, int Height, string Label, int Count, string? AxisLabel);

    public const int BarWidth = 14, Gap = 4, ChartHeight = 120, LabelSpace = 18;

    /// <summary>
    /// The chart's bars, the largest as high as the chart, and its width. The partial draws them as SVG in Razor markup, so
    /// every text is encoded like the rest of the page. An axis label sits under the first bar and each January (every bar
    /// when there are at most twelve).
    /// </summary>
    public static (IReadOnlyList<Bar> Bars, int Width) Layout(IReadOnlyList<(string Label, DateOnly Start, int Count)> periods)
    {
        var max = Math.Max(1, periods.Count == 0 ? 1 : periods.Max(p => p.Count));
        var bars = new List<Bar>(periods.Count);
        for (var i = 0; i < periods.Count; i++)
        {
            var (label, start, count) = periods[i];
            var height = count == 0 ? 0 : Math.Max(2, (int)Math.Round(count * (double)ChartHeight / max));
            var few = periods.Count <= 12;
            string? axis = i == 0 || start.Month == 1 ? start.Year.ToString(CultureInfo.InvariantCulture)
                : few ? start.ToString("MMM", CultureInfo.CurrentCulture) : null;
            bars.Add(new Bar(i * (BarWidth + Gap), ChartHeight - height, height, label, count, axis));
        }
        return (bars, Math.Max(1, periods.Count * (BarWidth + Gap)));
    }
}
