using Targets.Core.Evaluation;
using Targets.Core.Periods;
using Targets.Plugins.TayNinh;
using Targets.Rules.Engine;
using Targets.Rules.Reporting;
using Targets.Tests.Shared;

namespace Targets.Plugins.TayNinh.Tests;

public sealed class TayNinhPluginTests : PluginContractTests<TayNinhPlugin>
{
    private static Assessment DirectiveAccount() => Rules.Evaluate(
        Plugin.LoadSample("samples/directive-2016-2020.json"),
        new EvaluationOptions { PlanOverride = ReportingPeriod.Span(2016, 2020) });

    [Fact]
    public void Evaluate_DirectivesOwn2016To2020Figures_ReproducesItsAccountAsItWritesIt()
    {
        var text = new Rules.Narratives.NarrativeRenderer().Render(DirectiveAccount(), Rules, Plugin.LoadTemplates(), planOverride: ReportingPeriod.Span(2016, 2020));

        text.ShouldContain("1.300 vụ, giảm 1.051 vụ (44,7%) so với giai đoạn 2011 - 2015 (2.351 vụ)");
        text.ShouldContain("531 vụ, giảm 60 vụ (10,2%) so với giai đoạn 2011 - 2015 (591 vụ)");
        text.ShouldContain("673 vụ, giảm 1.914 vụ (74%) so với giai đoạn 2011 - 2015 (2.587 vụ)");
        text.ShouldContain("4.225 người, tăng 1.542 người (57,5%) so với giai đoạn 2011 - 2015 (2.683 người)");
    }

    [Fact]
    public void Evaluate_DirectivesOwnFigures_ThreeOfFourGoalsMetAsTheDirectiveSays()
    {
        var account = DirectiveAccount();

        // "Kéo giảm" read as lower than 2011–2015: each fell by far more than the one case that passes, so each is exceeded.
        LatestStatus(account, "tay-ninh.4-giam-2016-2020.mo-dau.a").ShouldBe(AssessmentStatus.Exceeded);
        LatestStatus(account, "tay-ninh.4-giam-2016-2020.mo-dau.b").ShouldBe(AssessmentStatus.Exceeded);
        LatestStatus(account, "tay-ninh.4-giam-2016-2020.mo-dau.c").ShouldBe(AssessmentStatus.Exceeded);
        LatestStatus(account, "tay-ninh.4-giam-2016-2020.mo-dau.d.1").ShouldBe(AssessmentStatus.NotMet);
        var composite = ResultsOf(account, "tay-ninh.4-giam-2016-2020.mo-dau").Single();
        composite.Status.ShouldBe(AssessmentStatus.NotMet);
        composite.Components.Count(c => c.Status is AssessmentStatus.Met or AssessmentStatus.Exceeded).ShouldBe(3);
    }

    [Fact]
    public void Evaluate_Sample_BothReadingsOfEachGroupAreReportedAndOnlyTheDefaultIsCounted()
    {
        var assessment = SampleAssessment();

        foreach (var group in new[] { "1", "2", "3", "4" })
        {
            var byTotals = ResultsOf(assessment, $"tay-ninh.chi-thi-4-giam.muc-tieu.{group}").Single();
            var by2025 = ResultsOf(assessment, $"tay-ninh.chi-thi-4-giam.muc-tieu.{group}.nam-2025").Single();
            byTotals.Status.ShouldBeOneOf(AssessmentStatus.OnTrack, AssessmentStatus.AtRisk);
            by2025.Status.ShouldBeOneOf(AssessmentStatus.OnTrack, AssessmentStatus.AtRisk);
            by2025.Target.AlternativeOf!.Value.Value.ShouldBe(byTotals.Target.Id.Value);
        }

        assessment.Summary.Targets.ShouldBe(assessment.Results.Where(r => r.Target.AlternativeOf is null).Select(r => r.Target.Id).Distinct().Count());
    }

    [Fact]
    public void Evaluate_Sample_FourReductionsCompositeReadsTheFourGroups()
    {
        var composite = ResultsOf(SampleAssessment(), "tay-ninh.chi-thi-4-giam.muc-tieu").Single();

        composite.Components.Select(c => c.Target.Id.Value).ShouldBe([
            "tay-ninh.chi-thi-4-giam.muc-tieu.1", "tay-ninh.chi-thi-4-giam.muc-tieu.2",
            "tay-ninh.chi-thi-4-giam.muc-tieu.3", "tay-ninh.chi-thi-4-giam.muc-tieu.4"]);
        composite.Status.ShouldBe(AssessmentStatus.AtRisk);
    }

    [Fact]
    public void Summary_Sample_KeepsThe2016To2020AccountOutOfThe2021To2025Tally()
    {
        var summary = ReportBuilder.Build(SampleAssessment(), Rules).Summary;

        // 2021–2025: "4 giảm" (its four groups) and the first dash (records, no rise in addicts).
        summary.Items.Total.ShouldBe(2);
        summary.CountedItems.Select(i => i.Label).ShouldBe(["Mục tiêu 4 giảm", "Chỉ tiêu cụ thể, gạch đầu dòng thứ nhất"]);
        summary.Retrospective.ShouldHaveSingleItem().Items.NotMet.ShouldBe(1);
        Render(SampleAssessment()).ShouldContain("Kết quả giai đoạn 2016 - 2020 do Chỉ thị của Ban Thường vụ Tỉnh ủy Tây Ninh nêu lại được trình bày riêng, không tính vào tổng hợp trên");
    }

    [Fact]
    public void Render_Sample_ProjectionIsLabelledAndTheChangeIsOnIt()
    {
        Render(SampleAssessment()).ShouldContain("Giai đoạn 2021 - 2023: 980 vụ; ước cả giai đoạn 2021 - 2025: 1.633,3 vụ, tăng 383,3 vụ (30,7%) so với giai đoạn 2016 - 2020 (1.250 vụ)");
    }

    [Fact]
    public void Render_DirectiveAccount_StrictDecreaseIsShortByTheFirstPassingCount()
    {
        // Addicts must be below 2.683: 2.682 is the first passing count, so 4.225 is 1.543 too many, not 1.542.
        var text = new Rules.Narratives.NarrativeRenderer().Render(DirectiveAccount(), Rules, Plugin.LoadTemplates(), planOverride: ReportingPeriod.Span(2016, 2020));

        text.ShouldContain("không đạt (cần không quá 2.682 người, vượt quá 1.543 người)");
    }

    [Fact]
    public void Document_NumberAndDateNotInTheText_AreNotInvented()
    {
        Rules.RuleSets.ShouldAllBe(set => set.Document.Number == null && set.Document.IssuedOn == null);
    }

    /// <summary>
    /// Yearly counts for the four groups, 2016–2025: 100 a year before the plan and 80 a year in it, except theft in 2025.
    /// </summary>
    private static Core.Data.Dataset FourGroupsTo2025(decimal theftIn2025)
    {
        var groups = new[] { "crime.drugs.cases", "crime.intentional-injury.cases", "crime.theft.cases", "crime.gambling-loan-sharking-fraud.cases" };
        var figures = from indicator in groups
                      from year in Enumerable.Range(2016, 10)
                      select (indicator, year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                          year <= 2020 ? 100m : indicator == "crime.theft.cases" && year == 2025 ? theftIn2025 : 80m);
        return Figures(2025, [.. figures]);
    }

    // 10. "4 giảm" under reading A (2025 against 2020) too, beside reading B.
    [Fact]
    public void Evaluate_TheftUpIn2025ButDownOverThePeriod_FourReductionsFailsUnderReadingAOnly()
    {
        // Theft 2021–2025: 80 + 80 + 80 + 80 + 120 = 440 against 500 (down 12%: B met); 2025 against 2020: 120 against 100
        // (up 20%: A not met). "đề ra mục tiêu đến cuối năm 2025 quyết tâm kéo giảm 4 loại tội phạm sau đây".
        var assessment = Rules.Evaluate(FourGroupsTo2025(theftIn2025: 120));

        LatestStatus(assessment, "tay-ninh.chi-thi-4-giam.muc-tieu").ShouldBe(AssessmentStatus.Met);
        var readingA = ResultsOf(assessment, "tay-ninh.chi-thi-4-giam.muc-tieu.nam-2025").Single();
        readingA.Status.ShouldBe(AssessmentStatus.NotMet);
        readingA.Target.AlternativeOf!.Value.Value.ShouldBe("tay-ninh.chi-thi-4-giam.muc-tieu");
        readingA.Components.Select(c => c.Target.Id.Value).ShouldBe([
            "tay-ninh.chi-thi-4-giam.muc-tieu.1.nam-2025", "tay-ninh.chi-thi-4-giam.muc-tieu.2.nam-2025",
            "tay-ninh.chi-thi-4-giam.muc-tieu.3.nam-2025", "tay-ninh.chi-thi-4-giam.muc-tieu.4.nam-2025"]);
    }

    // 11. --plan 2016/2020: the retrospective shows the directive's own account only.
    [Fact]
    public void Evaluate_PlanOverride2016To2020_DoesNotApplyThe2025TargetsToTheRetrospective()
    {
        var account = DirectiveAccount();
        var text = new Rules.Narratives.NarrativeRenderer().Render(account, Rules, Plugin.LoadTemplates(), planOverride: ReportingPeriod.Span(2016, 2020));

        account.Results.ShouldAllBe(r => r.Target.Document.Period == ReportingPeriod.Span(2016, 2020));
        text.ShouldNotContain("(2) giảm tội phạm cố ý gây thương tích");
        text.ShouldNotContain("ít nhất 10%");
        account.Summary.Targets.ShouldBe(7);
    }

    // 12. "(1) giảm ma túy" read as the number of addicts, as the directive judged its own 2016–2020 drug goal.
    [Fact]
    public void Evaluate_AddictsDownDrugCrimesUp_TheAddictsReadingOfGroupOneIsMet()
    {
        // "về số người nghiện ma túy ... chưa được kéo giảm, mà gia tăng (4.225/2683 người nghiện ...)": addicts 4.225 at the
        // end of 2020, 3.700 at the end of 2025 (down 12,4%); drug crimes flat at 80 a year against 100 before.
        var data = FourGroupsTo2025(theftIn2025: 80);
        data = data with { Figures = [.. data.Figures, .. Figures(2025, ("drugs.addicts", "2020", 4225), ("drugs.addicts", "2025", 3700)).Figures] };

        var result = ResultsOf(Rules.Evaluate(data), "tay-ninh.chi-thi-4-giam.muc-tieu.1.nguoi-nghien").Single();

        result.Status.ShouldBe(AssessmentStatus.Exceeded);
        result.Target.AlternativeOf!.Value.Value.ShouldBe("tay-ninh.chi-thi-4-giam.muc-tieu.1");
        result.Target.Indicator!.Value.Value.ShouldBe("drugs.addicts");
    }
}
