using System.Text;
using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Core.Evaluation;
using Targets.Core.Periods;
using Targets.Rules.Engine;
using Targets.Rules.Serialization;

namespace Targets.Rules.Tests.Hostile;

/// <summary>
/// The checked-in corpus of malformed inputs (<c>Corpus/datasets</c>, <c>Corpus/rulesets</c>). Beside each file,
/// <c>&lt;name&gt;.expected.txt</c> says at which stage it must be refused (<c>read</c>: the reader; <c>evaluate</c>: when a
/// compiled rule set indexes and evaluates the figures; <c>compile</c>: when the rule set compiles) and lists substrings the
/// message must hold, with the file name and, where the format allows, its line and column. To add a case, add both files.
/// </summary>
public sealed class CorpusTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Corpus");
    private static readonly Lazy<ICompiledRuleSet> Rules = new(() => HostilePlan.Compile());

    public static TheoryData<string> Datasets => Cases("datasets");

    public static TheoryData<string> RuleSets => Cases("rulesets");

    [Theory]
    [MemberData(nameof(Datasets))]
    public void ReadDataset_MalformedFile_IsRefusedWithItsExpectedMessage(string name)
    {
        var (stage, expected) = Expectation("datasets", name);
        var path = Path.Combine(Root, "datasets", name);

        var (refusedAt, error) = RefuseDataset(path);

        refusedAt.ShouldBe(stage, error.Message);
        error.Message.ShouldStartWith(path, customMessage: "the message names the file first");
        foreach (var part in expected)
        {
            error.Message.ShouldContain(part, Case.Sensitive);
        }
    }

    [Theory]
    [MemberData(nameof(RuleSets))]
    public void ReadRuleSet_MalformedFile_IsRefusedWithItsExpectedMessage(string name)
    {
        var (stage, expected) = Expectation("rulesets", name);
        var path = Path.Combine(Root, "rulesets", name);

        var (refusedAt, error) = RefuseRuleSet(path);

        refusedAt.ShouldBe(stage, error.Message);
        error.Message.ShouldContain(path, Case.Sensitive);
        foreach (var part in expected)
        {
            error.Message.ShouldContain(part, Case.Sensitive);
        }
    }

    [Fact]
    public void Corpus_EveryInput_HasItsExpectation()
    {
        foreach (var folder in new[] { "datasets", "rulesets" })
        {
            var inputs = Directory.GetFiles(Path.Combine(Root, folder), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order().ToList();
            var expectations = Directory.GetFiles(Path.Combine(Root, folder), "*.expected.txt").Select(f => Path.GetFileName(f)[..^".expected.txt".Length]).Order().ToList();

            inputs.ShouldBe(expectations, folder);
            inputs.Count.ShouldBeGreaterThan(15);
        }
    }

    /// <summary>
    /// A UTF-8 BOM is accepted, as the reader has always done: editors on Windows (Notepad, Excel's "CSV UTF-8" habit carried
    /// over to JSON) write one, it says nothing but "this is UTF-8", and refusing it would reject correct files. It is not
    /// counted in columns, so every figure keeps the line and column an editor shows.
    /// </summary>
    [Fact]
    public void ReadDataset_WithUtf8Bom_IsReadAsWithout()
    {
        var withBom = DatasetReader.ReadFile(Path.Combine(Root, "accepted", "bom.json"));
        var without = DatasetReader.ReadFile(Path.Combine(Root, "accepted", "no-bom.json"));
        var options = new EvaluationOptions { AsOf = new DateOnly(2023, 12, 31) };

        File.ReadAllBytes(Path.Combine(Root, "accepted", "bom.json"))[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        withBom.Figures.Select(f => (f.Indicator, f.Period, f.Value, f.Source!.Line, f.Source.Column))
            .ShouldBe(without.Figures.Select(f => (f.Indicator, f.Period, f.Value, f.Source!.Line, f.Source.Column)));
        HostilePlan.Json(Rules.Value.Evaluate(withBom, options), Rules.Value).ShouldBe(HostilePlan.Json(Rules.Value.Evaluate(without, options), Rules.Value));
    }

    [Fact]
    public void ReadRuleSet_WithUtf8Bom_IsAccepted()
    {
        var set = RuleSetReader.ReadFile(Path.Combine(Root, "accepted", "bom.rules.json"));

        set.Targets.ShouldHaveSingleItem().Id.Value.ShouldBe("test.corpus.1");
        new NRulesRuleEngine().Compile(HostilePlan.Locality, [set]).RuleSets.ShouldHaveSingleItem();
    }

    /// <summary>
    /// A figure for 2030 given to a 2021–2025 plan is accepted and simply unused, not refused. A dataset holds a locality's
    /// figures, not one plan's: the same file feeds every rule set of the plugin (Tây Ninh has a 2016–2020 and a 2021–2025
    /// document, Quảng Ninh a 2023 plan beside them), baselines read years before the plan (yearBeforePlan,
    /// precedingPlanPeriod, previousYear of its first year), and an evaluation may apply the rules to another period
    /// (<see cref="EvaluationOptions.PlanOverride"/>). Refusing figures outside the plan would break all of these, and a
    /// figure no target reads changes no verdict. The tests below hold that: the same assessment, to the byte, and the
    /// figure cited nowhere in the results, listed instead among the figures no target read (issue 10: nothing silently dropped).
    /// </summary>
    [Fact]
    public void ReadDataset_FigureForAYearOutsideThePlan_IsAcceptedAndUnused()
    {
        var outside = DatasetReader.ReadFile(Path.Combine(Root, "accepted", "period-outside-plan.json"));
        var inside = DatasetReader.ReadFile(Path.Combine(Root, "accepted", "period-inside-plan.json"));

        var withIt = Rules.Value.Evaluate(outside);
        var without = Rules.Value.Evaluate(inside);

        outside.Figures.Count(f => f.Period == ReportingPeriod.Year(2030)).ShouldBe(2);
        HostilePlan.Json(withIt with { UnusedFigures = [] }, Rules.Value).ShouldBe(HostilePlan.Json(without, Rules.Value));
        withIt.UnusedFigures.Select(u => (u.Figure.Period, u.Reason)).ShouldBe([(ReportingPeriod.Year(2030), UnusedReason.AfterAsOf), (ReportingPeriod.Year(2030), UnusedReason.AfterAsOf)]);
        without.UnusedFigures.ShouldBeEmpty();
        withIt.Results.SelectMany(r => r.Figures.Concat(r.Units.SelectMany(u => u.Figures)).Concat(r.Components.SelectMany(c => c.Figures)))
            .ShouldNotContain(f => f.Period.EndYear == 2030);
    }

    private static (string Stage, DataException Error) RefuseDataset(string path)
    {
        Dataset data;
        try
        {
            data = DatasetReader.ReadFile(path);
        }
        catch (DataException exception)
        {
            return ("read", exception);
        }

        return ("evaluate", Should.Throw<DataException>(() => Rules.Value.Evaluate(data), $"{path} was read and evaluated without an error"));
    }

    private static (string Stage, RuleSetException Error) RefuseRuleSet(string path)
    {
        RuleSets.RuleSet set;
        try
        {
            set = RuleSetReader.ReadFile(path);
        }
        catch (RuleSetException exception)
        {
            return ("read", exception);
        }

        return ("compile", Should.Throw<RuleSetException>(() => new NRulesRuleEngine().Compile(HostilePlan.Locality, [set]), $"{path} was read and compiled without an error"));
    }

    private static (string Stage, IReadOnlyList<string> Parts) Expectation(string folder, string name)
    {
        var file = Path.Combine(Root, folder, Path.GetFileNameWithoutExtension(name) + ".expected.txt");
        var lines = File.ReadAllLines(file, Encoding.UTF8).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
        var stage = lines.Single(line => line.StartsWith("stage: ", StringComparison.Ordinal))["stage: ".Length..];
        return (stage, [.. lines.Where(line => !line.StartsWith("stage: ", StringComparison.Ordinal))]);
    }

    private static TheoryData<string> Cases(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Root, folder), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }
}
