using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Targets.Core.Formatting;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Requirements;
using Targets.Core.Schedules;
using Targets.Core.Tasks;
using Targets.Core.Targets;
using Targets.Rules.Engine;
using Targets.Rules.RuleSets;

namespace Targets.Rules.Reporting;

/// <summary>
/// What a report says that depends on the compiled rules alone, not on the figures: labels, the ids a plugin's prose may
/// cite, that prose with the ids replaced, the requirements in words, and per plan period the annex readings, the
/// clauses' wordings and the schedules. Worked out once per compiled rule set and shared by every report on it (a
/// national batch builds thousands); safe to use from several threads.
/// </summary>
internal sealed class RuleSetTexts
{
    private static readonly ConditionalWeakTable<ICompiledRuleSet, RuleSetTexts> Cache = new();

    private readonly ICompiledRuleSet _rules;
    private readonly IndicatorCatalog _catalog;
    private readonly List<(string Id, string Label)> _namedIds;
    private readonly ConcurrentDictionary<string, string> _prose = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<TargetId, string> _requirements = new();
    private readonly ConcurrentDictionary<string, PlanTexts> _plans = new(StringComparer.Ordinal);

    private RuleSetTexts(ICompiledRuleSet rules)
    {
        _rules = rules;
        _catalog = rules.Catalog;
        ById = rules.RuleSets.SelectMany(set => set.Targets).ToDictionary(t => t.Id);
        Labels = TargetLabels.For(rules.RuleSets.SelectMany(set => set.Targets));
        // Ids a plugin's prose may cite, longest first so that no id is replaced inside a longer one.
        _namedIds = [.. Labels.All.Select(p => (p.Key.Value, p.Value))
            .Concat(rules.RuleSets.SelectMany(s => s.Goals).Select(g => (g.Id.Value, $"{g.Clause} (mục tiêu định tính)")))
            .Concat(rules.RuleSets.SelectMany(s => s.Tasks).Select(t => (t.Id.Value, t.Label)))
            .Concat(_catalog.Select(i => (i.Id.Value, $"“{VietnameseFormat.LowerFirst(i.Name)}”")))
            .OrderByDescending(p => p.Item1.Length)];
    }

    /// <summary>Every target of the locality by id.</summary>
    public IReadOnlyDictionary<TargetId, Target> ById { get; }

    /// <summary>The labels of the whole locality's targets.</summary>
    public TargetLabels Labels { get; }

    public static RuleSetTexts Of(ICompiledRuleSet rules) => Cache.GetValue(rules, key => new RuleSetTexts(key));

    /// <summary>A target as another part of the report names it: its label and its document (<c>I.2.b của Kế hoạch số 205/KH-UBND</c>).</summary>
    public string Cite(TargetId id) => $"{Labels.Of(id)} của {ById[id].Document.ShortName}";

    /// <summary>A plugin's prose with every id it cites replaced by the label a reader knows.</summary>
    public string Prose(string text) => _prose.GetOrAdd(text, ReplaceIds);

    /// <summary>The requirement of a target in words, on the documents' own plan period.</summary>
    public string Requirement(Target target) => _requirements.GetOrAdd(target.Id, _ => RequirementText.Describe(target, _catalog, null));

    /// <summary>What the reports on <paramref name="sets"/> (the documents an assessment evaluated) over <paramref name="plan"/> share.</summary>
    public PlanTexts ForPlan(ReportingPeriod? plan, IReadOnlyList<RuleSet> sets)
    {
        var key = (plan?.ToString() ?? string.Empty) + "|" + string.Join('|', sets.Select(set => set.Document.Id));
        return _plans.GetOrAdd(key, _ => new PlanTexts(this, _rules.Catalog, plan, sets));
    }

    private string ReplaceIds(string text)
    {
        foreach (var (id, label) in _namedIds)
        {
            if (text.Contains(id, StringComparison.Ordinal))
            {
                text = text.Replace(id, label, StringComparison.Ordinal);
            }
        }

        return text;
    }
}

/// <summary>
/// What every report on one plan period and set of documents says the same way, whatever the figures: which documents
/// are a retrospective account reported apart, the annex readings and which targets they belong to, each clause's
/// wordings and each target's schedule in words. The builder of each report used to work these out again; a national
/// batch is thousands of reports on four rule sets.
/// </summary>
internal sealed class PlanTexts
{
    private readonly Dictionary<TargetId, string> _schedules = [];
    private readonly Dictionary<RuleSet, ClauseShape[]> _clauses = [];
    private readonly Dictionary<TargetId, int[]> _readingNumbers = [];
    private readonly HashSet<RuleSet> _apart = [];
    private readonly List<string> _units = [];
    private readonly Dictionary<string, List<ItemShape>> _items = new(StringComparer.Ordinal);
    private readonly RuleSetTexts _texts;
    private readonly List<Target> _all;
    private readonly string[] _methodsBefore;
    private UnitShapes? _unitShapes;
    private readonly string[] _methodsAfter;
    private readonly Dictionary<string, (IReadOnlyList<Target> Led, IReadOnlyList<Target> Supported)> _unitTargets = new(StringComparer.Ordinal);

    internal PlanTexts(RuleSetTexts texts, IndicatorCatalog catalog, ReportingPeriod? plan, IReadOnlyList<RuleSet> sets)
    {
        _texts = texts;
        _all = [.. sets.SelectMany(set => set.Targets)];
        var anyCurrent = sets.Any(other => !other.IsRetrospective);
        foreach (var set in sets.Where(set => set.IsRetrospective && anyCurrent))
        {
            _apart.Add(set);
        }

        foreach (var set in sets)
        {
            foreach (var target in set.Targets)
            {
                var stockOrFlow = target.Indicator is { } id ? catalog.StockOrFlowOf(id) : StockOrFlow.Flow;
                _schedules[target.Id] = RequirementText.Schedule(target.Schedule, plan ?? target.Document.Period, stockOrFlow);
            }
        }

        // Every report on these rules shares the readings and their numbers: arrays, so that no reader can change another
        // report's text.
        var (readings, numbers) = CollectReadings(texts, plan, sets);
        Readings = [.. readings];
        foreach (var (target, held) in numbers)
        {
            _readingNumbers[target] = [.. held];
        }

        AnyApart = _apart.Count > 0;

        // What a report shows of each clause and target, whatever the figures.
        foreach (var set in sets)
        {
            var clauses = new List<ClauseShape>();
            foreach (var clause in set.Targets.GroupBy(t => t.Clause, StringComparer.Ordinal))
            {
                clauses.Add(new ClauseShape(clause.Key, [.. Wordings(clause.Select(t => t.Wording))], [.. clause.Select(target => TextsOf(target, catalog, plan))]));
            }

            _clauses[set] = [.. clauses];
        }

        (_methodsBefore, _methodsAfter) = PlanMethods(_all, catalog, AnyApart);

        // The summary's parts that do not depend on the figures: the documents it tallies, their counted items and goals,
        // and the targets two documents set for one quantity (counted once).
        Current = [.. sets.Where(set => !IsApart(set))];
        CurrentItems = Items(Current);
        CurrentGoals = Current.Sum(set => set.Goals.Count);
        CountedOnce = [.. Current.SelectMany(set => set.Targets).Where(t => t.SameAs is not null).Select(t =>
        {
            var primary = texts.ById[t.SameAs!.Value];
            var sentence = $"{texts.Labels.Of(primary.Id)} của {primary.Document.ShortName} và {texts.Labels.Of(t.Id)} của {t.Document.ShortName} là cùng một chỉ tiêu, được tính một lần";
            return new SharedTarget(texts.Labels.Of(primary.Id), primary.Document.ShortName, texts.Labels.Of(t.Id), t.Document.ShortName, sentence);
        })];
        CountedOnceSentences = [.. CountedOnce.Select(shared => VietnameseFormat.UpperFirst(shared.Sentence) + ".")];
        Goals = [.. sets.SelectMany(s => s.Goals).Select(g => new GoalEntry(g.Id.Value, g.Clause, g.Document.ShortName, g.Wording, texts.Prose(g.Reason)))];
        PlanPeriodText = string.Join(", ", Current.Select(set => VietnameseFormat.Period(plan ?? set.Document.Period)).Distinct(StringComparer.Ordinal));
        WithConsequences = [.. Current.SelectMany(set => set.Targets).Where(t => t.AlternativeOf is null && t.Consequence is not null)];

        var responsible = sets.SelectMany(set => set.Targets).Where(t => t.AlternativeOf is null && t.Responsibility is not null).ToList();
        foreach (var unit in responsible.SelectMany(t => t.Responsibility!.Lead.Concat(t.Responsibility.Supporting)).Distinct(StringComparer.Ordinal))
        {
            _unitTargets[unit] = (
                [.. responsible.Where(t => t.Responsibility!.Lead.Contains(unit))],
                [.. responsible.Where(t => t.Responsibility!.Supporting.Contains(unit))]);
            _units.Add(unit);
        }
    }

    /// <summary>
    /// The annex's methods for a report: the plan's own (what its kinds of requirement and schedule need explained), with
    /// those that depend on the report's figures: parts added up, units' own results, the boundary of a merged locality.
    /// </summary>
    public IReadOnlyList<string> Methods(bool addedUp, bool byUnit, string? boundary)
    {
        var methods = new List<string>(_methodsBefore.Length + _methodsAfter.Length + 3);
        methods.AddRange(_methodsBefore);
        if (addedUp)
        {
            methods.Add("Số liệu chưa có cho cả kỳ được cộng từ các kỳ nhỏ hơn (6 tháng, quý) với chỉ số đếm số việc phát sinh trong kỳ; chỉ số tính tại một thời điểm (như số người nghiện, số xã) lấy số liệu cuối kỳ, không cộng dồn. Số liệu chung chưa có được cộng từ số liệu của các đơn vị; tỷ lệ được tính lại từ các số đếm đã cộng, không lấy bình quân các tỷ lệ.");
        }

        if (byUnit)
        {
            methods.Add("Khi có số liệu của từng đơn vị, mỗi đơn vị được đối chiếu với cùng yêu cầu; các đơn vị chưa đạt được nêu dưới kết quả chung.");
        }

        if (boundary is not null)
        {
            methods.Add(boundary);
        }

        methods.AddRange(_methodsAfter);
        return methods;
    }

    /// <summary>The methods of the plan before and after those that depend on a report's figures.</summary>
    private static (string[] Before, string[] After) PlanMethods(IReadOnlyList<Target> targets, IndicatorCatalog catalog, bool anyApart)
    {
        var requirements = targets.Select(t => t.Requirement).ToList();
        var methods = new List<string>
        {
            "Mức cần đạt: số nhỏ nhất đạt yêu cầu (số lớn nhất, với yêu cầu “dưới”, “không quá”), tính theo đơn vị đếm khi có số liệu đếm: tỷ lệ có tử số và mẫu số thì mỗi bước là một đơn vị của tử số, số đếm thì mỗi bước là một đơn vị. “Trên 80%” của 3.000 người là từ 2.401 người (80,03%); đúng 2.400 người (80,0%) là không đạt. Tỷ lệ chỉ báo cáo bằng phần trăm, không có số đếm, thì mức cần đạt là chính ngưỡng.",
            "“Đạt” là đạt mức cần đạt; “vượt” là cao hơn mức đó (với yêu cầu giảm: thấp hơn mức đó), áp dụng như nhau cho yêu cầu “trên X” và “từ X trở lên”. Yêu cầu mức trần (“dưới”, “không quá”, “không tăng”) và yêu cầu bằng 0 (“không để xảy ra”) chỉ có đạt hoặc không đạt.",
            "“Còn thiếu” chỉ dùng khi số liệu thấp hơn mức cần đạt của yêu cầu mức sàn; “vượt quá” chỉ dùng khi số liệu cao hơn mức cần đạt của yêu cầu mức trần. Khoảng cách tính đến mức cần đạt, theo đơn vị đếm khi có số liệu đếm; tỷ lệ được ghi đủ chữ số thập phân để phân biệt với ngưỡng.",
            "Thay đổi so với kỳ gốc tính trên chính số liệu được đánh giá: giảm khi số liệu thấp hơn kỳ gốc, tăng khi cao hơn; tỷ lệ thay đổi = (số liệu − kỳ gốc) / kỳ gốc × 100.",
        };

        if (requirements.Any(r => r is ChangeRangeRequirement))
        {
            methods.Add("Yêu cầu trong một khoảng (“giảm từ 3% - 5%”): dưới mức đầu là không đạt, từ mức đầu đến mức cuối là đạt, quá mức cuối là vượt.");
        }

        if (targets.Any(t => t.Schedule is Schedule.ByDeadline { Cumulative: false }))
        {
            methods.Add("Chỉ tiêu có hạn (“phấn đấu đến năm 2025”): đánh giá đạt hay không ở năm hạn; các năm trước đánh giá tiến độ theo lộ trình đều từ số liệu năm trước giai đoạn (hoặc năm đầu có số liệu; với yêu cầu thay đổi, từ mức không thay đổi) đến mức yêu cầu ở năm hạn: bằng hoặc tốt hơn lộ trình là đúng tiến độ, kém hơn là có nguy cơ không đạt.");
        }

        if (targets.Any(t => t.Schedule is Schedule.ByDeadline { Cumulative: false } && t.Indicator is { } id && catalog.StartsAtZeroWithThePlan(id)))
        {
            methods.Add("Chỉ tiêu có hạn đo số liệu tính lũy kế từ đầu giai đoạn: số liệu đó bằng 0 khi giai đoạn bắt đầu, nên lộ trình bắt đầu từ 0 ở năm trước giai đoạn, không từ năm đầu có số liệu.");
        }

        if (requirements.Any(r => r is DeliverableRequirement))
        {
            methods.Add("Việc làm một lần (“xây dựng một mô hình”): đạt từ năm hoàn thành và giữ đạt từ đó; trước khi hoàn thành và trước hạn là “chưa hoàn thành, chưa đến hạn”, không ước tính, không tính phần trăm; hết hạn mà chưa hoàn thành là không đạt.");
        }

        if (targets.Any(t => t.Schedule is Schedule.ByDeadline { Cumulative: true }))
        {
            methods.Add("Chỉ tiêu tính tổng cả giai đoạn: trước năm hạn, báo cáo ghi tổng các năm đã có số liệu và số ước cả giai đoạn (tổng × số năm của giai đoạn / số năm đã qua), ghi rõ “ước”; tiến độ, thay đổi so với kỳ gốc và tỷ lệ so với chỉ tiêu được tính trên số ước.");
        }

        if (targets.Any(t => t.Scope is TargetScope.EachUnit))
        {
            methods.Add("Chỉ tiêu áp dụng cho từng đơn vị: không đạt khi có đơn vị không đạt; báo cáo nêu tên các đơn vị không đạt và chưa có số liệu, kèm số liệu của từng đơn vị.");
        }

        if (requirements.Any(r => r is CompositeRequirement))
        {
            methods.Add("Chỉ tiêu tổng hợp (gồm nhiều chỉ tiêu thành phần): đạt khi mọi chỉ tiêu thành phần đều đạt; nếu không, lấy kết quả kém nhất của các chỉ tiêu thành phần.");
        }

        var before = methods.ToArray();
        methods.Clear();
        methods.Add("Thiếu số liệu thì ghi “chưa có số liệu” và nêu số liệu còn thiếu; không bao giờ tính là không đạt.");
        methods.Add("Tổng hợp: đếm theo chỉ tiêu được đánh số trong văn bản (mục, điểm); một mục có nhiều chỉ tiêu thành phần được tính là một chỉ tiêu, lấy kết quả kém nhất của các chỉ tiêu thành phần (chỉ “vượt” khi mọi chỉ tiêu thành phần đều vượt); một chỉ tiêu tổng hợp được tính là một chỉ tiêu gồm các chỉ tiêu nó tổng hợp. Chỉ tiêu hàng năm tính theo kết quả năm đánh giá; chỉ tiêu không đạt ở các năm trước được nêu riêng.");
        if (targets.Any(t => t.AlternativeOf is not null))
        {
            methods.Add("Cách hiểu thay thế: trình bày để đối chiếu, không tính vào tổng hợp.");
        }

        if (targets.Any(t => t.SameAs is not null))
        {
            methods.Add("Chỉ tiêu do hai văn bản cùng đặt ra cho một đại lượng được tính một lần trong tổng hợp, nêu cả hai điều khoản.");
        }

        if (anyApart)
        {
            methods.Add("Kết quả giai đoạn trước mà văn bản nêu lại được trình bày thành phần riêng, không tính vào tổng hợp của giai đoạn đang thực hiện.");
        }

        return (before, [.. methods]);
    }

    /// <summary>
    /// The counted items of rule sets: a composite with everything it reads; then each clause with its remaining
    /// targets. Alternatives and targets counted under another document (sameAs) are left out. Which targets make an item
    /// does not depend on the figures; how the item stands does, and the builder works that out.
    /// </summary>
    public IReadOnlyList<ItemShape> ItemsOf(IReadOnlyList<RuleSet> sets)
    {
        var key = string.Join('|', sets.Select(set => set.Document.Id));
        lock (_items)
        {
            if (!_items.TryGetValue(key, out var items))
            {
                _items[key] = items = Items(sets);
            }

            return items;
        }
    }

    private List<ItemShape> Items(IReadOnlyList<RuleSet> sets)
    {
        var counted = sets.SelectMany(s => s.Targets).Where(t => t.AlternativeOf is null && t.SameAs is null).ToList();
        var absorbed = new HashSet<TargetId>();
        var items = new List<(int Order, ItemShape Item)>();
        var nested = counted.Where(t => t.Requirement is CompositeRequirement).SelectMany(t => ((CompositeRequirement)t.Requirement).Targets).ToHashSet();
        foreach (var composite in counted.Where(t => t.Requirement is CompositeRequirement && !nested.Contains(t.Id)))
        {
            var members = Components(composite).ToList();
            absorbed.UnionWith(members.Select(m => m.Id));
            absorbed.Add(composite.Id);
            items.Add((counted.IndexOf(composite), Shape(composite.Clause, composite.Document.ShortName, composite, [.. members.Where(m => m.Requirement is not CompositeRequirement)])));
        }

        foreach (var clause in counted.Where(t => !absorbed.Contains(t.Id)).GroupBy(t => (t.Document.Id, t.Clause)))
        {
            var members = clause.ToList();
            items.Add((counted.IndexOf(members[0]), Shape(clause.Key.Clause, members[0].Document.ShortName, null, [.. members])));
        }

        return [.. items.OrderBy(i => i.Order).Select(i => i.Item)];

        ItemShape Shape(string label, string document, Target? composite, Target[] subTargets) => new(
            label,
            document,
            composite,
            subTargets,
            subTargets.Length > 1 ? [.. subTargets.Select(t => _texts.Labels.Of(t.Id))] : [],
            [.. _all.Where(t => t.SameAs is { } same && subTargets.Any(s => s.Id == same)).Select(t => _texts.Cite(t.Id))]);
    }

    private IEnumerable<Target> Components(Target composite)
    {
        foreach (var id in ((CompositeRequirement)composite.Requirement).Targets)
        {
            var component = _texts.ById[id];
            yield return component;
            if (component.Requirement is CompositeRequirement)
            {
                foreach (var nested in Components(component))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>
    /// The units of the by-unit view for an assessment's tasks: those responsible for a target, then those only tasks name,
    /// each with the targets and the tasks (by position) it leads and supports. The tasks are the plan's, the same for
    /// every report on it: the view is worked out for the first report and reused while the tasks are those very ones.
    /// </summary>
    public IReadOnlyList<UnitShape> UnitsOf(IReadOnlyList<TaskResult> tasks)
    {
        var known = _unitShapes;
        if (known is not null && SameTasks(known.Tasks, tasks))
        {
            return known.Units;
        }

        var names = new List<string>(_units);
        foreach (var result in tasks)
        {
            foreach (var unit in result.Task.Responsibility.Lead.Concat(result.Task.Responsibility.Supporting))
            {
                if (!names.Contains(unit, StringComparer.Ordinal))
                {
                    names.Add(unit);
                }
            }
        }

        var units = new UnitShape[names.Count];
        for (var u = 0; u < names.Count; u++)
        {
            var name = names[u];
            var (led, supported) = TargetsOf(name);
            List<int> ledTasks = [], supportedTasks = [];
            for (var i = 0; i < tasks.Count; i++)
            {
                if (tasks[i].Task.Responsibility.Lead.Contains(name))
                {
                    ledTasks.Add(i);
                }

                if (tasks[i].Task.Responsibility.Supporting.Contains(name))
                {
                    supportedTasks.Add(i);
                }
            }

            units[u] = new UnitShape(name, led, supported, [.. ledTasks], [.. supportedTasks]);
        }

        _unitShapes = new UnitShapes([.. tasks.Select(t => t.Task)], units);
        return units;

        static bool SameTasks(PlanTask[] known, IReadOnlyList<TaskResult> tasks)
        {
            if (known.Length != tasks.Count)
            {
                return false;
            }

            for (var i = 0; i < known.Length; i++)
            {
                if (!ReferenceEquals(known[i], tasks[i].Task))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The targets a unit leads and those it supports.</summary>
    public (IReadOnlyList<Target> Led, IReadOnlyList<Target> Supported) TargetsOf(string unit) =>
        _unitTargets.TryGetValue(unit, out var targets) ? targets : ([], []);

    /// <summary>The documents the summary tallies: all but the retrospective accounts reported apart.</summary>
    public IReadOnlyList<RuleSet> Current { get; }

    /// <summary>The counted items of <see cref="Current"/>.</summary>
    public IReadOnlyList<ItemShape> CurrentItems { get; }

    /// <summary>How many qualitative goals <see cref="Current"/> set.</summary>
    public int CurrentGoals { get; }

    /// <summary>The targets of <see cref="Current"/> that measure the quantity of another document's target, counted once.</summary>
    public IReadOnlyList<SharedTarget> CountedOnce { get; }

    /// <summary>The summary's sentence for each of <see cref="CountedOnce"/>.</summary>
    public IReadOnlyList<string> CountedOnceSentences { get; }

    /// <summary>The qualitative goals of the documents, as the annex lists them.</summary>
    public IReadOnlyList<GoalEntry> Goals { get; }

    /// <summary>The plan periods of <see cref="Current"/> in words, each once.</summary>
    public string PlanPeriodText { get; }

    /// <summary>The targets of <see cref="Current"/> (not alternatives) whose failure has a consequence.</summary>
    public IReadOnlyList<Target> WithConsequences { get; }

    /// <summary>The annex readings, numbered.</summary>
    public IReadOnlyList<AnnexReading> Readings { get; }

    /// <summary>Whether some document is a retrospective account reported apart.</summary>
    public bool AnyApart { get; }

    /// <summary>
    /// Whether a rule set is a retrospective account reported apart from the plan in force: it is, unless a plan
    /// override left it the only kind evaluated (then it is the report's own account).
    /// </summary>
    public bool IsApart(RuleSet set) => _apart.Contains(set);

    /// <summary>The numbers of the annex readings that explain a target.</summary>
    private int[] ReadingNumbers(TargetId target) => _readingNumbers.GetValueOrDefault(target) ?? [];

    private TargetTexts TextsOf(Target target, IndicatorCatalog catalog, ReportingPeriod? plan)
    {
        var indicator = target.Indicator is { } id ? catalog.Get(id) : null;
        return new TargetTexts(
            target,
            indicator,
            _texts.Labels.Of(target.Id),
            ReportBuilder.KindOf(target.Requirement),
            indicator is null ? string.Empty : VietnameseFormat.LowerFirst(indicator.Name),
            indicator?.Unit.Symbol ?? string.Empty,
            plan is null ? _texts.Requirement(target) : RequirementText.Describe(target, catalog, plan),
            _schedules[target.Id],
            target.AlternativeOf is { } alternative ? _texts.Labels.Of(alternative) : string.Empty,
            target.SameAs is { } same ? _texts.Cite(same) : string.Empty,
            ReadingNumbers(target.Id));
    }

    /// <summary>A document's clauses in the order of its targets: each with its wordings (quoted once) and its targets.</summary>
    public IReadOnlyList<ClauseShape> ClausesOf(RuleSet set) => _clauses[set];

    /// <summary>A clause's wordings, each quoted once: a wording inside another is dropped, and leading table cells shared with the previous one are not repeated.</summary>
    private static List<string> Wordings(IEnumerable<string> wordings)
    {
        var all = wordings.Distinct(StringComparer.Ordinal).ToList();
        var kept = new List<string>();
        string[]? previousCells = null;
        foreach (var wording in all)
        {
            if (all.Any(other => other != wording && other.Contains(wording, StringComparison.Ordinal)))
            {
                continue;
            }

            var cells = wording.Split(" — ");
            var shared = 0;
            while (previousCells is not null && shared < cells.Length - 1 && shared < previousCells.Length && cells[shared] == previousCells[shared])
            {
                shared++;
            }

            kept.Add(string.Join(" — ", cells[shared..]));
            previousCells = cells;
        }

        return kept;
    }

    /// <summary>
    /// Numbers every reading once: the sentences of the targets' readings (and of rule-set readings) are grouped by the
    /// readings that hold them, so that a sentence shared by several targets is stated once, naming all of them.
    /// </summary>
    private (List<AnnexReading> Readings, Dictionary<TargetId, List<int>> Numbers) CollectReadings(RuleSetTexts texts, ReportingPeriod? plan, IReadOnlyList<RuleSet> sets)
    {
        var sources = new List<(string Label, TargetId? Id, List<string> Sentences)>();
        // In the order the report shows the documents: the plan in force first, retrospective accounts after.
        foreach (var set in sets.OrderBy(IsApart))
        {
            if (set.Reading is { } shared)
            {
                sources.Add(($"Các chỉ tiêu của {set.Document.ShortName} ({VietnameseFormat.Period(plan ?? set.Document.Period)})", null, Sentences(texts.Prose(shared))));
            }

            sources.AddRange(set.Targets.Where(t => t.Reading is not null).Select(t => (texts.Labels.Of(t.Id), (TargetId?)t.Id, Sentences(texts.Prose(t.Reading!)))));
        }

        var holders = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < sources.Count; i++)
        {
            foreach (var sentence in sources[i].Sentences)
            {
                var list = holders.TryGetValue(sentence, out var found) ? found : holders[sentence] = [];
                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }
        }

        var entries = new Dictionary<string, (List<int> Holders, List<string> Sentences)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var sentence in sources.SelectMany(source => source.Sentences))
        {
            var key = string.Join(',', holders[sentence]);
            if (!entries.TryGetValue(key, out var entry))
            {
                entry = (holders[sentence], []);
                entries[key] = entry;
                order.Add(key);
            }

            if (!entry.Sentences.Contains(sentence))
            {
                entry.Sentences.Add(sentence);
            }
        }

        var readings = new List<AnnexReading>();
        var numbersOf = new Dictionary<TargetId, List<int>>();
        foreach (var key in order)
        {
            var (owners, sentences) = entries[key];
            var number = readings.Count + 1;
            readings.Add(new AnnexReading(number, [.. owners.Select(o => sources[o].Label)], string.Join(' ', sentences)));
            foreach (var owner in owners)
            {
                if (sources[owner].Id is { } id)
                {
                    (numbersOf.TryGetValue(id, out var numbers) ? numbers : numbersOf[id] = []).Add(number);
                }
            }
        }

        return (readings, numbersOf);
    }

    /// <summary>A text's sentences: it breaks after a full stop (or one closing a quote or bracket) followed by a capital or an opening quote.</summary>
    private static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 1; i < text.Length - 1; i++)
        {
            var ends = text[i - 1] == '.' || (text[i - 1] is '”' or ')' && i > 1 && text[i - 2] == '.');
            if (text[i] == ' ' && ends && (char.IsUpper(text[i + 1]) || text[i + 1] is '“' or '"' or '('))
            {
                sentences.Add(text[start..i].Trim());
                start = i + 1;
            }
        }

        sentences.Add(text[start..].Trim());
        return [.. sentences.Where(sentence => sentence.Length > 0)];
    }
}

/// <summary>Which targets make one counted item of the summary, and how it is named.</summary>
/// <param name="Label">The item's clause.</param>
/// <param name="Document">The short name of its document.</param>
/// <param name="Composite">The composite target whose verdict the item takes, if the item is one; else the worst of its sub-targets.</param>
/// <param name="SubTargets">The targets counted under it.</param>
/// <param name="SubTargetLabels">Their labels, when there is more than one.</param>
/// <param name="AlsoSetBy">The clauses of other documents that set the same quantity (cited with their document).</param>
internal sealed record ItemShape(
    string Label, string Document, Target? Composite, IReadOnlyList<Target> SubTargets, IReadOnlyList<string> SubTargetLabels, IReadOnlyList<string> AlsoSetBy);

/// <summary>A clause of a document as every report shows it: its label, its wordings (each quoted once) and its targets.</summary>
/// <param name="Clause">The clause.</param>
/// <param name="Wordings">Its wordings.</param>
/// <param name="Targets">Its targets, in the document's order.</param>
internal sealed record ClauseShape(string Clause, IReadOnlyList<string> Wordings, IReadOnlyList<TargetTexts> Targets);

/// <summary>What a report says of a target whatever the figures, on one plan period.</summary>
/// <param name="Target">The target.</param>
/// <param name="Indicator">Its indicator, if it reads one.</param>
/// <param name="Label">Its label.</param>
/// <param name="Kind">Its requirement's kind.</param>
/// <param name="Subject">What it measures, to run on in a sentence.</param>
/// <param name="Unit">The unit of its figures.</param>
/// <param name="Requirement">The requirement in words.</param>
/// <param name="Schedule">The schedule in words.</param>
/// <param name="AlternativeOfLabel">The label of the reading it is an alternative to; empty if none.</param>
/// <param name="SameAsText">The clause of another document it measures the same quantity as; empty if none.</param>
/// <param name="ReadingNumbers">The numbers of the annex readings that explain it.</param>
internal sealed record TargetTexts(
    Target Target, Indicator? Indicator, string Label, string Kind, string Subject, string Unit, string Requirement, string Schedule,
    string AlternativeOfLabel, string SameAsText, IReadOnlyList<int> ReadingNumbers);

/// <summary>A unit of the by-unit view, whatever the figures: the targets it leads and supports, and its tasks by position.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="LedTargets">The targets it leads.</param>
/// <param name="SupportedTargets">The targets it supports.</param>
/// <param name="LedTasks">The positions of the tasks it leads.</param>
/// <param name="SupportedTasks">The positions of the tasks it supports.</param>
internal sealed record UnitShape(string Unit, IReadOnlyList<Target> LedTargets, IReadOnlyList<Target> SupportedTargets, int[] LedTasks, int[] SupportedTasks);

/// <summary>The by-unit view's units for one list of tasks (replaced whole, so that a reader on another thread sees one or the other).</summary>
internal sealed record UnitShapes(PlanTask[] Tasks, UnitShape[] Units);
