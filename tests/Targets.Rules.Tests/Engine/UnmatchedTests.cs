using System.Linq.Expressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using Targets.Core.Evaluation;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Requirements;
using Targets.Core.Schedules;
using Targets.Core.Targets;
using Targets.Rules.Engine;
using Targets.Rules.Tests.Support;

namespace Targets.Rules.Tests.Engine;

/// <summary>Which verdicts a session's rules would never match, and so are handed over instead of inserted.</summary>
public sealed class UnmatchedTests
{
    [Fact]
    public void HandsOver_CompositesOnly_TheVerdictsNoCompositeReads()
    {
        var unmatched = Unmatched.Of([new ChainedRule(Matching<Verdict>("composite"), Composite: 2, Reads: [0])], positions: 3);

        unmatched.HandsOver(VerdictAt(0)).ShouldBeFalse();
        unmatched.HandsOver(VerdictAt(1)).ShouldBeTrue();
        unmatched.HandsOver(VerdictAt(2)).ShouldBeTrue();
    }

    [Fact]
    public void HandsOver_WithARuleWrittenInCSharp_NoVerdict()
    {
        var unmatched = Unmatched.Of(
            [new ChainedRule(Matching<Verdict>("composite"), Composite: 2, Reads: [0]), new ChainedRule(Matching<Verdict>("written-in-cs"), Composite: null, Reads: [])],
            positions: 3);

        Enumerable.Range(0, 3).ShouldAllBe(position => !unmatched.HandsOver(VerdictAt(position)));
    }

    [Fact]
    public void HandsOver_NoRuleMatchingVerdicts_EveryVerdict()
    {
        var unmatched = Unmatched.Of([new ChainedRule(Matching<UnitVerdict>("units"), Composite: null, Reads: [])], positions: 3);

        unmatched.Units.ShouldBeFalse();
        Enumerable.Range(0, 3).ShouldAllBe(position => unmatched.HandsOver(VerdictAt(position)));
    }

    [Fact]
    public void ForRun_HandsOverIntoAListOfItsOwn()
    {
        var unmatched = Unmatched.Of([new ChainedRule(Matching<Verdict>("composite"), Composite: 2, Reads: [0])], positions: 3);

        var run = unmatched.ForRun();
        run.Emitted.Add(VerdictAt(1));

        unmatched.Emitted.ShouldBeEmpty();
        run.HandsOver(VerdictAt(1)).ShouldBeTrue();
    }

    private static IRuleDefinition Matching<TFact>(string name)
    {
        var builder = new RuleBuilder();
        builder.Name(name);
        builder.LeftHandSide().Pattern(typeof(TFact), "fact");
        var context = Expression.Parameter(typeof(IContext), "context");
        builder.RightHandSide().Action(Expression.Lambda(Expression.Empty(), context));
        return builder.Build();
    }

    private static Verdict VerdictAt(int position) => new(
        new TargetResult
        {
            Target = new Target
            {
                Id = new TargetId($"test.plan.{position + 1}"),
                Document = TestRules.Plan2021To2025,
                Clause = "1",
                Wording = "w",
                Indicator = new IndicatorId("crime.social-order.cases"),
                Requirement = new ZeroRequirement(),
                Schedule = new Schedule.SingleYear(2023),
            },
            Period = ReportingPeriod.Year(2023),
            Status = AssessmentStatus.Met,
        },
        position,
        slot: 0,
        isLatest: true);
}
