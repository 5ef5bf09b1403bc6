using System.Globalization;
using Targets.Core.Data;
using Targets.Core.Evaluation;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Rules.Engine;
using Targets.Rules.Narratives;
using Targets.Rules.Plugins;
using Targets.Rules.Reporting;
using Targets.Rules.Tests.Support;
using Targets.Tests.Shared;
using static Targets.Rules.Tests.Support.ShippedPlugins;

namespace Targets.Rules.Tests.Reporting;

/// <summary>
/// Issue 10 in the report: a figure added up from its halves or units says so, the units below the bar are named under
/// the whole's line, a merged locality's result states its boundary and compares like with like, the figures no target
/// read are listed with the reason, and an as-of date after the plan is noted, in the model and in the text, with no id.
/// </summary>
public sealed class FiguresAsKeptReportTests
{
    private static (Report Report, string Text) Report((TargetsPlugin Plugin, ICompiledRuleSet Rules) locality, string asOf, params Figure[] figures)
    {
        var (plugin, rules) = locality;
        var data = new Dataset { Locality = rules.Locality.Code, AsOf = DateOnly.Parse(asOf, CultureInfo.InvariantCulture), Figures = figures, SourceFile = "data.json" };
        var report = ReportBuilder.Build(rules.Evaluate(data), rules);
        return (report, new NarrativeRenderer().Render(report, plugin.LoadTemplates()));
    }

    private static Report Sample((TargetsPlugin Plugin, ICompiledRuleSet Rules) locality) =>
        ReportBuilder.Build(locality.Rules.Evaluate(locality.Plugin.LoadSample()), locality.Rules);

    private static YearResult Year(Report report, string targetId, int year) =>
        report.Documents.SelectMany(d => d.Clauses).SelectMany(c => c.Targets).Single(t => t.Id == targetId).Years.Single(y => y.Period == year.ToString(CultureInfo.InvariantCulture));

    [Fact]
    public void Build_FlowGivenByHalfYear_SaysItIsTheSumOfTheHalves()
    {
        var (report, text) = Report(QuangNinh.Value, "2023-12-31", F("drugs.rehab-dossiers", "2023-H1", 300), F("drugs.rehab-dossiers", "2023-H2", 260));

        var year = Year(report, "quang-ninh.102-kh-ubnd.3.3", 2023);
        year.AddedUpText.ShouldBe("cộng 2 kỳ 6 tháng");
        year.Body.ShouldStartWith("560 hồ sơ (cộng 2 kỳ 6 tháng)");
        text.ShouldContain("Năm 2023: 560 hồ sơ (cộng 2 kỳ 6 tháng)");
        report.Annex.Methods.ShouldContain(m => m.StartsWith("Số liệu chưa có cho cả kỳ được cộng từ các kỳ nhỏ hơn", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_StockGivenForTheLastQuarter_SaysWhichFigureItReads()
    {
        var (report, _) = Report(CanTho.Value, "2021-12-31", F("communes.security-safe", "2021-Q4", 8), F("communes.total", "2021-Q4", 10));

        Year(report, "can-tho.20-ctr-tu.2.2.a", 2021).AddedUpText.ShouldBe("số liệu quý IV năm 2021");
    }

    [Fact]
    public void Build_ShareGivenPerDistrict_NamesTheUnitsBelowTheBarUnderTheWholesLine()
    {
        var (report, text) = Report(CanTho.Value, "2021-12-31",
            F("communes.security-safe", "2021", 8, "quận Ninh Kiều"), F("communes.total", "2021", 10, "quận Ninh Kiều"),
            F("communes.security-safe", "2021", 10, "huyện Phong Điền"), F("communes.total", "2021", 40, "huyện Phong Điền"));

        var year = Year(report, "can-tho.20-ctr-tu.2.2.a", 2021);
        year.Body.ShouldStartWith("18/50 xã, bằng 36,0% (cộng 2 đơn vị)");
        year.ByUnit.Select(u => (u.Unit, u.StatusCode)).ShouldBe([("huyện Phong Điền", "notMet"), ("quận Ninh Kiều", "met")]);
        year.UnitsBelowBar.ShouldBe(["huyện Phong Điền (10/40 xã, bằng 25,0%)"]);
        year.Sentence.ShouldEndWith(" Đơn vị chưa đạt: huyện Phong Điền (10/40 xã, bằng 25,0%).");
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.StartsWith("Năm 2021: 18/50 xã, bằng 36,0% (cộng 2 đơn vị)", StringComparison.Ordinal));
        line.ShouldBeGreaterThanOrEqualTo(0);
        lines[line + 1].ShouldBe("Đơn vị chưa đạt: huyện Phong Điền (10/40 xã, bằng 25,0%).");
    }

    [Fact]
    public void Build_OnlyMergedFiguresFor2025_StatesTheBoundaryAndTheLikeWithLikeBaseline()
    {
        var (report, text) = Report(TayNinh.Value, "2025-12-31",
            F("crime.theft.cases", "2020", 200), F("crime.theft.cases", "2020", 300, boundary: "long-an"), F("crime.theft.cases", "2025", 420, boundary: "merged"));

        var year = Year(report, "tay-ninh.chi-thi-4-giam.muc-tieu.3.nam-2025", 2025);
        year.BoundaryText.ShouldBe(
            "số liệu theo địa giới tỉnh Tây Ninh (từ ngày 01/7/2025), so sánh cùng địa giới: năm 2020 cộng số liệu của tỉnh Tây Ninh (trước ngày 01/7/2025) và tỉnh Long An");
        year.Body.ShouldContain("420 vụ, giảm 80 vụ (16,0%) so với năm 2020 (500 vụ); số liệu theo địa giới tỉnh Tây Ninh (từ ngày 01/7/2025)");
        year.Figures.Select(f => f.Boundary).ShouldBe(["tỉnh Tây Ninh (từ ngày 01/7/2025)", string.Empty, "tỉnh Long An"]);
        report.Header.Notes.ShouldContain("Số liệu và kết quả theo địa giới tỉnh Tây Ninh (trước ngày 01/7/2025), là địa giới văn bản đặt chỉ tiêu, trừ chỗ ghi theo địa giới khác.");
        report.Annex.Methods.ShouldContain(m => m.StartsWith("Từ ngày 01/07/2025, tỉnh Tây Ninh (từ ngày 01/7/2025) gồm tỉnh Tây Ninh (trước ngày 01/7/2025) và tỉnh Long An.", StringComparison.Ordinal));
        text.ShouldContain(year.BoundaryText);
        text.ShouldNotContain("long-an");
        text.ShouldNotContain("merged");
    }

    [Fact]
    public void Build_FiguresNoTargetReads_AreASectionNamingIndicatorsAndPeriodsWithTheReason()
    {
        var (report, text) = Report(QuangNinh.Value, "2023-12-31",
            F("drugs.rehab-dossiers", "2023", 562), F("drugs.rehab-dossiers", "2021", 400), F("drugs.crime.cases", "2023", 12), F("drugs.addicts", "2023-Q2", 380));

        report.UnusedFigures.Select(u => u.Sentence).ShouldBe([
            "Số hồ sơ áp dụng các biện pháp cai nghiện được lập (năm 2021): kỳ số liệu nằm ngoài kỳ kế hoạch và các kỳ so sánh của các chỉ tiêu",
            "Số vụ phạm tội về ma túy được phát hiện, bắt giữ (năm 2023): không chỉ tiêu nào sử dụng chỉ số này",
            "Số người nghiện ma túy (quý II năm 2023): không chỉ tiêu nào sử dụng chỉ số này",
        ]);
        report.UnusedFigures.Select(u => u.ReasonCode).ShouldBe(["outsidePlan", "indicatorNotRead", "indicatorNotRead"]);
        report.Annex.FiguresNotNeeded.ShouldBeEmpty();
        text.ShouldContain("\nSố liệu không dùng để đánh giá\n\nSố hồ sơ áp dụng các biện pháp");
        text.ShouldNotContain("drugs.");
    }

    [Fact]
    public void Build_EarlierYearsADeadlineTargetDidNotNeed_AreListedInTheAnnexOnly()
    {
        var report = Sample(CanTho.Value);

        report.UnusedFigures.ShouldBeEmpty();
        report.Annex.FiguresNotNeeded.ShouldContain(u => u.ReasonCode == "earlierThanLatest" && u.PeriodText == "năm 2021, 2022");
    }

    [Fact]
    public void Build_AsOfAfterThePlan_IsNotedBeforeTheResults()
    {
        var (plugin, rules) = QuangNinh.Value;
        var report = ReportBuilder.Build(rules.Evaluate(plugin.LoadSample(), new EvaluationOptions { AsOf = new DateOnly(2025, 12, 31) }), rules);
        var text = new NarrativeRenderer().Render(report, plugin.LoadTemplates());

        var note = report.Header.Notes.ShouldHaveSingleItem();
        note.ShouldContain("ở sau kỳ kế hoạch của Kế hoạch số 102/KH-UBND");
        text.ShouldContain($"Số liệu tính đến ngày 31 tháng 12 năm 2025. {report.Header.DataNote} {note}\n");
    }

    [Fact]
    public void Build_RetrospectiveAccount_IsNoReasonForAnAsOfNote()
    {
        // Tây Ninh's 2016–2020 account is assessed after its period by nature; its plan in force runs to 2025.
        Sample(TayNinh.Value).Header.Notes.ShouldBeEmpty();
    }
}
