using NRules.Fluent.Dsl;
using NRules.RuleModel;
using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Core.Evaluation;
using Targets.Core.Periods;
using Targets.Rules.Engine;
using Targets.Rules.RuleSets;
using Targets.Rules.Tests.Support;

namespace Targets.Rules.Tests.Engine;

/// <summary>
/// What NRules does not do for its caller, and the engine does: exactly one verdict per target and period, bounded
/// firing, no engine error taken as handled, errors naming the rule that failed (not the one that inserted the fact), a
/// fresh session after an error, unique rule names, facts told apart by reference, and a complete rule base.
/// </summary>
public sealed class NRulesGuardTests
{
    private const string Zero = "test.plan.zero";

    private static readonly Dataset SomeCases = TestRules.Data(("crime.social-order.cases", "2023", 0));

    private static ICompiledRuleSet ZeroTarget(params Type[] ruleTypes) => TestRules.Compile(
        b => b.Target(Zero, "1", "Không để xảy ra", t => t.Indicator("crime.social-order.cases").Zero().InYear(2023)),
        ruleTypes: ruleTypes);

    [Theory]
    [InlineData(EvaluationPath.Session)]
    [InlineData(EvaluationPath.Bulk)]
    public void Evaluate_RuleEmittingASecondVerdict_IsAnErrorNamingTheTarget(EvaluationPath path)
    {
        var rules = ZeroTarget(typeof(SecondVerdict));

        var error = Should.Throw<RuleSetException>(() => rules.Evaluate(SomeCases, new EvaluationOptions(), path));

        error.RuleId.ShouldBe(Zero);
        error.Message.ShouldContain("more than one verdict for 2023; each period gets exactly one");
        error.Message.ShouldStartWith("test.rules.cs");
    }

    [Fact]
    public void Evaluate_RuleRetractingAVerdict_IsAnErrorNamingTheTarget()
    {
        var rules = ZeroTarget(typeof(RetractVerdict));

        var error = Should.Throw<RuleSetException>(() => rules.Evaluate(SomeCases));

        error.RuleId.ShouldBe(Zero);
        error.Message.ShouldContain("the target has no verdict for 2023");
    }

    [Theory]
    [InlineData(EvaluationPath.Session)]
    [InlineData(EvaluationPath.Bulk)]
    public void Evaluate_RuleThatKeepsFiring_IsAnErrorNamingIt(EvaluationPath path)
    {
        var rules = ZeroTarget(typeof(StartTicking), typeof(KeepTicking));

        var error = Should.Throw<RuleSetException>(() => rules.Evaluate(SomeCases, new EvaluationOptions(), path));

        error.RuleId.ShouldBe(typeof(KeepTicking).FullName);
        error.Message.ShouldContain("the rule keeps firing");
        error.Message.ShouldStartWith($"Targets.Rules.Tests:{typeof(KeepTicking).FullName}");
        error.Message.ShouldContain("plugin 'test'");
    }

    [Theory]
    [InlineData(EvaluationPath.Session)]
    [InlineData(EvaluationPath.Bulk)]
    public void Evaluate_ActionThatThrows_IsARuleErrorNamingPluginFileAndRule(EvaluationPath path)
    {
        var rules = ZeroTarget(typeof(ThrowingAction));

        var error = Should.Throw<RuleSetException>(() => rules.Evaluate(SomeCases, new EvaluationOptions(), path));

        error.RuleId.ShouldBe(typeof(ThrowingAction).FullName);
        error.Message.ShouldStartWith($"Targets.Rules.Tests:{typeof(ThrowingAction).FullName}");
        error.Message.ShouldContain("plugin 'test'");
        error.Message.ShouldContain("the rule failed while it ran (InvalidOperationException: a broken action)");
    }

    [Theory]
    [InlineData(EvaluationPath.Session)]
    [InlineData(EvaluationPath.Bulk)]
    public void Evaluate_ConditionFailingOnAVerdictAnotherRuleInserted_NamesTheRuleWhoseConditionFailed(EvaluationPath path)
    {
        // The verdict is inserted by the target's rule; NRules' own exception names that rule's action. The error must name
        // the rule whose condition threw.
        var rules = ZeroTarget(typeof(ThrowingCondition));

        var error = Should.Throw<RuleSetException>(() => rules.Evaluate(SomeCases, new EvaluationOptions(), path));

        error.RuleId.ShouldBe(typeof(ThrowingCondition).FullName);
        error.Message.ShouldContain("DivideByZeroException");
        error.Message.ShouldNotContain($"rule '{Zero}'");
    }

    [Fact]
    public void Evaluate_HandlerMarkingAFailedConditionHandled_IsStillARuleError()
    {
        // NRules lets a handler mark a failed condition as handled and carries on as if it were false: a broken rule would
        // become a verdict ("not met"). The engine never marks one handled, and refuses to go on when anyone has.
        var rules = TestRules.Compile(b => b.Target(Zero, "1", "w", t => t.Indicator("crime.social-order.cases").Expression("m.Value / m.Quota > 1", "x").InYear(2023)));
        ((CompiledRuleSet)rules).SessionFactory.Events.LhsExpressionFailedEvent += (_, e) => e.IsHandled = true;

        var error = Should.Throw<RuleSetException>(() => rules.Evaluate(SomeCases));

        error.RuleId.ShouldBe(Zero);
        error.Message.ShouldContain("DivideByZeroException");
    }

    [Fact]
    public void Evaluate_AfterAFailedEvaluation_TheNextStartsFromAFreshSession()
    {
        var rules = TestRules.Compile(b => b.Target(Zero, "1", "w", t => t.Indicator("crime.social-order.cases").Expression("m.Value / m.Value >= 1", "x").InYear(2023)));
        var good = TestRules.Data(("crime.social-order.cases", "2023", 4));

        Should.Throw<RuleSetException>(() => rules.Evaluate(SomeCases));
        var after = rules.Evaluate(good);

        after.Only().Status.ShouldBe(AssessmentStatus.Met);
        after.Only().Measurement!.Value.Value.ShouldBe(4m);
        Should.Throw<RuleSetException>(() => rules.Evaluate(SomeCases)).RuleId.ShouldBe(Zero);
    }

    [Fact]
    public void Compile_RuleNamedLikeATarget_IsRefused()
    {
        var error = Should.Throw<RuleSetException>(() => ZeroTarget(typeof(NamedLikeTheTarget)));

        error.RuleId.ShouldBe(Zero);
        error.Message.ShouldContain("the rule name is used twice (also in test.rules.cs)");
        error.Message.ShouldStartWith($"Targets.Rules.Tests:{typeof(NamedLikeTheTarget).FullName}");
    }

    [Fact]
    public void Compile_TwoRulesWithOneName_AreRefused()
    {
        Should.Throw<RuleSetException>(() => ZeroTarget(typeof(SameName1), typeof(SameName2)))
            .Message.ShouldContain("the rule name is used twice");
    }

    [Fact]
    public void Compile_TypeThatIsNotARule_IsRefusedNamingIt()
    {
        var error = Should.Throw<RuleSetException>(() => ZeroTarget(typeof(string)));

        error.RuleId.ShouldBe("System.String");
        error.Message.ShouldContain("it is not a rule");
    }

    [Theory]
    [InlineData(EvaluationPath.Session)]
    [InlineData(EvaluationPath.Bulk)]
    public void Evaluate_FactsThatCompareEqual_AreStillDistinctFacts(EvaluationPath path)
    {
        // Findings are records: two with the same fields are Equal. NRules tells facts apart by Equals unless told
        // otherwise, and would refuse the second as already inserted.
        var rules = ZeroTarget(typeof(TwoEqualFindings));

        var findings = rules.Evaluate(SomeCases, new EvaluationOptions(), path).Findings;

        findings.Count.ShouldBe(2);
        findings[0].ShouldBe(findings[1]);
    }

    [Fact]
    public void Compile_EveryRule_HasItsPlaceInTheNetwork()
    {
        // Compile is never given a cancellation token: a cancelled one returns a factory over the rules compiled so far.
        var rules = (CompiledRuleSet)Hostile.HostilePlan.Compile();

        RuleCompilation.Compiled(rules.SessionFactory).ShouldBe(rules.RuleSets.SelectMany(set => set.Targets).Select(t => t.Id.Value), ignoreOrder: true);
    }

    // ---- Rules written in C# for these tests ----

    public sealed class SecondVerdict : Rule
    {
        public override void Define()
        {
            Verdict verdict = null!;
            When().Match(() => verdict, v => v.TargetId == Zero, v => v.Status != AssessmentStatus.NoData);
            Then().Do(context => context.Insert(Another(verdict)));
        }

        private static Verdict Another(Verdict verdict) =>
            new(verdict.Result with { Status = AssessmentStatus.NoData }, verdict.Position, verdict.Slot, verdict.IsLatest);
    }

    public sealed class RetractVerdict : Rule
    {
        public override void Define()
        {
            Verdict verdict = null!;
            When().Match(() => verdict, v => v.TargetId == Zero);
            Then().Do(context => context.Retract(verdict));
        }
    }

    public sealed class Tick(int count)
    {
        public int Count { get; } = count;
    }

    public sealed class StartTicking : Rule
    {
        public override void Define()
        {
            Verdict verdict = null!;
            When().Match(() => verdict);
            Then().Do(context => context.Insert(new Tick(0)));
        }
    }

    public sealed class KeepTicking : Rule
    {
        public override void Define()
        {
            Tick tick = null!;
            When().Match(() => tick);
            Then().Do(context => context.Insert(new Tick(tick.Count + 1)));
        }
    }

    public sealed class ThrowingAction : Rule
    {
        public override void Define()
        {
            Verdict verdict = null!;
            When().Match(() => verdict);
            Then().Do(context => Fail(verdict));
        }

        private static void Fail(Verdict verdict) => throw new InvalidOperationException("a broken action");
    }

    public sealed class ThrowingCondition : Rule
    {
        public override void Define()
        {
            Verdict verdict = null!;
            When().Match(() => verdict, v => 1 / v.Slot > 0);
            Then().Do(context => context.Halt());
        }
    }

    [Name(Zero)]
    public sealed class NamedLikeTheTarget : Rule
    {
        public override void Define()
        {
            Verdict verdict = null!;
            When().Match(() => verdict);
            Then().Do(context => context.Halt());
        }
    }

    [Name("test.same-name")]
    public sealed class SameName1 : Rule
    {
        public override void Define()
        {
            Verdict verdict = null!;
            When().Match(() => verdict);
            Then().Do(context => context.Halt());
        }
    }

    [Name("test.same-name")]
    public sealed class SameName2 : Rule
    {
        public override void Define()
        {
            Tick tick = null!;
            When().Match(() => tick);
            Then().Do(context => context.Halt());
        }
    }

    public sealed class TwoEqualFindings : Rule
    {
        public override void Define()
        {
            Verdict verdict = null!;
            When().Match(() => verdict);
            Then().Do(context => InsertTwice(context, verdict));
        }

        private static void InsertTwice(IContext context, Verdict verdict)
        {
            IReadOnlyList<FlaggedUnit> none = [];
            context.Insert(new Finding(verdict.Target, verdict.Period, "test", "một phát hiện", none));
            context.Insert(new Finding(verdict.Target, verdict.Period, "test", "một phát hiện", none));
        }
    }
}
