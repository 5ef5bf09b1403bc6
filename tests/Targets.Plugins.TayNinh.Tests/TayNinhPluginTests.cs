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
}
