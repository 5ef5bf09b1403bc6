using Targets.Core.Data;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Requirements;
using Targets.Core.Schedules;
using Targets.Core.Targets;
using Targets.Plugins.CanTho;
using Targets.Plugins.HaiPhong;
using Targets.Plugins.QuangNinh;
using Targets.Plugins.TayNinh;
using Targets.Rules.Engine;
using Targets.Rules.Plugins;

namespace Targets.Benchmarks;

/// <summary>A shipped plugin with its compiled rule sets.</summary>
/// <param name="Plugin">The plugin.</param>
/// <param name="Rules">Its rule sets, compiled once.</param>
public sealed record ShippedLocality(ITargetsPlugin Plugin, ICompiledRuleSet Rules);

/// <summary>One synthetic commune: its province, the shipped rule set it is held to, and its figures.</summary>
/// <param name="Index">The commune's number, 0 to 3,320.</param>
/// <param name="Province">The province, 0 to 33.</param>
/// <param name="Locality">The index of the shipped locality whose rule sets it is evaluated against.</param>
/// <param name="Data">Its figures (locality = the plugin's code).</param>
public sealed record Commune(int Index, int Province, int Locality, Dataset Data);

/// <summary>
/// A synthetic national dataset, fixed seed: 34 provinces, 3,321 communes, province p held to the rule sets of shipped
/// plugin p mod 4. Every indicator the shipped rule sets read is reported for 2021–2025, and for the earlier years their
/// plans and baselines reach back to (Tây Ninh's 2016–2020 account and its 2011–2015 baseline, Hải Phòng's 2018 plan).
/// Values are drawn so that targets are met, exceeded, missed and, with some figures left out, lack data.
/// </summary>
public sealed class NationalDataset
{
    /// <summary>Provinces, as in the 2025 administrative map.</summary>
    public const int Provinces = 34;

    /// <summary>Communes (xã, phường, đặc khu).</summary>
    public const int CommuneCount = 3321;

    /// <summary>The first and last year every indicator is reported for.</summary>
    public const int FirstYear = 2021;

    /// <summary>The last year reported, also the last as-of year.</summary>
    public const int LastYear = 2025;

    /// <summary>The seed the figures are drawn from.</summary>
    public const int Seed = 20_250_701;

    private NationalDataset(IReadOnlyList<ShippedLocality> localities, IReadOnlyList<Commune> communes)
    {
        Localities = localities;
        Communes = communes;
    }

    /// <summary>The shipped localities, in a fixed order (can-tho, quang-ninh, tay-ninh, hai-phong).</summary>
    public IReadOnlyList<ShippedLocality> Localities { get; }

    /// <summary>The communes, in province order.</summary>
    public IReadOnlyList<Commune> Communes { get; }

    /// <summary>The number of figures over all communes.</summary>
    public int FigureCount => Communes.Sum(c => c.Data.Figures.Count);

    /// <summary>The as-of dates every commune is evaluated at: the end of each year 2021–2025.</summary>
    public static IReadOnlyList<EvaluationOptions> AsOfEachYear { get; } =
        [.. Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Select(year => new EvaluationOptions { AsOf = new DateOnly(year, 12, 31) })];

    /// <summary>The four shipped plugins (embedded assemblies), each compiled once.</summary>
    public static IReadOnlyList<ShippedLocality> LoadShipped(IRuleEngine? engine = null)
    {
        engine ??= new NRulesRuleEngine();
        ITargetsPlugin[] plugins = [new CanThoPlugin(), new QuangNinhPlugin(), new TayNinhPlugin(), new HaiPhongPlugin()];
        return [.. plugins.Select(plugin => new ShippedLocality(plugin, engine.Compile(plugin.Locality, plugin.LoadRuleSets(), plugin.RuleTypes)))];
    }

    /// <summary>Generates the national dataset for the shipped localities.</summary>
    public static NationalDataset Generate(IReadOnlyList<ShippedLocality> localities, int seed = Seed, int communes = CommuneCount)
    {
        var random = new Random(seed);
        var plans = localities.Select(l => new FigurePlan(l.Rules)).ToList();
        var list = new List<Commune>(communes);
        for (var index = 0; index < communes; index++)
        {
            // Communes spread evenly over provinces (97 or 98 each), province p held to plugin p mod 4.
            var province = (int)((long)index * Provinces / communes);
            var locality = province % localities.Count;
            var data = plans[locality].Draw(random, localities[locality].Rules.Locality.Code, index, province);
            list.Add(new Commune(index, province, locality, data));
        }

        return new NationalDataset(localities, list);
    }

    /// <summary>What to draw for one locality: the indicators its targets read, the years and units, and the constraints.</summary>
    private sealed class FigurePlan
    {
        private readonly List<Need> _needs = [];
        private readonly Dictionary<IndicatorId, List<IndicatorId>> _denominatorsOf = [];
        private readonly List<IndicatorId> _order = [];
        private readonly HashSet<IndicatorId> _partsOnly = [];
        private readonly Dictionary<IndicatorId, List<Need>> _needsOf = [];
        private readonly string _unitKind;

        public FigurePlan(ICompiledRuleSet rules)
        {
            var catalog = rules.Catalog;
            var years = new Dictionary<(IndicatorId Id, bool PerUnit), SortedSet<int>>();
            var mostlyZero = new HashSet<IndicatorId>();
            var direct = new HashSet<IndicatorId>();
            var fixedQuota = new Dictionary<IndicatorId, (decimal Quota, int Years)>();
            _unitKind = "đơn vị";
            foreach (var target in rules.RuleSets.SelectMany(set => set.Targets))
            {
                if (target.Requirement is CompositeRequirement)
                {
                    continue;
                }

                var perUnit = target.Scope is TargetScope.EachUnit;
                if (target.Scope is TargetScope.EachUnit each)
                {
                    _unitKind = each.UnitKind;
                }

                var reach = Years(target);
                direct.Add(target.Indicator!.Value);
                if (target.Requirement is QuotaRequirement { QuotaIndicator: { } assigned })
                {
                    direct.Add(assigned);
                }

                foreach (var id in target.ReadIndicators(catalog))
                {
                    var key = (id, perUnit);
                    if (!years.TryGetValue(key, out var set))
                    {
                        years[key] = set = [];
                    }

                    set.UnionWith(reach);
                }

                switch (target.Requirement)
                {
                    // Occurrences to keep at zero, and things built once: mostly 0, now and then a few.
                    case ZeroRequirement or DeliverableRequirement:
                        mostlyZero.Add(target.Indicator!.Value);
                        break;
                    case QuotaRequirement { Quota: { } quota }:
                        fixedQuota[target.Indicator!.Value] = (quota, target.Schedule is Schedule.ByDeadline { Cumulative: true } ? target.Document.Period.YearCount : 1);
                        break;
                }
            }

            // Shares are drawn as their counts (numerator ≤ denominator for every share of the catalog).
            var counts = years.Keys.Select(k => k.Id).Where(id => !catalog.Get(id).IsShare).ToHashSet();
            foreach (var share in catalog.Where(i => i.IsShare))
            {
                if (counts.Contains(share.Numerator!.Value) && counts.Contains(share.Denominator!.Value))
                {
                    if (!_denominatorsOf.TryGetValue(share.Numerator!.Value, out var list))
                    {
                        _denominatorsOf[share.Numerator!.Value] = list = [];
                    }

                    list.Add(share.Denominator!.Value);
                }
            }

            // Numerators read only through a share: a commune may report the share in percent instead.
            foreach (var share in years.Keys.Select(k => k.Id).Where(id => catalog.Get(id).IsShare))
            {
                if (!direct.Contains(catalog.Get(share).Numerator!.Value))
                {
                    _partsOnly.Add(catalog.Get(share).Numerator!.Value);
                }
            }

            // Denominators before their numerators.
            var visiting = new HashSet<IndicatorId>();
            void Visit(IndicatorId id)
            {
                if (_order.Contains(id) || !visiting.Add(id))
                {
                    return;
                }

                foreach (var denominator in _denominatorsOf.GetValueOrDefault(id) ?? [])
                {
                    Visit(denominator);
                }

                _order.Add(id);
            }

            foreach (var id in counts.OrderBy(id => id.Value, StringComparer.Ordinal))
            {
                Visit(id);
            }

            foreach (var ((id, perUnit), set) in years.OrderBy(kv => kv.Key.Id.Value, StringComparer.Ordinal).ThenBy(kv => kv.Key.PerUnit))
            {
                var indicator = catalog.Get(id);
                var need = new Need(
                    id,
                    indicator.IsShare,
                    perUnit,
                    [.. set],
                    mostlyZero.Contains(id),
                    fixedQuota.TryGetValue(id, out var quota) ? quota : null,
                    indicator.IsShare ? indicator.Numerator : null,
                    indicator.IsShare ? indicator.Denominator : null);
                _needs.Add(need);
                if (!_needsOf.TryGetValue(id, out var of))
                {
                    _needsOf[id] = of = [];
                }

                of.Add(need);
            }
        }

        public Dataset Draw(Random random, string locality, int commune, int province)
        {
            // Most communes report everything; some leave figures out; a few have not reported their latest year.
            var profile = random.NextDouble();
            var dropRate = profile < 0.80 ? 0.0 : profile < 0.95 ? 0.06 : 0.02;
            var lastReported = profile >= 0.95 ? LastYear - 1 : LastYear;
            string?[] units = [.. Enumerable.Range(1, 3 + random.Next(4)).Select(k => $"{Capitalized(_unitKind)} số {k}")];
            var figures = new List<Figure>(_needs.Count * 8);
            var values = new Dictionary<(IndicatorId, int, string?), decimal>();
            var shareAsPercent = random.NextDouble() < 0.1;

            // Counts in constraint order, so a numerator is drawn below its denominators.
            foreach (var id in _order)
            {
                foreach (var need in _needsOf.GetValueOrDefault(id) ?? [])
                {
                    foreach (var unit in need.PerUnit ? units : NoUnit)
                    {
                        var level = 20 + random.Next(1500);
                        foreach (var year in need.Years)
                        {
                            decimal value;
                            if (_denominatorsOf.TryGetValue(id, out var denominators) &&
                                denominators.Select(d => values.TryGetValue((d, year, unit), out var v) ? v : (decimal?)null).Where(v => v is not null).Min() is { } bound)
                            {
                                value = random.NextDouble() < 0.35 ? bound : Math.Floor(bound * (decimal)(0.55 + (random.NextDouble() * 0.45)));
                            }
                            else if (need.MostlyZero)
                            {
                                value = random.NextDouble() < 0.75 ? 0 : 1 + random.Next(3);
                            }
                            else if (need.FixedQuota is { } quota)
                            {
                                value = Math.Round(quota.Quota / quota.Years * (decimal)(0.8 + (random.NextDouble() * 0.45)), 0);
                            }
                            else
                            {
                                // A random walk: some years down 3–5% (or more), some up.
                                level = Math.Max(1, (int)Math.Round(level * (0.88 + (random.NextDouble() * 0.2))));
                                value = level;
                            }

                            values[(id, year, unit)] = value;
                            if (year <= lastReported && !(dropRate > 0 && random.NextDouble() < dropRate) && !(shareAsPercent && _partsOnly.Contains(id)))
                            {
                                figures.Add(new Figure(id, ReportingPeriod.Year(year), value, unit));
                            }
                        }
                    }
                }
            }

            // A few communes report some shares as a percentage instead of their counts.
            if (shareAsPercent)
            {
                foreach (var need in _needs.Where(n => n.IsShare && _partsOnly.Contains(n.Numerator!.Value)))
                {
                    foreach (var unit in need.PerUnit ? units : NoUnit)
                    {
                        foreach (var year in need.Years.Where(y => y <= lastReported))
                        {
                            if (values.TryGetValue((need.Numerator!.Value, year, unit), out var top) &&
                                values.TryGetValue((need.Denominator!.Value, year, unit), out var bottom) && bottom > 0)
                            {
                                figures.Add(new Figure(need.Id, ReportingPeriod.Year(year), Math.Round(top * 100m / bottom, 1), unit));
                            }
                        }
                    }
                }
            }

            return new Dataset
            {
                Locality = locality,
                Description = $"Số liệu tổng hợp giả lập (hạt giống {Seed}), tỉnh {province + 1:00}, xã {commune + 1:0000}: không phải số liệu thống kê.",
                AdminUnits = _needs.Any(n => n.PerUnit) ? [.. units.Select(u => u!)] : [],
                Figures = figures,
                SourceFile = $"national/{province + 1:00}/{commune + 1:0000}.json",
            };
        }

        private static readonly string?[] NoUnit = [null];

        private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

        /// <summary>The years a target reads: 2021–2025, its plan, and its baselines (for every period it may evaluate).</summary>
        private static SortedSet<int> Years(Target target)
        {
            var plan = target.Document.Period;
            var years = new SortedSet<int>(Enumerable.Range(FirstYear, LastYear - FirstYear + 1));
            var evaluated = new List<ReportingPeriod>();
            for (var year = plan.StartYear - 1; year <= plan.EndYear; year++)
            {
                evaluated.Add(ReportingPeriod.Year(year));
            }

            if (target.Schedule is Schedule.SingleYear single)
            {
                evaluated.Add(ReportingPeriod.Year(single.Year));
            }

            evaluated.Add(plan);
            foreach (var period in evaluated)
            {
                years.UnionWith(Enumerable.Range(period.StartYear, period.EndYear - period.StartYear + 1));
                if (target.Requirement.ComparedWith is { } baseline)
                {
                    var resolved = baseline.Resolve(period, plan);
                    years.UnionWith(Enumerable.Range(resolved.StartYear, resolved.EndYear - resolved.StartYear + 1));
                }
            }

            years.RemoveWhere(y => y > LastYear);
            return years;
        }

        private sealed record Need(
            IndicatorId Id,
            bool IsShare,
            bool PerUnit,
            IReadOnlyList<int> Years,
            bool MostlyZero,
            (decimal Quota, int Years)? FixedQuota,
            IndicatorId? Numerator,
            IndicatorId? Denominator);
    }
}
