using Targets.Core.Data;
using Targets.Core.Documents;
using Targets.Core.Evaluation;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Rules.Engine;
using Targets.Rules.RuleSets;

namespace Targets.Rules.Tests.Support;

/// <summary>Small builders for rule sets and datasets in tests.</summary>
internal static class TestRules
{
    public static readonly DocumentReference Plan2021To2025 =
        new("test-plan", "Kế hoạch", "1/KH-TEST", "UBND thử nghiệm", new DateOnly(2021, 3, 1), "Kế hoạch thử nghiệm", ReportingPeriod.Span(2021, 2025), "test");

    public static readonly Locality Locality = new("test", "Thử nghiệm", "tỉnh Thử nghiệm");

    public static ICompiledRuleSet Compile(Action<RuleSetBuilder> build, RuleExecution execution = RuleExecution.CompiledDelegates, DocumentReference? document = null)
    {
        var builder = RuleSetBuilder.For(document ?? Plan2021To2025);
        build(builder);
        return new RulesEngineRuleEngine(execution).Compile(Locality, [builder.Build("test.rules.cs")]);
    }

    public static Dataset Data(params (string Indicator, string Period, decimal Value)[] figures) => new()
    {
        Locality = Locality.Code,
        Figures = [.. figures.Select(f => new Figure(new IndicatorId(f.Indicator), ReportingPeriod.Parse(f.Period), f.Value))],
    };

    public static TargetResult Only(this Assessment assessment) => assessment.Results.ShouldHaveSingleItem();

    public static AssessmentStatus StatusOf(ICompiledRuleSet rules, Dataset data, int asOfYear) =>
        rules.Evaluate(data, new EvaluationOptions { AsOf = new DateOnly(asOfYear, 12, 31) }).Results[^1].Status;
}
