using System.Globalization;
using System.Text;
using CsCheck;
using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Core.Evaluation;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Rules.Engine;
using Targets.Rules.Narratives;
using Targets.Rules.Tests.Support;
using Xunit.Abstractions;

namespace Targets.Rules.Tests.Hostile;

/// <summary>
/// Properties of evaluation over generated datasets (CsCheck; a failure prints the seed that reproduces it, shrunk to a
/// small dataset): only documented errors escape, more is better where more is better, threads and execution paths agree,
/// and the same input writes the same bytes.
/// </summary>
public sealed class EvaluationPropertyTests(ITestOutputHelper output)
{
    private static readonly ICompiledRuleSet Delegates = HostilePlan.Compile();

    [Fact]
    public void Evaluate_HostileDatasets_ThrowsNothingButTargetsErrors()
    {
        var renderer = new NarrativeRenderer();
        Gen.Select(HostilePlan.HostileDataset, HostilePlan.Options).Sample(
            (data, options) =>
            {
                try
                {
                    var assessment = Delegates.Evaluate(data, options);
                    HostilePlan.Json(assessment, Delegates, options.PlanOverride);
                    HostilePlan.Narrative(renderer, assessment, Delegates, NarrativeFormat.Markdown, options.PlanOverride);
                }
                catch (TargetsException)
                {
                    // Documented: bad data, a broken rule or template. Anything else escapes and fails the sample.
                }
            },
            iter: 300,
            print: Print,
            writeLine: output.WriteLine);
    }

    [Fact]
    public void Evaluate_SpoiledDatasets_AreRefusedNamingTheFile()
    {
        HostilePlan.Spoiler[] refused =
        [
            HostilePlan.Spoiler.Negative, HostilePlan.Spoiler.ShareAbove100, HostilePlan.Spoiler.NumeratorAboveDenominator,
            HostilePlan.Spoiler.Duplicate, HostilePlan.Spoiler.UnknownIndicator, HostilePlan.Spoiler.OtherLocality,
            HostilePlan.Spoiler.WrongUnit, HostilePlan.Spoiler.UnknownTask, HostilePlan.Spoiler.TaskDoneAfterAsOf,
            HostilePlan.Spoiler.TaskReportedTwice,
        ];
        Gen.Select(HostilePlan.CleanDataset.Where(d => d.Figures.Count > 0), Gen.Int[0, refused.Length - 1].Select(i => refused[i]), Gen.Int[0, 1000]).Sample(
            (data, spoiler, pick) =>
            {
                var spoiled = HostilePlan.Spoil(data, spoiler, pick);

                var error = Should.Throw<DataException>(() => Delegates.Evaluate(spoiled));

                error.Message.ShouldContain("generated.json", customMessage: spoiler.ToString());
            },
            iter: 200,
            print: t => $"{t.Item2}\n{HostilePlan.Describe(t.Item1)}",
            writeLine: output.WriteLine);
    }

    /// <summary>What a monotonicity case moves: a target, the figure it reads, and which way is better for it.</summary>
    private sealed record Move(string Target, string Indicator, bool Raise, string? Unit = null);

    private static readonly Move[] MoreIsBetter =
    [
        new(HostilePlan.ShareAtLeast, "crime.cases.solved", Raise: true), // level >= 75 on a share
        new(HostilePlan.ShareAbove, "crime.cases.solved", Raise: true), // level > 80 on a share
        new(HostilePlan.Quota, "crime.reports.resolved", Raise: true), // quota 550
        new(HostilePlan.QuotaAssigned, "crime.cases.solved", Raise: true), // quota read from the data
        new(HostilePlan.IncreaseAbsolute, "drugs.users.with-records", Raise: true), // increase >= 10 on a count
        new(HostilePlan.EachUnit, "crime.reports.resolved", Raise: true, Unit: "Trường B"), // quota for each unit
    ];

    private static readonly Move[] LessIsBetter =
    [
        new(HostilePlan.CountBelow, "drugs.addicts", Raise: false), // level < 500
        new(HostilePlan.CountAtMost, "crime.social-order.cases", Raise: false), // level <= 1000
        new(HostilePlan.Zero, "drugs.users", Raise: false), // zero
        new(HostilePlan.Decrease, "crime.social-order.cases", Raise: false), // decrease >= 5% from the year before
        new(HostilePlan.Range, "crime.social-order.cases", Raise: false), // decrease within 3% - 5%
    ];

    [Fact]
    public void Evaluate_RaisingAValueWhereMoreIsBetter_NeverTurnsMetIntoNotMet() => CheckMonotone(MoreIsBetter);

    [Fact]
    public void Evaluate_LoweringAValueWhereLessIsBetter_NeverTurnsMetIntoNotMet() => CheckMonotone(LessIsBetter);

    private void CheckMonotone(Move[] moves)
    {
        var options = new EvaluationOptions { AsOf = new DateOnly(2025, 12, 31) };
        var step = Gen.Frequency((4, Gen.Int[1, 20].Select(i => (decimal)i)), (2, Gen.Int[1, 100_000].Select(i => i / 100m)), (1, Gen.Int[1, 1_000_000].Select(i => (decimal)i)));
        Gen.Select(HostilePlan.CleanDataset, Gen.Int[0, moves.Length - 1].Select(i => moves[i]), Gen.Int[2021, 2025], step).Sample(
            (data, move, year, by) =>
            {
                var period = ReportingPeriod.Year(year);
                var index = data.Figures.ToList().FindIndex(f => f.Indicator.Value == move.Indicator && f.Period == period && f.AdminUnit == move.Unit);

                // A locality's figure that its units also give must stay their sum: moving it alone is refused, not judged.
                if (index < 0 || (move.Unit is null && data.Figures.Any(f => f.Indicator.Value == move.Indicator && f.Period == period && f.AdminUnit is not null)))
                {
                    return;
                }

                var figures = data.Figures.ToList();
                var old = figures[index];
                var moved = move.Raise ? Math.Min(old.Value + by, CapFor(figures, old)) : Math.Max(0, old.Value - by);
                figures[index] = old with { Value = moved };
                var after = data with { Figures = HostilePlan.KeepSharesConsistent(HostilePlan.KeepPartsConsistent(figures, data.AdminUnits)) };

                var before = Verdicts(Delegates.Evaluate(data, options), move.Target, year);
                var now = Verdicts(Delegates.Evaluate(after, options), move.Target, year);

                now.Count.ShouldBe(before.Count);
                for (var i = 0; i < before.Count; i++)
                {
                    if (before[i] is AssessmentStatus.Met or AssessmentStatus.Exceeded)
                    {
                        now[i].ShouldNotBe(AssessmentStatus.NotMet, $"{move.Target} {year}: {old.Value} -> {moved} turned {before[i]} into {now[i]}");
                    }

                    if (Rank(before[i]) is { } was && Rank(now[i]) is { } @is)
                    {
                        @is.ShouldBeGreaterThanOrEqualTo(was, $"{move.Target} {year}: {old.Value} -> {moved} turned {before[i]} into {now[i]}");
                    }
                }
            },
            iter: 400,
            print: t => $"{t.Item2} {t.Item3} by {t.Item4}\n{HostilePlan.Describe(t.Item1)}",
            writeLine: output.WriteLine);
    }

    /// <summary>A raised numerator stays at or below its denominator (else the data is refused, not judged).</summary>
    private static decimal CapFor(List<Figure> figures, Figure figure)
    {
        var share = IndicatorCatalog.Shared.FirstOrDefault(i => i.IsShare && i.Numerator == figure.Indicator);
        var bottom = share is null ? null : figures.FirstOrDefault(f => f.Indicator == share.Denominator && f.Period == figure.Period && f.AdminUnit == figure.AdminUnit);
        return bottom?.Value ?? 1_000_000_000_000_000m;
    }

    private static List<AssessmentStatus> Verdicts(Assessment assessment, string target, int year) =>
        [.. assessment.Results.Where(r => r.Target.Id.Value == target && r.Period == ReportingPeriod.Year(year)).Select(r => r.Status)];

    private static int? Rank(AssessmentStatus status) => status switch
    {
        AssessmentStatus.NotMet => 0,
        AssessmentStatus.Met => 1,
        AssessmentStatus.Exceeded => 2,
        _ => null,
    };

    [Theory]
    [InlineData(EvaluationPath.Session)]
    [InlineData(EvaluationPath.Bulk)]
    public void Evaluate_OnEightThreadsOverOneCompiledRuleSet_GivesTheSequentialResults(EvaluationPath path)
    {
        var rules = Delegates;
        var renderer = new NarrativeRenderer();
        Gen.Select(Gen.Frequency((3, HostilePlan.CleanDataset), (1, HostilePlan.HostileDataset)), Gen.Frequency((3, HostilePlan.CleanOptions), (1, HostilePlan.Options))).Array[48].Sample(
            inputs =>
            {
                var sequential = inputs.Select(input => Outcome(rules, renderer, input.Item1, input.Item2, path)).ToArray();

                var parallel = new string[inputs.Length];
                Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Outcome(rules, renderer, inputs[i].Item1, inputs[i].Item2, path));

                parallel.ShouldBe(sequential);
            },
            iter: 12,
            threads: 1,
            print: inputs => $"{inputs.Length} datasets",
            writeLine: output.WriteLine);
    }

    [Fact]
    public void Evaluate_SessionAndBulkPaths_GiveTheSameOutcome()
    {
        var renderer = new NarrativeRenderer();
        Gen.Select(HostilePlan.HostileDataset, HostilePlan.Options).Sample(
            (data, options) => Outcome(Delegates, renderer, data, options, EvaluationPath.Bulk).ShouldBe(Outcome(Delegates, renderer, data, options, EvaluationPath.Session)),
            iter: 150,
            print: Print,
            writeLine: output.WriteLine);
    }

    [Fact]
    public void Report_SameInputTwice_IsByteIdentical()
    {
        var shared = new NarrativeRenderer();
        Gen.Select(HostilePlan.CleanDataset, HostilePlan.CleanOptions, Gen.Bool).Sample(
            (data, options, markdown) =>
            {
                var format = markdown ? NarrativeFormat.Markdown : NarrativeFormat.Text;
                var first = Delegates.Evaluate(data, options);
                var second = Delegates.Evaluate(data, options);

                var json = HostilePlan.Json(first, Delegates, options.PlanOverride);
                HostilePlan.Json(second, Delegates, options.PlanOverride).ShouldBe(json);
                HostilePlan.Json(first, Delegates, options.PlanOverride).ShouldBe(json);

                var text = HostilePlan.Narrative(shared, first, Delegates, format, options.PlanOverride);
                HostilePlan.Narrative(shared, second, Delegates, format, options.PlanOverride).ShouldBe(text);
                HostilePlan.Narrative(new NarrativeRenderer(), first, Delegates, format, options.PlanOverride).ShouldBe(text);
            },
            iter: 100,
            print: t => $"{t.Item3}\n{Print((t.Item1, t.Item2))}",
            writeLine: output.WriteLine);
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    [InlineData("de-DE")]
    [InlineData("vi-VN")]
    public void Report_UnderAnotherCulture_IsByteIdentical(string culture)
    {
        // Reports are built with explicit formats, never the machine's culture (ar-SA would write years of the Hijri
        // calendar, de-DE decimal commas where the JSON needs points). Error messages are checked in KnownDefectTests.
        var renderer = new NarrativeRenderer();
        Gen.Select(HostilePlan.CleanDataset, HostilePlan.CleanOptions).Sample(
            (data, options) =>
            {
                var here = Outcome(Delegates, renderer, data, options);
                var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
                try
                {
                    CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

                    Outcome(Delegates, renderer, data, options).ShouldBe(here);
                }
                finally
                {
                    (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
                }
            },
            iter: 40,
            print: Print,
            writeLine: output.WriteLine);
    }

    /// <summary>The whole outcome of one input: the JSON report and the narrative, or the error.</summary>
    private static string Outcome(ICompiledRuleSet rules, NarrativeRenderer renderer, Dataset data, EvaluationOptions options, EvaluationPath path = EvaluationPath.Session)
    {
        try
        {
            var assessment = rules.Evaluate(data, options, path);
            return Encoding.UTF8.GetString(HostilePlan.Json(assessment, rules, options.PlanOverride)) + "\n" +
                Encoding.UTF8.GetString(HostilePlan.Narrative(renderer, assessment, rules, NarrativeFormat.Text, options.PlanOverride));
        }
        catch (TargetsException exception)
        {
            return $"{exception.GetType().Name}: {exception.Message}";
        }
    }

    private static string Print((Dataset Data, EvaluationOptions Options) input) =>
        $"asOf={input.Options.AsOf} plan={input.Options.PlanOverride}\n{HostilePlan.Describe(input.Data)}";
}
