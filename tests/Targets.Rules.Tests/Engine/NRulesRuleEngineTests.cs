using Targets.Core.Errors;
using Targets.Core.Evaluation;
using Targets.Rules.Engine;
using Targets.Rules.RuleSets;
using Targets.Rules.Tests.Support;

namespace Targets.Rules.Tests.Engine;

public sealed class NRulesRuleEngineTests
{
    [Fact]
    public void Compile_ExpressionThatDoesNotCompile_NamesPluginFileAndRule()
    {
        var error = Should.Throw<RuleSetException>(() => TestRules.Compile(b => b.Target("test.plan.bad", "1", "w", t => t.Indicator("crime.social-order.cases").Expression("m.Valeu >= 2", "x"))));

        error.Message.ShouldContain("test.rules.cs");
        error.Message.ShouldContain("rule 'test.plan.bad'");
        error.Message.ShouldContain("plugin 'test'");
        error.Message.ShouldContain("does not compile");
    }

    [Fact]
    public void Compile_ExpressionReachingForReflection_IsRefused()
    {
        var error = Should.Throw<RuleSetException>(() => TestRules.Compile(b => b.Target("test.plan.evil", "1", "w", t => t.Indicator("crime.social-order.cases").Expression("m.GetType().Assembly != null", "x"))));

        error.Message.ShouldContain("rule 'test.plan.evil'");
        error.Message.ShouldContain("not allowed");
    }

    [Fact]
    public void Compile_UnknownIndicator_IsRefused()
    {
        Should.Throw<RuleSetException>(() => TestRules.Compile(b => b.Target("test.plan.x", "1", "w", t => t.Indicator("crime.nothing-like-it").AtLeast(1))))
            .Message.ShouldContain("unknown indicator 'crime.nothing-like-it'");
    }

    [Fact]
    public void Compile_TaskIdRepeatedAcrossRuleSets_IsRefusedBeforeAnyEvaluation()
    {
        var responsibility = new Core.Targets.Responsibility(["Công an"], []);
        RuleSet WithTask(string origin) => RuleSetBuilder.For(TestRules.Plan2021To2025)
            .Task("test.plan.task-1", "II.1", "w", responsibility, "Quý I", Core.Periods.ReportingPeriod.Quarter(2023, 1))
            .Build(origin);

        var error = Should.Throw<RuleSetException>(() => new NRulesRuleEngine().Compile(TestRules.Locality, [WithTask("a.rules.json"), WithTask("b.rules.json")]));

        error.Message.ShouldContain("rule 'test.plan.task-1'");
        error.Message.ShouldContain("used twice (also in a.rules.json)");
    }

    [Fact]
    public void Compile_CompositeOfUnknownTarget_IsRefused()
    {
        Should.Throw<RuleSetException>(() => TestRules.Compile(b => b.Target("test.plan.all", "1", "w", t => t.AllOf("test.plan.ghost"))))
            .Message.ShouldContain("test.plan.ghost");
    }

    [Fact]
    public void Evaluate_SameCompiledRuleSetFromManyThreads_GivesTheSameResults()
    {
        var rules = TestRules.Compile(b => b
            .Target("test.plan.1", "1", "w", t => t.Indicator("crime.clearance-rate").AtLeast(75).EachYear())
            .Target("test.plan.2", "2", "w", t => t.Indicator("crime.social-order.cases").ChangeWithin(new Core.Requirements.Baseline.PreviousYear(), Core.Requirements.ChangeDirection.Decrease, Core.Requirements.ChangeMeasure.Relative, 3, 5).EachYear()));
        var datasets = Enumerable.Range(0, 64).Select(i => TestRules.Data(
            ("crime.cases.solved", "2023", 60 + (i / 2)), ("crime.cases.prosecuted", "2023", 100),
            ("crime.social-order.cases", "2022", 1000), ("crime.social-order.cases", "2023", 1000 - i))).ToList();
        var options = new EvaluationOptions { AsOf = new DateOnly(2023, 12, 31) };
        var sequential = datasets.Select(d => Statuses(rules.Evaluate(d, options))).ToList();

        var parallel = new string[datasets.Count];
        Parallel.For(0, datasets.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Statuses(rules.Evaluate(datasets[i], options)));

        parallel.ShouldBe(sequential);
    }

    [Fact]
    public void Evaluate_DatasetOfAnotherLocality_IsRefused()
    {
        var rules = TestRules.Compile(b => b.Target("test.plan.1", "1", "w", t => t.Indicator("crime.social-order.cases").Zero()));

        Should.Throw<DataException>(() => rules.Evaluate(TestRules.Data() with { Locality = "elsewhere" })).Message.ShouldContain("'elsewhere'");
    }

    private static string Statuses(Assessment assessment) => string.Join(",", assessment.Results.Select(r => r.Status));
}
