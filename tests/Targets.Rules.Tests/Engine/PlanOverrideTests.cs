using Targets.Core.Documents;
using Targets.Core.Evaluation;
using Targets.Core.Periods;
using Targets.Core.Requirements;
using Targets.Rules.Engine;
using Targets.Rules.RuleSets;
using Targets.Rules.Tests.Support;

namespace Targets.Rules.Tests.Engine;

/// <summary>Which rule sets a plan override applies to.</summary>
public sealed class PlanOverrideTests
{
    private static readonly DocumentReference Retrospective =
        new("old", "Chỉ thị", null, "Ban Thường vụ", null, "Mục tiêu giai đoạn 2016 - 2020", ReportingPeriod.Span(2016, 2020), "test");

    private static readonly ICompiledRuleSet TwoPlans = new NRulesRuleEngine().Compile(TestRules.Locality,
    [
        RuleSetBuilder.For(Retrospective)
            .Target("test.old.1", "mở đầu", "giảm", t => t.Indicator("crime.social-order.cases")
                .Change(new Baseline.PrecedingPlanPeriod(), ChangeDirection.Decrease, ChangeMeasure.Absolute, Comparison.GreaterThan, 0).ByDeadline(cumulative: true))
            .Goal("test.old.g", "mở đầu", "kéo giảm rõ rệt", "không có con số")
            .Build("old.rules.cs"),
        RuleSetBuilder.For(TestRules.Plan2021To2025)
            .Target("test.new.1", "mục tiêu", "kéo giảm ít nhất từ 10% trở lên", t => t.Indicator("crime.social-order.cases")
                .Change(new Baseline.PrecedingPlanPeriod(), ChangeDirection.Decrease, ChangeMeasure.Relative, Comparison.AtLeast, 10).ByDeadline(cumulative: true))
            .Goal("test.new.g", "mục tiêu", "quyết tâm", "không có con số")
            .Build("new.rules.cs"),
    ]);

    private static readonly Core.Data.Dataset Account = TestRules.Data(("crime.social-order.cases", "2011/2015", 591), ("crime.social-order.cases", "2016/2020", 531));

    [Fact]
    public void Evaluate_OverrideIsARuleSetsOwnPlan_OnlyThatRuleSetIsEvaluated()
    {
        // The 2016–2020 retrospective shows the directive's own account: the 2021–2025 "ít nhất 10%" is not applied to it.
        var assessment = TwoPlans.Evaluate(Account, new EvaluationOptions { PlanOverride = ReportingPeriod.Span(2016, 2020) });

        assessment.Results.Select(r => r.Target.Id.Value).ShouldBe(["test.old.1"]);
        assessment.Documents.ShouldBe([Retrospective]);
        assessment.Goals.Select(g => g.Id.Value).ShouldBe(["test.old.g"]);
        assessment.Summary.Targets.ShouldBe(1);
    }

    [Fact]
    public void Render_OverrideIsARuleSetsOwnPlan_TheOtherDocumentIsNotInTheReport()
    {
        var assessment = TwoPlans.Evaluate(Account, new EvaluationOptions { PlanOverride = ReportingPeriod.Span(2016, 2020) });

        var text = new Targets.Rules.Narratives.NarrativeRenderer().Render(assessment, TwoPlans, new Dictionary<string, Targets.Rules.Plugins.TemplateText>(), planOverride: ReportingPeriod.Span(2016, 2020));

        text.ShouldContain("Mục tiêu giai đoạn 2016 - 2020");
        text.ShouldNotContain(TestRules.Plan2021To2025.Title);
        text.ShouldNotContain("ít nhất 10%");
    }

    [Fact]
    public void Evaluate_OverrideNoRuleSetHas_EveryRuleSetIsAppliedToIt()
    {
        // A what-if: no document is for 2011–2015, so both are applied to it and their relative baselines follow.
        var assessment = TwoPlans.Evaluate(
            TestRules.Data(("crime.social-order.cases", "2006/2010", 600), ("crime.social-order.cases", "2011/2015", 591)),
            new EvaluationOptions { PlanOverride = ReportingPeriod.Span(2011, 2015) });

        assessment.Results.Select(r => (r.Target.Id.Value, r.BaselinePeriod)).ShouldBe([
            ("test.old.1", ReportingPeriod.Span(2006, 2010)), ("test.new.1", ReportingPeriod.Span(2006, 2010))]);
        assessment.Documents.Count.ShouldBe(2);
    }

    [Fact]
    public void Evaluate_NoOverride_EachRuleSetUnderItsOwnPlan()
    {
        var assessment = TwoPlans.Evaluate(Account, new EvaluationOptions { AsOf = new DateOnly(2020, 12, 31) });

        assessment.Results.Select(r => r.Target.Id.Value).ShouldBe(["test.old.1", "test.new.1"]);
        assessment.Results[0].BaselinePeriod.ShouldBe(ReportingPeriod.Span(2011, 2015));
    }
}
