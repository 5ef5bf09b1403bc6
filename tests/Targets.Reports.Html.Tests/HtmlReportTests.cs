using System.Text;
using System.Text.RegularExpressions;
using Targets.Tests.Shared;

namespace Targets.Reports.Html.Tests;

public sealed partial class HtmlReportTests
{
    [Theory]
    [MemberData(nameof(SampleReports.EachLocality), MemberType = typeof(SampleReports))]
    public void Render_EachLocalitySample_LoadsNothingFromOutside(string locality)
    {
        var page = HtmlReport.Render(SampleReports.For(locality));

        page.ShouldStartWith("<!DOCTYPE html>\n<html lang=\"vi\">");
        page.ShouldContain("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
        foreach (var reference in new[] { "<script", "<link", "<img", "<iframe", "<object", "@import", "url(", " src=", " href=" })
        {
            page.ShouldNotContain(reference, Case.Insensitive);
        }

        Urls().Matches(page).Select(m => m.Value).Distinct().ShouldBeSubsetOf(["http://www.w3.org/2000/svg"], "the SVG namespace is the only address");
    }

    [Theory]
    [MemberData(nameof(SampleReports.EachLocality), MemberType = typeof(SampleReports))]
    public void Render_EachLocalitySample_HasTheTextReportsContent(string locality)
    {
        var report = SampleReports.For(locality);
        var page = HtmlReport.Render(report);

        foreach (var sentence in report.Summary.Sentences)
        {
            page.ShouldContain(HtmlText.Escape(sentence));
        }

        foreach (var row in report.Table)
        {
            page.ShouldContain($"<th scope=\"row\">{HtmlText.Escape(row.Label)}</th><td>{HtmlText.Escape(row.Requirement)}</td><td>{HtmlText.Escape(row.Result)}</td>");
        }

        foreach (var year in report.Documents.SelectMany(d => d.Clauses).SelectMany(c => c.Targets).SelectMany(t => t.Years))
        {
            page.ShouldContain(HtmlText.Escape(year.Body));
        }

        page.ShouldContain(HtmlText.Escape(report.Annex.Title.ToUpperInvariant()));
        foreach (var method in report.Annex.Methods)
        {
            page.ShouldContain(HtmlText.Escape(method));
        }
    }

    [Fact]
    public void Render_TargetsOverSeveralYears_HaveOneChartEach()
    {
        var report = SampleReports.For("can-tho");
        var page = HtmlReport.Render(report);

        report.Charts.Count.ShouldBeGreaterThan(0);
        Regex.Count(page, "<figure class=\"chart\">").ShouldBe(report.Charts.Count);
        Regex.Count(page, "<svg ").ShouldBe(report.Charts.Count);
        page.ShouldContain("stroke-dasharray=\"6 3\"", customMessage: "the requirement as a dashed line");
    }

    [Fact]
    public void Render_Statuses_AreWrittenInWordsBesideTheirColour()
    {
        var report = SampleReports.For("can-tho");
        var page = HtmlReport.Render(report);

        foreach (var row in report.Table)
        {
            page.ShouldContain($"\">{HtmlText.Escape(row.Verdict)}</td></tr>");
        }

        foreach (var match in StatusSpans().Matches(page).Cast<Match>())
        {
            match.Groups["words"].Value.Trim().ShouldNotBeEmpty("a coloured status always carries its words");
        }
    }

    [Fact]
    public void Render_DeliverableAndTaskMilestones_ShowTheirOwnStanding()
    {
        // Cần Thơ 2.4.d, built in 2022; 205 V.2, reported milestone by milestone (the 2023 half-year report late).
        var page = HtmlReport.Render(SampleReports.For("can-tho"));

        page.ShouldContain("<li>Đến năm 2023: đã hoàn thành năm 2022 — <strong class=\"status st-met\">đạt</strong>.</li>");
        page.ShouldContain("; từng mốc: hoàn thành đúng hạn: năm 2021, 6 tháng đầu năm 2022, năm 2022, năm 2023; hoàn thành chậm: 6 tháng đầu năm 2023 (ngày 05/07/2023); chưa đến hạn:");
        page.ShouldContain("<li>V.2 (sơ kết giữa kỳ): như trên; thời hạn: sơ kết giữa kỳ (năm 2023) (đến 31/12/2023); ");
    }

    [Fact]
    public void Render_PendingDeliverable_IsNotYetDoneInWordsAndCountedSo()
    {
        var page = HtmlReport.Render(SampleReports.WithPendingDeliverable());

        page.ShouldContain("<li>Đến năm 2023: chưa có mô hình nào — <strong class=\"status st-pending\">chưa hoàn thành, chưa đến hạn</strong>.</li>");
        page.ShouldContain("1 chưa hoàn thành (chưa đến hạn)");
    }

    [Fact]
    public void Render_PrintStylesheet_SetsA4()
    {
        var page = HtmlReport.Render(SampleReports.For("hai-phong"));

        page.ShouldContain("@page { size: A4; margin: 20mm 15mm 20mm 30mm; }");
        page.ShouldContain("@media print {");
    }

    [Fact]
    public void Render_FiguresAsKept_ShowsTheNoteTheUnitsBelowTheBarAndTheFiguresNotRead()
    {
        var report = SampleReports.WithFiguresAsKept();
        var page = HtmlReport.Render(report);

        page.ShouldContain($"<span class=\"note\">{HtmlText.Escape(report.Header.Notes[0])}</span>");
        page.ShouldContain("<ul class=\"drill-down\"><li>Đơn vị chưa đạt: huyện Phong Điền (10/40 xã, bằng 25,0%).</li></ul></li>");
        page.ShouldContain($"<h2>Số liệu không dùng để đánh giá</h2>\n<ul>\n<li>{HtmlText.Escape(report.UnusedFigures[0].Sentence)}.</li>");
        page.ShouldContain($"<h3>Số liệu không cần cho đánh giá</h3>\n<ul>\n<li>{HtmlText.Escape(report.Annex.FiguresNotNeeded[0].Sentence)}.</li>");
    }

    [Fact]
    public void Render_HostileStrings_AppearOnlyEscaped()
    {
        var page = HtmlReport.Render(SampleReports.Hostile());

        page.ShouldNotContain(SampleReports.Script);
        page.ShouldNotContain(SampleReports.Attribute);
        Regex.Count(page, "</style>").ShouldBe(1, "only the page's own stylesheet closes");
        Regex.Count(page, "<script", RegexOptions.IgnoreCase).ShouldBe(0);
        page.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        page.ShouldContain("&quot; onload=&quot;x");
        page.ShouldContain("&lt;/style&gt;");
        page.Any(c => char.IsControl(c) && c != '\n').ShouldBeFalse("no control character but the page's own line ends");
        page.ShouldNotContain("\u2028");
        page.Any(char.IsSurrogate).ShouldBeFalse();

        // Every attribute value is one of the page's own or escaped: no attribute begins inside a value.
        Attributes().Matches(page).Select(m => m.Groups["name"].Value).Distinct().Order()
            .ShouldBeSubsetOf(["aria-label", "charset", "class", "content", "fill", "font-family", "font-size", "font-style", "font-weight", "height", "http-equiv", "id", "lang", "name", "paint-order", "role", "scope", "stroke", "stroke-dasharray", "stroke-width", "text-anchor", "value", "viewBox", "width", "x", "x1", "x2", "xmlns", "y", "y1", "y2"]);
    }

    [Fact]
    public void Render_TwiceAndUnderOtherCultures_GivesTheSameBytes()
    {
        var report = SampleReports.For("can-tho");
        var first = SampleReports.UnderCulture("en-US", () => Bytes(report));

        Bytes(report).ShouldBe(first);
        SampleReports.UnderCulture("tr-TR", () => Bytes(report)).ShouldBe(first);
        SampleReports.UnderCulture("vi-VN", () => Bytes(report)).ShouldBe(first);
    }

    [Fact]
    public void Write_Stream_IsUtf8WithoutByteOrderMark()
    {
        var report = SampleReports.For("hai-phong");
        using var stream = new MemoryStream();

        HtmlReport.Write(report, stream);

        stream.ToArray().ShouldBe(new UTF8Encoding(false).GetBytes(HtmlReport.Render(report)));
        stream.ToArray()[0].ShouldBe((byte)'<');
    }

    private static byte[] Bytes(Rules.Reporting.Report report)
    {
        using var stream = new MemoryStream();
        HtmlReport.Write(report, stream);
        return stream.ToArray();
    }

    [GeneratedRegex("https?://[^\"'\\s)<>]+")]
    private static partial Regex Urls();

    [GeneratedRegex("<strong class=\"status st-[a-z]+\">(?<words>[^<]*)</strong>")]
    private static partial Regex StatusSpans();

    [GeneratedRegex("\\s(?<name>[a-zA-Z-]+)=\"")]
    private static partial Regex Attributes();
}
