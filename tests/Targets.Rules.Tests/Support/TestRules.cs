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

    public static ICompiledRuleSet Compile(Action<RuleSetBuilder> build, DocumentReference? document = null, params Type[] ruleTypes)
    {
        var builder = RuleSetBuilder.For(document ?? Plan2021To2025);
        build(builder);
        return new NRulesRuleEngine().Compile(Locality, [builder.Build("test.rules.cs")], ruleTypes);
    }

    public static Dataset Data(params (string Indicator, string Period, decimal Value)[] figures) => new()
    {
        Locality = Locality.Code,
        Figures = [.. figures.Select(f => new Figure(new IndicatorId(f.Indicator), ReportingPeriod.Parse(f.Period), f.Value))],
    };

    public static TargetResult Only(this Assessment assessment) => assessment.Results.ShouldHaveSingleItem();

    public static AssessmentStatus StatusOf(ICompiledRuleSet rules, Dataset data, int asOfYear, EvaluationPath path = EvaluationPath.Session) =>
        rules.Evaluate(data, new EvaluationOptions { AsOf = new DateOnly(asOfYear, 12, 31) }, path).Results[^1].Status;

    /// <summary>Evaluates one dataset through a full rules session, or through the bulk path.</summary>
    public static Assessment Evaluate(this ICompiledRuleSet rules, Dataset data, EvaluationOptions options, EvaluationPath path) => path switch
    {
        EvaluationPath.Bulk => rules.EvaluateMany([data], [options]).Single().Assessment,
        _ => rules.Evaluate(data, options),
    };
}

/// <summary>The two ways a compiled rule set evaluates: every rule in one NRules session, or the bulk path.</summary>
public enum EvaluationPath
{
    /// <summary>One session per evaluation (<see cref="ICompiledRuleSet.Evaluate"/>).</summary>
    Session,

    /// <summary>Criteria called directly, a session for chained rules only (<see cref="ICompiledRuleSet.EvaluateMany"/>).</summary>
    Bulk,
}
