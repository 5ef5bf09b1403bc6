using System.Globalization;
using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Core.Evaluation;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Requirements;
using Targets.Rules.Engine;
using Targets.Rules.RuleSets;

namespace Targets.Rules.Tests.Hostile;

/// <summary>
/// Defects the hostile-input work found outside the readers (Targets.Core, the engine adapter), each now fixed: rule sets
/// and datasets built in code bypass the readers' bounds, so these inputs must still end in a documented error, never a
/// crash, an escaped runtime exception or a culture-dependent message.
/// </summary>
public sealed class KnownDefectTests
{

    private static readonly ICompiledRuleSet Rules = HostilePlan.Compile();

    [Fact]
    public void Evaluate_ShareOfHugeCounts_IsADataErrorNotAnOverflow() =>
        Evaluate(("crime.cases.prosecuted", "2023", 1e27m), ("crime.cases.solved", "2023", 1e27m));

    [Fact]
    public void Evaluate_RelativeChangeFromATinyBaseline_IsADataErrorNotAnOverflow() =>
        Evaluate(("crime.social-order.cases", "2022", 0.0000000000000000000001m), ("crime.social-order.cases", "2023", 1e10m));

    [Fact]
    public void Evaluate_SpanSummedFromHugeYears_IsADataErrorNotAnOverflow() =>
        Evaluate(("areas.hotspots.designated", "2021", 7e28m), ("areas.hotspots.designated", "2022", 7e28m), ("areas.hotspots.designated", "2023", 7e28m), ("areas.hotspots.designated", "2024", 7e28m), ("areas.hotspots.designated", "2025", 7e28m));

    [Fact]
    public void Evaluate_PlanOverrideWhoseBaselineFallsBefore1900_IsAnErrorNotACrash()
    {
        var rules = Compile(t => t.Indicator("crime.social-order.cases").Change(new Baseline.PrecedingPlanPeriod(), ChangeDirection.Decrease, ChangeMeasure.Relative, Comparison.AtLeast, 5).EachYear());

        Should.Throw<TargetsException>(() => rules.Evaluate(Data(("crime.social-order.cases", "1901", 10)), new EvaluationOptions { PlanOverride = ReportingPeriod.Span(1901, 1905) }));
    }

    [Fact]
    public void Evaluate_PlanBuiltInCodeStartingIn1900_IsAnErrorNotACrash()
    {
        var document = HostilePlan.Document with { Period = ReportingPeriod.Span(1900, 1905) };
        var set = RuleSetBuilder.For(document).Target("test.hostile.1", "1", "w", t => t.Indicator("crime.social-order.cases").AtMost(10).ByDeadline()).Build("code.rules.cs");
        var rules = new NRulesRuleEngine().Compile(HostilePlan.Locality, [set]);

        Should.Throw<TargetsException>(() => rules.Evaluate(Data(("crime.social-order.cases", "1901", 10))));
    }

    [Fact]
    public void Evaluate_TaskDoneAfterAsOfUnderArabicCulture_WritesGregorianIsoDates()
    {
        var data = Data() with { AsOf = new DateOnly(2023, 1, 1), Tasks = [new TaskReport(HostilePlan.TaskId, new DateOnly(2024, 1, 1))] };
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ar-SA");

            Should.Throw<DataException>(() => Rules.Evaluate(data)).Message.ShouldContain("reported done on 2024-01-01, after the as-of date 2023-01-01");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Evaluate_NumeratorAboveDenominatorInADatasetBuiltInCode_NamesTheDatasetFile()
    {
        var data = Data(("crime.cases.prosecuted", "2023", 10), ("crime.cases.solved", "2023", 11)) with { SourceFile = "from-code.json" };

        Should.Throw<DataException>(() => Rules.Evaluate(data)).Message.ShouldStartWith("from-code.json");
    }

    [Fact]
    public void Compile_ThresholdAboveLongMaxValue_Compiles() =>
        Compile(t => t.Indicator("crime.social-order.cases").AtMost(100_000_000_000_000_000_000m).EachYear()).ShouldNotBeNull();

    [Fact]
    public void Compile_DeepBracketsBuiltInCode_AreRefusedBeforeTheParserOverflowsTheStack()
    {
        var expression = new string('(', 100) + "m.Value" + new string(')', 100) + " > 0";

        Should.Throw<RuleSetException>(() => Compile(t => t.Indicator("areas.hotspots.transformed").Expression(expression, "x").InYear(2023))).Message.ShouldContain("brackets nest more than 64 deep");
    }

    [Fact]
    public void Compile_BackwardsRangeUnderGermanCulture_WritesDecimalPoints()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            Should.Throw<RuleSetException>(() => Compile(t => t.Indicator("crime.social-order.cases").ChangeWithin(new Baseline.PreviousYear(), ChangeDirection.Decrease, ChangeMeasure.Relative, 5.5m, 3).EachYear()))
                .Message.ShouldContain("the range runs from 5.5 to 3");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void IndicatorId_WithATrailingNewline_IsNotAnId() => IndicatorId.IsValid("crime.social-order.cases\n").ShouldBeFalse();

    private static void Evaluate(params (string Indicator, string Period, decimal Value)[] figures)
    {
        var error = Record.Exception(() => Rules.Evaluate(Data(figures), new EvaluationOptions { AsOf = new DateOnly(2025, 12, 31) }));

        (error is null or TargetsException).ShouldBeTrue($"{error?.GetType().Name}: {error?.Message}");
    }

    private static ICompiledRuleSet Compile(Action<TargetBuilder> configure) =>
        new NRulesRuleEngine().Compile(HostilePlan.Locality, [RuleSetBuilder.For(HostilePlan.Document).Target("test.hostile.1", "1", "w", configure).Build("code.rules.cs")]);

    private static Dataset Data(params (string Indicator, string Period, decimal Value)[] figures) => new()
    {
        Locality = HostilePlan.Locality.Code,
        Figures = [.. figures.Select(f => new Figure(new IndicatorId(f.Indicator), ReportingPeriod.Parse(f.Period), f.Value))],
        SourceFile = "from-code.json",
    };
}
