using System.Globalization;
using System.Text;
using Targets.Core.Evaluation;
using Targets.Core.Formatting;
using Targets.Rules.Reporting;

namespace Targets.Reports.Html.Charts;

/// <summary>
/// A small column chart of one target over the years, as inline SVG: one column per year (the value judged), the
/// requirement of each year as a dashed line across its column, and under each year its verdict in words, so that the
/// chart never relies on colour. Geometry is computed in decimal and written with the invariant culture; labels are
/// Vietnamese numbers; every string from the report is escaped by <see cref="HtmlText"/>.
/// </summary>
internal static class SvgChart
{
    private const decimal Width = 480m;
    private const decimal Left = 64m;
    private const decimal Right = 16m;
    private const decimal Top = 34m;
    private const decimal PlotHeight = 136m;
    private const decimal Height = 236m;
    private const decimal PlotWidth = Width - Left - Right;
    private const int StatusLineLength = 12;

    public static void Append(StringBuilder page, ChartSeries series)
    {
        var points = series.Points;
        var scale = ChartScale.For(points.SelectMany(p => new[] { p.Value, p.Requirement }).OfType<decimal>());
        var percent = series.Unit == "%";
        string Label(decimal value) => VietnameseFormat.Number(value, 2) + (percent ? "%" : string.Empty);

        // A column's value as the text gives it: one decimal, more only to tell a share apart from its mark (80,03%).
        string ValueLabel(decimal value, decimal? mark) => percent
            ? VietnameseFormat.PercentApart(value, mark ?? value)
            : VietnameseFormat.Number(value, 1);
        decimal Y(decimal value) => Top + PlotHeight - (scale.Fraction(value) * PlotHeight);

        page.Append("<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(N(Width)).Append(' ').Append(N(Height))
            .Append("\" role=\"img\" aria-label=\"");
        HtmlText.Append(page, $"Biểu đồ {series.Label}").Append("\" font-family=\"inherit\" font-size=\"12\">\n<title>");
        HtmlText.Append(page, $"{series.Label}: {series.Subject}").Append("</title>\n<desc>");
        HtmlText.Append(page, string.Join("; ", points.Select(Describe))).Append("</desc>\n");

        // Legend.
        page.Append("<rect x=\"").Append(N(Left)).Append("\" y=\"6\" width=\"12\" height=\"12\" fill=\"#8c8c8c\"/>");
        page.Append("<text x=\"").Append(N(Left + 16)).Append("\" y=\"16\">số liệu</text>");
        if (points.Any(p => p.Requirement is not null))
        {
            page.Append("<line x1=\"").Append(N(Left + 90)).Append("\" y1=\"12\" x2=\"").Append(N(Left + 118))
                .Append("\" y2=\"12\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>");
            page.Append("<text x=\"").Append(N(Left + 124)).Append("\" y=\"16\">");
            HtmlText.Append(page, series.RequirementLabel).Append("</text>");
        }

        page.Append('\n');

        // Axis and grid.
        foreach (var tick in scale.Ticks())
        {
            var y = N(Y(tick));
            page.Append("<line x1=\"").Append(N(Left)).Append("\" y1=\"").Append(y).Append("\" x2=\"").Append(N(Width - Right)).Append("\" y2=\"").Append(y)
                .Append(tick == 0m ? "\" stroke=\"#000\"/>" : "\" stroke=\"#d9d9d9\"/>");
            page.Append("<text x=\"").Append(N(Left - 6)).Append("\" y=\"").Append(N(Y(tick) + 4)).Append("\" text-anchor=\"end\">");
            HtmlText.Append(page, Label(tick)).Append("</text>\n");
        }

        // Columns, requirement marks, years and verdicts.
        var band = PlotWidth / points.Count;
        var columnWidth = Math.Min(band * 0.5m, 48m);
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var centre = Left + (band * i) + (band / 2);
            page.Append("<g>");
            page.Append("<title>");
            HtmlText.Append(page, Describe(point)).Append("</title>");
            if (point.Value is { } value)
            {
                var top = Math.Min(Y(value), Y(0m));
                var height = Math.Abs(Y(value) - Y(0m));
                page.Append("<rect x=\"").Append(N(centre - (columnWidth / 2))).Append("\" y=\"").Append(N(top)).Append("\" width=\"").Append(N(columnWidth))
                    .Append("\" height=\"").Append(N(height)).Append("\" fill=\"").Append(Fill(point.Status)).Append("\"/>");
                // The label sits above the column, and above the requirement's line when that line would cross it.
                var labelY = top - 4;
                if (point.Requirement is { } mark && Y(mark) > labelY - 14 && Y(mark) < labelY + 4)
                {
                    labelY = Y(mark) - 4;
                }

                page.Append("<text x=\"").Append(N(centre)).Append("\" y=\"").Append(N(labelY)).Append("\" text-anchor=\"middle\" font-weight=\"bold\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\">");
                HtmlText.Append(page, ValueLabel(value, point.Requirement)).Append("</text>");
            }

            if (point.Requirement is { } requirement)
            {
                var y = N(Y(requirement));
                page.Append("<line x1=\"").Append(N(centre - (band * 0.42m))).Append("\" y1=\"").Append(y).Append("\" x2=\"").Append(N(centre + (band * 0.42m)))
                    .Append("\" y2=\"").Append(y).Append("\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>");
            }

            page.Append("<text x=\"").Append(N(centre)).Append("\" y=\"").Append(N(Top + PlotHeight + 16)).Append("\" text-anchor=\"middle\">")
                .Append(point.Year.ToString(CultureInfo.InvariantCulture)).Append("</text>");
            var line = 0;
            foreach (var words in Wrap(point.Value is null ? "chưa có số liệu" : point.StatusText))
            {
                page.Append("<text x=\"").Append(N(centre)).Append("\" y=\"").Append(N(Top + PlotHeight + 32 + (line++ * 13))).Append("\" text-anchor=\"middle\" font-style=\"italic\">");
                HtmlText.Append(page, words).Append("</text>");
            }

            page.Append("</g>\n");
        }

        page.Append("</svg>\n<figcaption>");
        HtmlText.Append(page, $"Biểu đồ {series.Label}: {series.Subject}{(series.Unit.Length > 0 ? $" ({series.Unit})" : string.Empty)}, theo năm. ");
        HtmlText.Append(page, points.Any(p => p.Requirement is not null) ? $"Cột: số liệu; đường gạch: {series.RequirementLabel}; dưới mỗi năm: đánh giá." : "Cột: số liệu; dưới mỗi năm: đánh giá.");
        page.Append("</figcaption>\n</figure>\n");

        string Describe(ChartPoint p) =>
            $"năm {p.Year.ToString(CultureInfo.InvariantCulture)}: {(p.ValueText.Length > 0 ? p.ValueText : "chưa có số liệu")} — {p.StatusText}"
            + (p.Requirement is { } r ? $"; {series.RequirementLabel}: {Label(r)}" : string.Empty);
    }

    /// <summary>A verdict cut into short lines at spaces, so that long ones (<c>có nguy cơ không đạt</c>) fit under their year.</summary>
    private static List<string> Wrap(string text)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > StatusLineLength)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            current.Append(current.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        return lines;
    }

    private static string Fill(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Met or AssessmentStatus.OnTrack => "#5a9e5f",
        AssessmentStatus.Exceeded => "#4a7fb5",
        AssessmentStatus.NotMet => "#c2443b",
        AssessmentStatus.AtRisk => "#d6a22a",
        _ => "#a6a6a6",
    };

    private static string N(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
}
