using System.Text;
using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Core.Evaluation;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Rules.Engine;
using Targets.Rules.Serialization;
using Targets.Rules.Tests.Support;

namespace Targets.Rules.Tests.Hostile;

/// <summary>
/// A plugin's own expression that throws or overflows, wherever in the evaluation it runs (a year's verdict, the progress
/// path before a deadline, a cumulative projection, each unit), is an error naming the plugin, the rules file and the
/// rule: never an unhandled exception, never a verdict, never blamed on the data. Issue 7, class 3.
/// </summary>
public sealed class RuleErrorTests
{
    private const string File = "rules/hostile.rules.json";
    private const string RuleId = "test.hostile.own-rule";

    /// <summary>A JSON rule set with one expression target, as a plugin's rules file holds it.</summary>
    private static ICompiledRuleSet Compile(string expression, string schedule, string scope = "")
    {
        var json = $$"""
            {
              "document": { "id": "hostile", "kind": "Kế hoạch", "number": "9/KH", "issuer": "UBND tỉnh Thử nghiệm", "issuedOn": "2021-03-01",
                            "title": "Kế hoạch thử nghiệm", "period": "2021/2025", "source": "hostile-source.txt" },
              "targets": [ {
                "id": "{{RuleId}}", "clause": "1", "wording": "Một quy tắc của tỉnh",
                "indicator": "crime.social-order.cases",
                "requirement": { "kind": "expression", "expression": "{{expression}}", "description": "quy tắc riêng" },
                "schedule": {{schedule}}{{scope}}
              } ]
            }
            """;
        return new NRulesRuleEngine().Compile(TestRules.Locality, [RuleSetReader.Read(File, Encoding.UTF8.GetBytes(json))]);
    }

    private static Dataset Cases(params (string Period, decimal Value)[] figures) => new()
    {
        Locality = TestRules.Locality.Code,
        AdminUnits = ["Huyện A", "Huyện B"],
        Figures = [.. figures.Select(f => new Figure(new IndicatorId("crime.social-order.cases"), ReportingPeriod.Parse(f.Period), f.Value))],
        SourceFile = "cases.json",
    };

    private static RuleSetException ThrowsNamingTheRule(ICompiledRuleSet rules, Dataset data, int asOfYear, EvaluationPath path, string exception)
    {
        var options = new EvaluationOptions { AsOf = new DateOnly(asOfYear, 12, 31) };

        var error = Should.Throw<RuleSetException>(() => rules.Evaluate(data, options, path));

        error.RuleId.ShouldBe(RuleId);
        error.Message.ShouldStartWith($"{File}: rule '{RuleId}': plugin 'test': the rule failed while it ran ({exception}");
        error.Message.ShouldNotContain("hostile-source.txt");
        return error;
    }

    [Theory]
    [InlineData(EvaluationPath.Session)]
    [InlineData(EvaluationPath.Bulk)]
    public void Evaluate_DivisionByZeroOnTheProgressPathBeforeADeadline_IsARuleErrorNamingPluginFileAndRule(EvaluationPath path)
    {
        // The quota is 0 for every measured target without one: "m.Value / m.Quota" divides by zero in 2023, before 2025.
        var rules = Compile("m.Value / m.Quota > 1", """{ "kind": "deadline" }""");

        ThrowsNamingTheRule(rules, Cases(("2020", 10), ("2023", 8)), 2023, path, "DivideByZeroException");
    }

    [Theory]
    [InlineData(EvaluationPath.Session)]
    [InlineData(EvaluationPath.Bulk)]
    public void Evaluate_IntegerOverflowInAnExpression_IsARuleErrorNeverAVerdict(EvaluationPath path)
    {
        // 2147483647 + 2023 wraps to a negative int in unchecked arithmetic, which read "met".
        var rules = Compile("2147483647 + m.Year < 0", """{ "kind": "year", "year": 2023 }""");

        var error = ThrowsNamingTheRule(rules, Cases(("2023", 8)), 2023, path, "OverflowException");

        error.ShouldNotBeOfType<DataException>();
    }

    [Theory]
    [InlineData(EvaluationPath.Session)]
    [InlineData(EvaluationPath.Bulk)]
    public void Evaluate_NegatingTheLowestLongInAnExpression_IsARuleError(EvaluationPath path)
    {
        var rules = Compile("-(m.Year - 2023 - 9223372036854775807 - 1) > 0", """{ "kind": "year", "year": 2023 }""");

        ThrowsNamingTheRule(rules, Cases(("2023", 8)), 2023, path, "OverflowException");
    }

    [Theory]
    [InlineData("""{ "kind": "eachYear" }""", "", 2023, EvaluationPath.Session)]
    [InlineData("""{ "kind": "eachYear" }""", "", 2023, EvaluationPath.Bulk)]
    [InlineData("""{ "kind": "deadline" }""", "", 2025, EvaluationPath.Session)]
    [InlineData("""{ "kind": "deadline", "cumulative": true }""", "", 2023, EvaluationPath.Session)]
    [InlineData("""{ "kind": "deadline", "cumulative": true }""", "", 2023, EvaluationPath.Bulk)]
    [InlineData("""{ "kind": "eachYear" }""", """, "scope": { "kind": "eachUnit", "unitKind": "huyện" }""", 2023, EvaluationPath.Session)]
    [InlineData("""{ "kind": "eachYear" }""", """, "scope": { "kind": "eachUnit", "unitKind": "huyện" }""", 2023, EvaluationPath.Bulk)]
    public void Evaluate_ExpressionThatThrows_IsARuleErrorWhereverItRuns(string schedule, string scope, int asOfYear, EvaluationPath path)
    {
        var rules = Compile("m.Value / (m.Value - m.Value) > 1", schedule, scope);
        var data = Cases(("2020", 10), ("2021", 9), ("2022", 9), ("2023", 8), ("2024", 8), ("2025", 7)) is var whole
            ? whole with { Figures = [.. whole.Figures, .. whole.Figures.Select(f => f with { AdminUnit = "Huyện A" })] }
            : null!;

        ThrowsNamingTheRule(rules, data, asOfYear, path, "DivideByZeroException");
    }

    [Fact]
    public void Evaluate_ExpressionThatHolds_StillJudges()
    {
        // Checked arithmetic changes nothing for sums that fit.
        var rules = Compile("m.Year + 1 == 2024 && m.Value * 2 == 16", """{ "kind": "year", "year": 2023 }""");

        rules.Evaluate(Cases(("2023", 8))).Only().Status.ShouldBe(AssessmentStatus.Met);
    }
}
