using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Core.Evaluation;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Requirements;
using Targets.Core.Targets;
using Targets.Rules.Engine;
using Targets.Benchmarks;
using Targets.Rules.Plugins;

namespace Targets.Rules.Tests.Engine;

/// <summary>
/// The bulk path gives what the session path gives: every target of every shipped plugin (with its C# rules), evaluated
/// through <see cref="ICompiledRuleSet.EvaluateMany"/> (criteria called directly, a session only for the rules chained on
/// verdicts) and through one full NRules session per dataset and options, compared result by result (status, period,
/// measurement, baseline, figures, missing figures, note, progress, units, components, findings) on each plugin's samples,
/// on generated datasets that meet, miss and lack data, and on the national synthetic dataset of the benchmarks.
/// </summary>
public sealed class BulkEvaluationTests
{
    /// <summary>
    /// The end of each year, and the middle of one just before its end: a year the as-of date cuts into reads none of its
    /// figures, and what is kept for later as-of dates must not keep that.
    /// </summary>
    private static readonly EvaluationOptions[] AsOfYears =
        [new(), .. Enumerable.Range(2018, 8).SelectMany(year => year == 2023 ? [new DateOnly(year, 6, 30), new DateOnly(year, 12, 31)] : new[] { new DateOnly(year, 12, 31) }).Select(asOf => new EvaluationOptions { AsOf = asOf })];

    private static readonly Lazy<IReadOnlyList<ShippedLocality>> Shipped = new(() => NationalDataset.LoadShipped());

    public static TheoryData<string> Plugins() => ["can-tho", "quang-ninh", "tay-ninh", "hai-phong"];

    [Theory]
    [MemberData(nameof(Plugins))]
    public void EvaluateMany_GivesWhatEvaluateGivesForEachDatasetAndOptions(string locality)
    {
        var (plugin, rules) = Shipped.Value.Single(l => l.Plugin.Manifest.Code == locality);
        // Datasets that report tasks cannot be assessed before the tasks were done: they go in a batch of their own.
        foreach (var group in Datasets(plugin, rules, generated: 40).GroupBy(d => OptionsFor(d).Count))
        {
            var datasets = group.ToList();
            var options = OptionsFor(datasets[0]);

            var bulk = rules.EvaluateMany(datasets, options).ToList();

            bulk.Count.ShouldBe(datasets.Count * options.Count);
            var next = 0;
            for (var d = 0; d < datasets.Count; d++)
            {
                for (var o = 0; o < options.Count; o++)
                {
                    var item = bulk[next++];
                    item.Dataset.ShouldBe(d);
                    item.Options.ShouldBe(o);
                    Same(item.Assessment, rules.Evaluate(datasets[d], options[o]), $"{datasets[d].SourceFile} as of {options[o].AsOf}");
                }
            }
        }
    }

    [Fact]
    public void EvaluateMany_OnTheNationalDataset_GivesWhatEvaluateGives()
    {
        // Every 16th commune of the 3,321, each as of the end of every year 2021–2025: about 1,000 evaluations on each path.
        var national = NationalDataset.Generate(Shipped.Value);
        var compared = 0;
        for (var l = 0; l < national.Localities.Count; l++)
        {
            var rules = national.Localities[l].Rules;
            var datasets = national.Communes.Where(c => c.Locality == l && c.Index % 16 == 0).Select(c => c.Data).ToList();
            foreach (var item in rules.EvaluateMany(datasets, NationalDataset.AsOfEachYear))
            {
                Same(item.Assessment, rules.Evaluate(datasets[item.Dataset], NationalDataset.AsOfEachYear[item.Options]), $"{rules.Locality.Code} commune {item.Dataset} option {item.Options}");
                compared++;
            }
        }

        compared.ShouldBe(national.Communes.Count(c => c.Index % 16 == 0) * NationalDataset.AsOfEachYear.Count);
    }

    [Fact]
    public void EvaluateMany_DefaultImplementation_GivesTheSameAsTheCompiledRuleSet()
    {
        var (plugin, rules) = Shipped.Value.Single(l => l.Plugin.Manifest.Code == "can-tho");
        ICompiledRuleSet plain = new PerDataset(rules);
        var datasets = Datasets(plugin, rules, generated: 5).Where(d => d.Tasks.Count == 0).ToList();

        var expected = rules.EvaluateMany(datasets, AsOfYears).ToList();
        var actual = plain.EvaluateMany(datasets, AsOfYears).ToList();

        actual.Select(a => (a.Dataset, a.Options)).ShouldBe(expected.Select(e => (e.Dataset, e.Options)));
        for (var i = 0; i < expected.Count; i++)
        {
            Same(actual[i].Assessment, expected[i].Assessment, $"item {i}");
        }
    }

    [Fact]
    public void EvaluateMany_IsLazy_AndRefusesADatasetOfAnotherLocalityWhenItIsReached()
    {
        var (plugin, rules) = Shipped.Value.Single(l => l.Plugin.Manifest.Code == "hai-phong");
        var good = plugin.LoadSample();
        var bad = good with { Locality = "elsewhere" };

        var items = rules.EvaluateMany([good, bad], AsOfYears);
        using var enumerator = items.GetEnumerator();
        for (var o = 0; o < AsOfYears.Length; o++)
        {
            enumerator.MoveNext().ShouldBeTrue();
        }

        Should.Throw<DataException>(() => enumerator.MoveNext()).Message.ShouldContain("'elsewhere'");
    }

    [Fact]
    public void EvaluateMany_WithNoDatasets_GivesNothing()
    {
        var rules = Shipped.Value.Single(l => l.Plugin.Manifest.Code == "quang-ninh").Rules;

        rules.EvaluateMany([], AsOfYears).ShouldBeEmpty();
        Should.Throw<ArgumentNullException>(() => rules.EvaluateMany(null!, AsOfYears));
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Evaluate_SameDatasetTwice_GivesEqualResults(string locality)
    {
        // The evaluator reuses per-thread scratch space: a second evaluation must not see the first one's figures.
        var (plugin, rules) = Shipped.Value.Single(l => l.Plugin.Manifest.Code == locality);
        var datasets = Datasets(plugin, rules, generated: 3);

        var first = datasets.Select(d => rules.Evaluate(d, OptionsFor(d)[^1])).ToList();
        var second = datasets.Select(d => rules.Evaluate(d, OptionsFor(d)[^1])).ToList();

        for (var i = 0; i < first.Count; i++)
        {
            Same(second[i], first[i], datasets[i].SourceFile ?? "sample");
        }
    }

    /// <summary>Every as-of year, but none before a task the dataset reports done (that is refused, whatever the path).</summary>
    private static List<EvaluationOptions> OptionsFor(Dataset dataset)
    {
        var done = dataset.Tasks.Select(t => t.CompletedOn).OfType<DateOnly>().DefaultIfEmpty(DateOnly.MinValue).Max();
        return [.. AsOfYears.Where(o => o.AsOf is not { } asOf || asOf >= done)];
    }

    /// <summary>The plugin's samples and generated datasets over every indicator its targets read.</summary>
    private static List<Dataset> Datasets(ITargetsPlugin plugin, ICompiledRuleSet rules, int generated)
    {
        var datasets = plugin.Samples.Select(plugin.LoadSample).ToList();
        var random = new Random(4_2025);
        var catalog = rules.Catalog;
        var targets = rules.RuleSets.SelectMany(set => set.Targets).Where(t => t.Requirement is not CompositeRequirement).ToList();
        var perUnit = targets.Where(t => t.Scope is TargetScope.EachUnit).SelectMany(t => t.ReadIndicators(catalog)).ToHashSet();
        var read = targets.SelectMany(t => t.ReadIndicators(catalog)).Where(id => !catalog.Get(id).IsShare).Distinct().OrderBy(id => id.Value, StringComparer.Ordinal).ToList();
        var shares = catalog.Where(i => i.IsShare).ToList();

        // Denominators before numerators, so that no numerator is drawn above any of its denominators.
        var counts = new List<IndicatorId>();
        while (counts.Count < read.Count)
        {
            counts.AddRange(read.Where(id => !counts.Contains(id) &&
                shares.Where(s => s.Numerator == id && read.Contains(s.Denominator!.Value)).All(s => counts.Contains(s.Denominator!.Value))).ToList());
        }

        string?[] whole = [null];
        var first = Math.Min(2011, rules.RuleSets.Min(set => set.Document.Period.StartYear) - 6);
        for (var n = 0; n < generated; n++)
        {
            string?[] units = [.. Enumerable.Range(1, 2 + random.Next(3)).Select(k => $"Đơn vị {k}")];
            var values = new Dictionary<(IndicatorId, int, string?), decimal>();
            var figures = new List<Figure>();
            var dropRate = n % 3 == 0 ? 0.0 : 0.08;

            foreach (var id in counts)
            {
                foreach (var unit in perUnit.Contains(id) ? [null, .. units] : whole)
                {
                    decimal level = 10 + random.Next(400);
                    for (var year = first; year <= 2025; year++)
                    {
                        var bounds = shares.Where(s => s.Numerator == id && values.ContainsKey((s.Denominator!.Value, year, unit)))
                            .Select(s => values[(s.Denominator!.Value, year, unit)]).ToList();
                        level = Math.Max(0, Math.Round(level * (decimal)(0.85 + (random.NextDouble() * 0.3))));
                        var value = bounds.Count > 0
                            ? (random.Next(3) == 0 ? bounds.Min() : Math.Floor(bounds.Min() * (decimal)random.NextDouble()))
                            : random.Next(5) == 0 ? 0 : level;
                        values[(id, year, unit)] = value;
                        if (random.NextDouble() >= dropRate)
                        {
                            figures.Add(new Figure(id, ReportingPeriod.Year(year), value, unit));
                        }
                    }
                }
            }

            // Now and then a share reported in percent and a span reported whole.
            foreach (var share in targets.Select(t => t.Indicator).OfType<IndicatorId>().Where(id => catalog.Get(id).IsShare).Distinct().Take(2))
            {
                figures.Add(new Figure(share, ReportingPeriod.Year(2024), Math.Round((decimal)random.NextDouble() * 100, 1)));
            }

            // (A flow's, given for the locality only: a stock's span is its value at the end, which the share of a year would
            // then read; a flow given per unit has years rolled up from its units, which the span must then equal.)
            var flows = counts.Where(id => catalog.StockOrFlowOf(id) == StockOrFlow.Flow && !perUnit.Contains(id)).ToList();
            if (flows.Count > 0 && random.Next(2) == 0)
            {
                var id = flows[random.Next(flows.Count)];
                figures.RemoveAll(f => f.Indicator == id && f.AdminUnit is null && f.Period.StartYear is >= 2016 and <= 2020);
                figures.Add(new Figure(id, ReportingPeriod.Span(2016, 2020), 100 + random.Next(1000)));
            }

            string[] expected = perUnit.Count > 0 ? [.. units[..^1].OfType<string>()] : [];
            datasets.Add(new Dataset
            {
                Locality = rules.Locality.Code,
                AdminUnits = expected,
                Figures = Hostile.HostilePlan.KeepPartsConsistent(figures, expected, catalog),
                SourceFile = $"generated-{n}.json",
            });
        }

        return datasets;
    }

    private static void Same(Assessment actual, Assessment expected, string what)
    {
        actual.AsOf.ShouldBe(expected.AsOf, what);
        actual.Findings.Select(Describe).ShouldBe(expected.Findings.Select(Describe), what);
        actual.Summary.ShouldBe(expected.Summary, what);
        actual.Goals.ShouldBe(expected.Goals, what);
        actual.Tasks.Select(t => (t.Task.Id, t.Status, t.CompletedOn)).ShouldBe(expected.Tasks.Select(t => (t.Task.Id, t.Status, t.CompletedOn)), what);
        actual.Notes.ShouldBe(expected.Notes, what);
        actual.UnusedFigures.ShouldBe(expected.UnusedFigures, what);
        actual.Results.Count.ShouldBe(expected.Results.Count, what);
        for (var i = 0; i < expected.Results.Count; i++)
        {
            Same(actual.Results[i], expected.Results[i], $"{what}, result {i} ({expected.Results[i].Target.Id} {expected.Results[i].Period})");
        }
    }

    private static string Describe(Finding finding) =>
        $"{finding.Target.Id} {finding.Period} {finding.Kind} {finding.Text}: " +
        string.Join("; ", finding.Units.Select(u => $"{u.Unit} {u.Measurement} {u.BaselinePeriod} [{string.Join(", ", u.Figures)}]"));

    private static void Same(TargetResult actual, TargetResult expected, string what)
    {
        actual.Target.ShouldBeSameAs(expected.Target, what);
        actual.Period.ShouldBe(expected.Period, what);
        actual.Status.ShouldBe(expected.Status, what);
        actual.Measurement.ShouldBe(expected.Measurement, what);
        actual.BaselinePeriod.ShouldBe(expected.BaselinePeriod, what);
        actual.Figures.ShouldBe(expected.Figures, what);
        actual.MissingFigures.ShouldBe(expected.MissingFigures, what);
        actual.Note.ShouldBe(expected.Note, what);
        actual.Progress.ShouldBe(expected.Progress, what);
        actual.Boundary.ShouldBe(expected.Boundary, what);
        Same(actual.Units, expected.Units, what);
        Same(actual.ByUnit, expected.ByUnit, $"{what}, drill-down");

        actual.Components.Count.ShouldBe(expected.Components.Count, what);
        for (var c = 0; c < expected.Components.Count; c++)
        {
            Same(actual.Components[c], expected.Components[c], $"{what}, component {c}");
        }
    }

    private static void Same(IReadOnlyList<UnitResult> actual, IReadOnlyList<UnitResult> expected, string what)
    {
        actual.Count.ShouldBe(expected.Count, what);
        for (var u = 0; u < expected.Count; u++)
        {
            var (a, e) = (actual[u], expected[u]);
            (a.Unit, a.Status, a.Measurement).ShouldBe((e.Unit, e.Status, e.Measurement), what);
            a.Figures.ShouldBe(e.Figures, what);
        }
    }

    /// <summary>A compiled rule set seen only through the interface, so that its default bulk implementation runs.</summary>
    private sealed class PerDataset(ICompiledRuleSet inner) : ICompiledRuleSet
    {
        public Locality Locality => inner.Locality;

        public IReadOnlyList<RuleSets.RuleSet> RuleSets => inner.RuleSets;

        public IndicatorCatalog Catalog => inner.Catalog;

        public FigureTable Index(Dataset dataset) => inner.Index(dataset);

        public Assessment Evaluate(Dataset dataset, EvaluationOptions? options = null) => inner.Evaluate(dataset, options);
    }
}
