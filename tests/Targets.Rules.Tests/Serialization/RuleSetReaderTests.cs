using System.Text;
using Targets.Core.Errors;
using Targets.Core.Requirements;
using Targets.Core.Schedules;
using Targets.Rules.Serialization;

namespace Targets.Rules.Tests.Serialization;

public sealed class RuleSetReaderTests
{
    private const string Valid = """
        {
          "document": { "id": "1/KH", "kind": "Kế hoạch", "number": "1/KH", "issuer": "UBND", "issuedOn": "2023-04-05",
                        "title": "Kế hoạch", "period": "2023" },
          "targets": [
            { "id": "x.kh.2-3", "clause": "2.3", "wording": "Giảm 07% so với năm 2022", "indicator": "crime.social-order.cases",
              "requirement": { "kind": "change", "baseline": { "kind": "year", "year": 2022 }, "direction": "decrease",
                               "measure": "relative", "comparison": ">=", "value": 7 },
              "schedule": { "kind": "year", "year": 2023 } }
          ]
        }
        """;

    private static RuleSetException ReadError(string json) =>
        Should.Throw<RuleSetException>(() => RuleSetReader.Read("rules/test.rules.json", Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Read_ValidRuleSet_MapsTheRequirementAndSchedule()
    {
        var set = RuleSetReader.Read("rules/test.rules.json", Encoding.UTF8.GetBytes(Valid));

        var target = set.Targets.ShouldHaveSingleItem();
        target.Requirement.ShouldBe(new ChangeRequirement(new Baseline.FixedYear(2022), ChangeDirection.Decrease, ChangeMeasure.Relative, new Bound(Comparison.AtLeast, 7)));
        target.Schedule.ShouldBe(new Schedule.SingleYear(2023));
        set.Document.IssuedOn.ShouldBe(new DateOnly(2023, 4, 5));
    }

    private static string WithIndicator(string unit, string declared = "") => Valid.Replace(
        "\"targets\": [",
        declared + "\"indicators\": [ { \"id\": \"x.shipments\", \"name\": \"Số chuyến hàng\", \"unit\": \"" + unit + "\", \"direction\": \"higherIsBetter\", \"kind\": \"count\", \"stockOrFlow\": \"flow\" } ], \"targets\": [",
        StringComparison.Ordinal);

    [Fact]
    public void Read_IndicatorInAUnitTheRuleSetDeclares_KeepsTheUnit()
    {
        var set = RuleSetReader.Read("rules/test.rules.json", Encoding.UTF8.GetBytes(WithIndicator("chuyến", "\"units\": [\"chuyến\"], ")));

        set.Indicators.ShouldHaveSingleItem().Unit.Symbol.ShouldBe("chuyến");
    }

    [Fact]
    public void Read_IndicatorInAnUndeclaredUnit_ListsTheStandardUnitsAndSaysHowToDeclareOne()
    {
        var error = ReadError(WithIndicator("chuyến"));

        error.Message.ShouldContain("($.indicators[0].unit): 'unit' ('chuyến') must be one of: 'vụ', 'người', 'điểm'");
        error.Message.ShouldContain("'tin báo'; or declare it in the rule set's 'units'");
    }

    [Fact]
    public void Read_ValueOutsideAnEnumeration_ListsTheAllowedValues()
    {
        var error = ReadError(Valid.Replace("\"measure\": \"relative\"", "\"measure\": \"percent\"", StringComparison.Ordinal));

        error.Message.ShouldContain("'measure' ('percent') must be one of: 'relative', 'absolute'");
    }

    [Fact]
    public void StandardUnits_InTheSchema_AreTheCoresList()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(SchemaValidator.Text(TargetsSchema.RuleSet));
        var listed = schema.RootElement.GetProperty("definitions").GetProperty("standardUnit").GetProperty("enum").EnumerateArray().Select(u => u.GetString()!);

        listed.ShouldBe(Targets.Core.Indicators.Unit.Standard);
    }

    [Fact]
    public void Read_MalformedJson_NamesFileAndLine()
    {
        var error = ReadError(Valid.Replace("\"clause\": \"2.3\",", "\"clause\": \"2.3\"", StringComparison.Ordinal));

        error.Message.ShouldStartWith("rules/test.rules.json:5:41:");
        error.Message.ShouldContain("malformed JSON");
    }

    [Fact]
    public void Read_UnknownProperty_NamesItWithLineAndPath()
    {
        var error = ReadError(Valid.Replace("\"clause\": \"2.3\",", "\"clause\": \"2.3\", \"treshold\": 7,", StringComparison.Ordinal));

        error.Message.ShouldContain("unknown property 'treshold'");
        error.Message.ShouldContain("rules/test.rules.json:5");
    }

    [Fact]
    public void Read_RequirementMissingItsValue_SaysWhatIsMissing()
    {
        var error = ReadError(Valid.Replace("\"comparison\": \">=\", \"value\": 7", "\"comparison\": \">=\"", StringComparison.Ordinal));

        error.Message.ShouldContain("requirement");
        error.Message.ShouldContain("rules/test.rules.json:");
    }

    [Fact]
    public void Read_BadPeriod_IsRefused()
    {
        ReadError(Valid.Replace("\"period\": \"2023\"", "\"period\": \"2023-M1\"", StringComparison.Ordinal)).Message.ShouldContain("period");
    }

    [Fact]
    public void Read_DuplicateTargetIds_IsRefused()
    {
        var doubled = Valid.Replace("\"targets\": [", "\"targets\": [" + Valid[(Valid.IndexOf("{ \"id\": \"x.kh.2-3\"", StringComparison.Ordinal))..Valid.IndexOf("\n  ]", StringComparison.Ordinal)] + ",", StringComparison.Ordinal);

        ReadError(doubled).Message.ShouldContain("used twice");
    }

    [Fact]
    public void Read_MissingFile_SaysSo()
    {
        Should.Throw<RuleSetException>(() => RuleSetReader.ReadFile("does/not/exist.rules.json")).Message.ShouldContain("does not exist");
    }
}
