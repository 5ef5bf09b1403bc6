using System.Text;
using CsCheck;
using Targets.Core.Data;
using Targets.Core.Documents;
using Targets.Core.Evaluation;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Requirements;
using Targets.Core.Targets;
using Targets.Rules.Engine;
using Targets.Rules.Narratives;
using Targets.Rules.Plugins;
using Targets.Rules.Reporting;
using Targets.Rules.RuleSets;

namespace Targets.Rules.Tests.Hostile;

/// <summary>
/// The rule set the hostile-input tests run against: one target of every requirement kind (a level with each comparison,
/// a change, a change range, zero, a fixed and an assigned quota, an expression, composites), on every schedule and
/// scope, with a goal and a task; and generators of datasets for it, clean or hostile.
/// </summary>
internal static class HostilePlan
{
    public const string ShareAbove = "test.hostile.level-gt";
    public const string ShareAtLeast = "test.hostile.level-ge";
    public const string CountBelow = "test.hostile.level-lt";
    public const string CountAtMost = "test.hostile.level-le";
    public const string CountEqual = "test.hostile.level-eq";
    public const string Decrease = "test.hostile.change";
    public const string IncreaseAbsolute = "test.hostile.change-abs";
    public const string Range = "test.hostile.range";
    public const string Zero = "test.hostile.zero";
    public const string Quota = "test.hostile.quota";
    public const string QuotaAssigned = "test.hostile.quota-assigned";
    public const string Deadline = "test.hostile.deadline";
    public const string Cumulative = "test.hostile.cumulative";
    public const string EachUnit = "test.hostile.each-unit";
    public const string Expression = "test.hostile.expression";
    public const string Composite = "test.hostile.all";
    public const string CompositeDeadline = "test.hostile.all-by-deadline";
    public const string TaskId = "test.hostile.task-1";

    public static readonly Locality Locality = new("test", "Thử nghiệm", "tỉnh Thử nghiệm");

    public static readonly DocumentReference Document = new(
        "hostile-plan", "Kế hoạch", "9/KH-TEST", "UBND tỉnh Thử nghiệm", new DateOnly(2021, 3, 1),
        "Kế hoạch thử nghiệm các đầu vào xấu giai đoạn 2021 - 2025", ReportingPeriod.Span(2021, 2025), "hostile-plan.txt");

    public static readonly string[] Units = ["Trường A", "Trường B", "Trường C"];

    /// <summary>Every count the plan reads, with the plausible size of its yearly figure.</summary>
    public static readonly (string Indicator, int Typical)[] Counts =
    [
        ("crime.cases.prosecuted", 400),
        ("crime.cases.solved", 400),
        ("drugs.addicts", 800),
        ("crime.social-order.cases", 1500),
        ("areas.hotspots.designated", 40),
        ("areas.hotspots.transformed", 40),
        ("drugs.users", 1000),
        ("drugs.users.with-records", 1000),
        ("crime.reports.resolved", 900),
    ];

    private static readonly Lazy<RuleSet> Set = new(Build);

    public static RuleSet RuleSet => Set.Value;

    public static ICompiledRuleSet Compile() => new NRulesRuleEngine().Compile(Locality, [RuleSet]);

    private static RuleSet Build()
    {
        string[] police = ["Công an tỉnh"];
        return RuleSetBuilder.For(Document)
            .Target(ShareAbove, "1.a", "Tỷ lệ điều tra, khám phá trên 80%", t => t.Indicator("crime.clearance-rate").GreaterThan(80).EachYear().AlternativeOf(ShareAtLeast))
            .Target(ShareAtLeast, "1.b", "Tỷ lệ điều tra, khám phá đạt từ 75% trở lên", t => t.Indicator("crime.clearance-rate").AtLeast(75).EachYear().Responsible(police))
            .Target(CountBelow, "1.c", "Số người nghiện dưới 500 người", t => t.Indicator("drugs.addicts").LessThan(500).EachYear())
            .Target(CountAtMost, "1.d", "Tội phạm về trật tự xã hội không quá 1.000 vụ", t => t.Indicator("crime.social-order.cases").AtMost(1000).EachYear().Responsible(police))
            .Target(CountEqual, "1.e", "Chuyển hóa đúng 10 địa bàn", t => t.Indicator("areas.hotspots.transformed").Level(Comparison.EqualTo, 10).InYear(2023))
            .Target(Decrease, "2.a", "Kiềm chế, giảm 5% tội phạm về trật tự xã hội so với năm trước", t => t.Indicator("crime.social-order.cases")
                .Change(new Baseline.PreviousYear(), ChangeDirection.Decrease, ChangeMeasure.Relative, Comparison.AtLeast, 5).EachYear())
            .Target(IncreaseAbsolute, "2.b", "Tăng thêm 10 người được lập hồ sơ so với năm 2020", t => t.Indicator("drugs.users.with-records")
                .Change(new Baseline.YearBeforePlan(), ChangeDirection.Increase, ChangeMeasure.Absolute, Comparison.AtLeast, 10).EachYear())
            .Target(Range, "2.c", "Giảm từ 3% - 5% so với cùng kỳ", t => t.Indicator("crime.social-order.cases")
                .ChangeWithin(new Baseline.SamePeriodPreviousYear(), ChangeDirection.Decrease, ChangeMeasure.Relative, 3, 5).EachYear())
            .Target(Zero, "3", "Không để phát sinh người sử dụng trái phép chất ma túy mới", t => t.Indicator("drugs.users").Zero().EachYear())
            .Target(Quota, "4.a", "Giải quyết 550 tin báo", t => t.Indicator("crime.reports.resolved").Quota(550).EachYear())
            .Target(QuotaAssigned, "4.b", "Đạt chỉ tiêu được giao", t => t.Indicator("crime.cases.solved").QuotaFrom("crime.cases.prosecuted").EachYear())
            .Target(Deadline, "5.a", "Phấn đấu đến năm 2025, tỷ lệ khám phá đạt từ 90% trở lên", t => t.Indicator("crime.clearance-rate").AtLeast(90).ByDeadline())
            .Target(Cumulative, "5.b", "Cả giai đoạn chuyển hóa từ 50 địa bàn", t => t.Indicator("areas.hotspots.designated").AtLeast(50).ByDeadline(cumulative: true))
            .Target(EachUnit, "6", "Mỗi trường giải quyết ít nhất 02 tin báo mỗi năm", t => t.Indicator("crime.reports.resolved").Quota(2).ForEachUnit("trường").EachYear())
            .Target(Expression, "7", "Từ 2 đến 10 địa bàn, không tăng so với năm trước", t => t.Indicator("areas.hotspots.transformed")
                .Expression("m.Value >= 2 && m.Value <= 10 && (!m.HasBaseline || m.Change <= 0 || Math.Abs(m.RelativeChange) < 50)", "từ 2 đến 10 địa bàn", new Baseline.PreviousYear()).EachYear())
            .Target(Composite, "8.a", "Cả hai chỉ tiêu 1.b và 1.d đạt", t => t.AllOf(ShareAtLeast, CountAtMost).EachYear())
            .Target(CompositeDeadline, "8.b", "Cả hai chỉ tiêu đến năm 2025 đạt", t => t.AllOf(Deadline, Cumulative).ByDeadline())
            .Goal("test.hostile.goal-1", "9", "Tăng cường phối hợp.", "Không có con số.")
            .Task(TaskId, "10", "Tổng kết giai đoạn", new Responsibility(police, []), "Quý I năm 2023", ReportingPeriod.Quarter(2023, 1))
            .Build("hostile-plan.rules.cs");
    }

    // ---- Generators ----

    /// <summary>Values at and around every threshold of the plan, where an off-by-one would show.</summary>
    private static readonly decimal[] Boundaries = [0, 1, 2, 3, 9, 10, 11, 49, 50, 51, 74, 75, 76, 79, 80, 81, 89, 90, 91, 99, 100, 499, 500, 501, 549, 550, 551, 999, 1000, 1001];

    /// <summary>
    /// A figure's value from a shape and a raw number, within the domain the readers accept (0 to 10^15, non-zero values
    /// at least 0.000001): mostly plausible counts, often a threshold or its neighbour, sometimes fractional, now and then
    /// huge or tiny. Values outside that domain are refused when a file is read, so the evaluator never gets them from one.
    /// </summary>
    public static decimal Shape(int shape, int raw, int typical) => shape switch
    {
        < 8 => raw % ((typical * 2) + 1),
        < 11 => Boundaries[raw % Boundaries.Length],
        < 13 => raw % ((typical * 200) + 1) / 100m,
        13 => raw % 2,
        14 => Math.Min(1_000_000_000_000_000m, raw * 465_661m),
        _ => ((raw % 1_000_000) + 1) / 1_000_000m,
    };

    /// <summary>A value a few percent below the year before (0% to 7%), where change and range targets turn.</summary>
    private static decimal NearPrevious(decimal previous, int raw) => Math.Round(previous * (100 - (raw % 8)) / 100m, 2);

    /// <summary>The periods figures are given for: the plan's years and those around it, halves, quarters, spans.</summary>
    public static readonly ReportingPeriod[] Periods =
    [
        ReportingPeriod.Year(2019), ReportingPeriod.Year(2020), ReportingPeriod.Year(2021), ReportingPeriod.Year(2022),
        ReportingPeriod.Year(2023), ReportingPeriod.Year(2024), ReportingPeriod.Year(2025), ReportingPeriod.Year(2026),
        ReportingPeriod.Year(2030), ReportingPeriod.Half(2023, 1), ReportingPeriod.Quarter(2023, 2),
        ReportingPeriod.Span(2016, 2020), ReportingPeriod.Span(2021, 2025),
    ];

    private static readonly int Slots = Counts.Length * Periods.Length;

    /// <summary>A consistent dataset for the plan: no negative counts, no numerator above its denominator, no duplicates.</summary>
    public static readonly Gen<Dataset> CleanDataset = Gen.Select(
        Gen.Int[0, 9].Array[Slots],
        Gen.Int[0, 17].Array[Slots],
        Gen.Int[0, int.MaxValue].Array[Slots],
        Gen.Int[0, 4].Array[Units.Length * 5],
        Gen.Select(Gen.Int[0, 7], Gen.Int[0, 3], Gen.Int[0, 3]),
        (presence, shapes, raws, unitValues, misc) => MakeDataset(presence, shapes, raws, unitValues, misc.Item1, misc.Item2, misc.Item3));

    /// <summary>Evaluation options: the as-of date around the plan, sometimes a plan period other than the document's.</summary>
    public static readonly Gen<EvaluationOptions> Options = Gen.Select(Gen.Int[2018, 2028], Gen.Int[0, 9], Gen.Int[0, 4]).Select((year, asOfKind, plan) => new EvaluationOptions
    {
        AsOf = asOfKind switch
        {
            0 => null,
            1 => new DateOnly(year, 6, 30),
            _ => new DateOnly(year, 12, 31),
        },
        PlanOverride = plan switch
        {
            0 => ReportingPeriod.Span(2016, 2020),
            1 => ReportingPeriod.Year(2023),
            _ => null,
        },
    });

    /// <summary>Options a clean dataset is always valid under: an as-of date after its tasks were done.</summary>
    public static readonly Gen<EvaluationOptions> CleanOptions = Gen.Select(Gen.Int[2023, 2028], Gen.Int[0, 4]).Select((year, plan) => new EvaluationOptions
    {
        AsOf = new DateOnly(year, 12, 31),
        PlanOverride = plan switch
        {
            0 => ReportingPeriod.Span(2016, 2020),
            1 => ReportingPeriod.Year(2023),
            _ => null,
        },
    });

    private static Dataset MakeDataset(int[] presence, int[] shapes, int[] raws, int[] unitValues, int unitsSeed, int taskKind, int asOfKind)
    {
        var figures = new List<Figure>();
        for (var c = 0; c < Counts.Length; c++)
        {
            for (var p = 0; p < Periods.Length; p++)
            {
                var slot = (c * Periods.Length) + p;
                if (presence[slot] < 7)
                {
                    var value = shapes[slot] >= 16 && p > 0 && Periods[p].Kind == PeriodKind.Year && Periods[p - 1].Kind == PeriodKind.Year
                        && figures.LastOrDefault() is { } previous && previous.Indicator.Value == Counts[c].Indicator && previous.Period == Periods[p - 1]
                        ? NearPrevious(previous.Value, raws[slot])
                        : Shape(shapes[slot] % 16, raws[slot], Counts[c].Typical);
                    figures.Add(new Figure(new IndicatorId(Counts[c].Indicator), Periods[p], value, Note: p == 0 ? "ghi chú" : null));
                }
            }
        }

        // Sometimes the share itself, as a percent, for years where its counts are missing.
        if (asOfKind % 2 == 0)
        {
            figures.Add(new Figure(new IndicatorId("crime.clearance-rate"), ReportingPeriod.Year(2024), 77.5m, Unit: "%"));
        }

        var units = Units.Where((_, i) => ((unitsSeed >> i) & 1) == 1).ToList();
        for (var u = 0; u < Units.Length; u++)
        {
            for (var y = 0; y < 5; y++)
            {
                var v = unitValues[(u * 5) + y];
                if (v > 0)
                {
                    figures.Add(new Figure(new IndicatorId("crime.reports.resolved"), ReportingPeriod.Year(2021 + y), v - 1, Units[u]));
                }
            }
        }

        var tasks = taskKind switch
        {
            0 => [],
            1 => [new TaskReport(TaskId, new DateOnly(2023, 3, 28), "xong")],
            2 => [new TaskReport(TaskId, new DateOnly(2023, 5, 2))],
            _ => new List<TaskReport> { new(TaskId, null, "đang làm") },
        };

        return new Dataset
        {
            Locality = Locality.Code,
            Description = asOfKind < 2 ? "Số liệu minh họa, không phải số liệu thống kê chính thức." : null,
            AsOf = asOfKind switch
            {
                0 => new DateOnly(2023, 12, 31),
                1 => new DateOnly(2025, 12, 31),
                _ => null,
            },
            AdminUnits = units,
            Figures = WithSources(KeepSharesConsistent(KeepPartsConsistent(figures, units))),
            Tasks = tasks,
            SourceFile = "generated.json",
        };
    }

    /// <summary>
    /// Keeps figures from contradicting each other the ways the table refuses: a stock given once per date (and, for the
    /// stocks that are a share's counts, for years only, so that a share's counts stand at the same dates), a flow's span
    /// left out when all its years are given or its years may come from its units, and the locality's figure the sum of its units' when every unit gives one.
    /// </summary>
    public static List<Figure> KeepPartsConsistent(List<Figure> figures, IReadOnlyList<string> expectedUnits, IndicatorCatalog? catalog = null)
    {
        catalog ??= IndicatorCatalog.Shared;
        var shareParts = catalog.Where(i => i.IsShare).SelectMany(i => new[] { i.Numerator!.Value, i.Denominator!.Value }).ToHashSet();
        bool IsStock(IndicatorId id) => catalog.StockOrFlowOf(id) == StockOrFlow.Stock;
        var stockDates = new HashSet<(IndicatorId, DateOnly, string?)>();
        var kept = figures.Where(f => !IsStock(f.Indicator) || ((f.Period.Kind == PeriodKind.Year || !shareParts.Contains(f.Indicator)) && stockDates.Add((f.Indicator, f.Period.End, f.AdminUnit)))).ToList();
        var given = kept.Select(f => (f.Indicator, f.Period, f.AdminUnit)).ToHashSet();
        var perUnit = kept.Where(f => f.AdminUnit is not null).Select(f => f.Indicator).ToHashSet();
        kept.RemoveAll(f => !IsStock(f.Indicator) && f.Period.Kind == PeriodKind.Span &&
            (perUnit.Contains(f.Indicator) || f.Period.Years.All(y => given.Contains((f.Indicator, y, f.AdminUnit)))));

        var units = expectedUnits.Concat(kept.Select(f => f.AdminUnit).OfType<string>()).Distinct().ToList();
        for (var i = 0; i < kept.Count; i++)
        {
            var whole = kept[i];
            var parts = kept.Where(f => f.Indicator == whole.Indicator && f.Period == whole.Period && f.AdminUnit is not null).ToList();
            if (whole.AdminUnit is null && parts.Count > 0 && units.All(u => parts.Any(p => p.AdminUnit == u)))
            {
                kept[i] = whole with { Value = parts.Sum(p => p.Value) };
            }
        }

        return kept;
    }

    /// <summary>Lowers any numerator above its denominator (same indicator pair, period and unit) to the denominator.</summary>
    public static List<Figure> KeepSharesConsistent(List<Figure> figures)
    {
        var byKey = figures.ToDictionary(f => (f.Indicator, f.Period, f.AdminUnit));
        foreach (var share in IndicatorCatalog.Shared.Where(i => i.IsShare))
        {
            foreach (var top in figures.Where(f => f.Indicator == share.Numerator).ToList())
            {
                if (byKey.TryGetValue((share.Denominator!.Value, top.Period, top.AdminUnit), out var bottom) && top.Value > bottom.Value)
                {
                    var lowered = top with { Value = bottom.Value };
                    figures[figures.IndexOf(top)] = lowered;
                    byKey[(top.Indicator, top.Period, top.AdminUnit)] = lowered;
                }
            }
        }

        return figures;
    }

    /// <summary>One way to spoil a dataset, as a hostile or careless reporter would.</summary>
    public enum Spoiler
    {
        None,
        Negative,
        ShareAbove100,
        NumeratorAboveDenominator,
        Duplicate,
        UnknownIndicator,
        OtherLocality,
        WrongUnit,
        UnknownTask,
        TaskDoneAfterAsOf,
        TaskReportedTwice,
        LargestValues,
        SmallestValues,
        NoFigures,
        UnitFigureOnly,
    }

    public static readonly Gen<Dataset> HostileDataset =
        Gen.Select(CleanDataset, Gen.Enum<Spoiler>(), Gen.Int[0, 1000]).Select((data, spoiler, pick) => Spoil(data, spoiler, pick));

    public static Dataset Spoil(Dataset data, Spoiler spoiler, int pick)
    {
        var figures = data.Figures.ToList();
        var some = figures.Count == 0 ? null : figures[pick % figures.Count];
        switch (spoiler)
        {
            case Spoiler.Negative when some is not null:
                figures[pick % figures.Count] = some with { Value = -1 - some.Value };
                break;
            case Spoiler.ShareAbove100:
                figures.Add(new Figure(new IndicatorId("areas.hotspots.transformed-share"), ReportingPeriod.Year(2023), 150));
                break;
            case Spoiler.NumeratorAboveDenominator:
                figures.RemoveAll(f => f.Period == ReportingPeriod.Year(2022) && f.AdminUnit is null && f.Indicator.Value.StartsWith("crime.cases.", StringComparison.Ordinal));
                figures.Add(new Figure(new IndicatorId("crime.cases.solved"), ReportingPeriod.Year(2022), 11));
                figures.Add(new Figure(new IndicatorId("crime.cases.prosecuted"), ReportingPeriod.Year(2022), 10));
                break;
            case Spoiler.Duplicate when some is not null:
                figures.Add(some with { Note = "lặp lại" });
                break;
            case Spoiler.UnknownIndicator:
                figures.Add(new Figure(new IndicatorId("crime.nothing-like-it"), ReportingPeriod.Year(2023), 1));
                break;
            case Spoiler.OtherLocality:
                return data with { Locality = "somewhere-else" };
            case Spoiler.WrongUnit when some is not null:
                figures[pick % figures.Count] = some with { Unit = "lượt" };
                break;
            case Spoiler.UnknownTask:
                return data with { Tasks = [.. data.Tasks, new TaskReport("test.hostile.no-such-task", null)] };
            case Spoiler.TaskDoneAfterAsOf:
                return data with { AsOf = new DateOnly(2023, 1, 1), Tasks = [new TaskReport(TaskId, new DateOnly(2024, 1, 1))] };
            case Spoiler.TaskReportedTwice:
                return data with { Tasks = [new TaskReport(TaskId, null), new TaskReport(TaskId, null)] };
            case Spoiler.LargestValues:
                figures = [.. figures.Select(f => f with { Value = 1_000_000_000_000_000m })];
                break;
            case Spoiler.SmallestValues:
                figures = [.. figures.Select(f => f with { Value = f.Value == 0 ? 0 : 0.000001m })];
                break;
            case Spoiler.NoFigures:
                figures.Clear();
                break;
            case Spoiler.UnitFigureOnly:
                figures = [new Figure(new IndicatorId("crime.reports.resolved"), ReportingPeriod.Year(2023), 3, "Trường Z")];
                break;
        }

        return data with { Figures = WithSources(figures) };
    }

    /// <summary>Gives every figure the place it would have in a file, as <c>DatasetReader</c> does.</summary>
    public static List<Figure> WithSources(List<Figure> figures) =>
        [.. figures.Select((f, i) => f with { Source = new Core.Errors.SourceLocation("generated.json", i + 4, 5, $"$.figures[{i}]") })];

    // ---- Output ----

    public static byte[] Json(Assessment assessment, ICompiledRuleSet rules, ReportingPeriod? plan = null)
    {
        using var stream = new MemoryStream();
        JsonReports.WriteAssessment(stream, assessment, rules, plan);
        return stream.ToArray();
    }

    public static byte[] Narrative(NarrativeRenderer renderer, Assessment assessment, ICompiledRuleSet rules, NarrativeFormat format, ReportingPeriod? plan = null) =>
        Encoding.UTF8.GetBytes(renderer.Render(assessment, rules, new Dictionary<string, TemplateText>(), format, plan));

    /// <summary>Every result as one line (target, period, status, value), for comparing two evaluations.</summary>
    public static string Statuses(Assessment assessment) => string.Join(
        "\n",
        assessment.Results.Select(r => $"{r.Target.Id} {r.Period} {r.Status} {r.Measurement?.Value} [{string.Join(",", r.Units.Select(u => u.Status))}]")
            .Concat(assessment.Tasks.Select(t => $"{t.Task.Id} {t.Status}")));

    public static string Describe(Dataset data) =>
        $"locality={data.Locality} asOf={data.AsOf} units=[{string.Join(",", data.AdminUnits)}] tasks=[{string.Join(",", data.Tasks.Select(t => $"{t.TaskId}:{t.CompletedOn}"))}]\n" +
        string.Join("\n", data.Figures.Select(f => $"  {f.Indicator} {f.Period} {f.AdminUnit} = {f.Value} {f.Unit}"));
}
