using System.Text;
using Targets.Core.Evaluation;
using Targets.Reports.Html.Charts;
using Targets.Rules.Reporting;

namespace Targets.Reports.Html.Tests.Charts;

public sealed class SvgChartTests
{
    private static string Chart(params ChartPoint[] points)
    {
        var page = new StringBuilder();
        SvgChart.Append(page, new ChartSeries("t", "II.2.4", "tỷ lệ người nghiện", "%", "mức cần đạt", points));
        return page.ToString();
    }

    [Fact]
    public void Append_ThreeYears_DrawsAColumnAndARequirementPerYearWithVerdictsInWords()
    {
        var svg = Chart(
            new ChartPoint(2021, 81m, "81,0%", 80m, AssessmentStatus.Exceeded, "vượt"),
            new ChartPoint(2022, 80m, "80,0%", 80m, AssessmentStatus.NotMet, "không đạt"),
            new ChartPoint(2023, null, string.Empty, 80m, AssessmentStatus.NoData, "chưa có số liệu"));

        svg.Split("<rect ").Length.ShouldBe(1 + 1 + 2, "the legend's swatch and a column per year with a value");
        svg.Split("stroke-dasharray=\"6 3\"").Length.ShouldBe(1 + 1 + 3, "the legend's line and a requirement per year");
        svg.ShouldContain(">vượt</text>");
        svg.ShouldContain(">không đạt</text>");
        svg.ShouldContain(">chưa có số</text>");
        svg.ShouldContain(">81,0%</text>", customMessage: "a column's value reads as the text gives it");
        svg.ShouldContain(">100%</text>");
        svg.ShouldContain("<desc>năm 2021: 81,0% — vượt; mức cần đạt: 80%; năm 2022: 80,0% — không đạt; mức cần đạt: 80%; năm 2023: chưa có số liệu — chưa có số liệu; mức cần đạt: 80%</desc>");
    }

    [Fact]
    public void Append_NoRequirement_LeavesTheLineOutOfTheLegend()
    {
        var svg = Chart(
            new ChartPoint(2021, 1m, "1 vụ", null, AssessmentStatus.Met, "đạt"),
            new ChartPoint(2022, 2m, "2 vụ", null, AssessmentStatus.Met, "đạt"));

        svg.ShouldNotContain("stroke-dasharray");
        svg.ShouldNotContain("mức cần đạt");
    }

    [Fact]
    public void Append_ShareNearItsMark_LabelTellsItApartAndNeverCrossesTheLine()
    {
        var svg = Chart(
            new ChartPoint(2021, 80.03m, "80,03%", 80m, AssessmentStatus.Met, "đạt"),
            new ChartPoint(2022, 79m, "79,0%", 80m, AssessmentStatus.NotMet, "không đạt"));

        svg.ShouldContain(">80,03%</text>");
        var label = System.Text.RegularExpressions.Regex.Match(svg, "y=\"([0-9.]+)\"[^>]*font-weight=\"bold\"[^>]*>79,0%<");
        // The requirement's lines in the plot (the legend's sample line sits above the plot).
        var lines = System.Text.RegularExpressions.Regex.Matches(svg, "<line [^>]*y1=\"([0-9.]+)\"[^>]*stroke-dasharray")
            .Select(m => decimal.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Where(y => y > 20m).ToList();
        lines.ShouldNotBeEmpty();
        decimal.Parse(label.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBeLessThan(lines.Min() - 2m);
    }
}
