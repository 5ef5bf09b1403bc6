using System.Globalization;
using System.Linq.Expressions;
using NRules;
using NRules.RuleModel;
using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Core.Evaluation;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Requirements;
using Targets.Core.Tasks;
using Targets.Core.Targets;
using Targets.Rules.RuleSets;
using RuleSet = Targets.Rules.RuleSets.RuleSet;

namespace Targets.Rules.Engine;

/// <summary>
/// A locality's compiled rules: one NRules session factory over every target's rule and the C# rules, compiled once and
/// shared by every thread; each evaluation measures the figures in plain C#, runs a fresh session over what was measured,
/// and reads the verdicts and findings back. Immutable after construction.
/// </summary>
internal sealed class CompiledRuleSet : ICompiledRuleSet
{
    private readonly Target[] _targets;
    private readonly ISessionFactory _rules;
    private readonly Unmatched _unmatched;
    private readonly RuleCitations _citations;
    private readonly Lazy<BulkRules> _bulk;
    private readonly IReadOnlyList<PlanTask> _tasks;
    private readonly IReadOnlyList<UnmeasuredGoal> _goals;
    private readonly Dictionary<string, PlanTask> _tasksById;
    private readonly Dictionary<TargetId, int> _positions;
    private readonly ReportingPeriod[] _documentPeriods;
    private readonly Core.Documents.DocumentReference[] _documents;

    // For a locality without composites, every evaluation's composite periods: none at any position (never written).
    private readonly CompositePeriod[]?[]? _noComposites;

    public CompiledRuleSet(
        Locality locality,
        IReadOnlyList<RuleSet> ruleSets,
        IndicatorCatalog catalog,
        Target[] targets,
        ISessionFactory rules,
        LambdaExpression?[] criteria,
        LambdaExpression?[] unitCriteria,
        IReadOnlyList<ChainedRule> chainedRules,
        RuleCitations citations)
    {
        _unmatched = Unmatched.Of(chainedRules, targets.Length);
        Locality = locality;
        RuleSets = ruleSets;
        Catalog = catalog;
        _targets = targets;
        _rules = rules;
        _citations = citations;
        _bulk = new Lazy<BulkRules>(() => new BulkRules(criteria, unitCriteria, chainedRules, citations));
        _tasks = [.. ruleSets.SelectMany(set => set.Tasks)];
        _goals = [.. ruleSets.SelectMany(set => set.Goals)];
        _documentPeriods = [.. ruleSets.Select(set => set.Document.Period).Distinct()];
        _documents = [.. ruleSets.Select(set => set.Document)];
        _noComposites = targets.Any(target => target.Requirement is CompositeRequirement) ? null : new CompositePeriod[]?[targets.Length];
        _positions = new Dictionary<TargetId, int>(targets.Length);
        for (var i = 0; i < targets.Length; i++)
        {
            _positions[targets[i].Id] = i;
        }

        // Task ids are unique across the locality: RuleSetChecks refuses a repeat before anything is compiled.
        _tasksById = _tasks.ToDictionary(task => task.Id.Value, StringComparer.Ordinal);
    }

    public Locality Locality { get; }

    public IReadOnlyList<RuleSet> RuleSets { get; }

    public IndicatorCatalog Catalog { get; }

    /// <summary>
    /// The documents whose plans are being carried out: a retrospective account (a period before the plan, which a document
    /// recounts) is assessed after its period by nature, so an as-of date after it is nothing to note.
    /// </summary>
    private IEnumerable<Core.Documents.DocumentReference> PlansInForce => RuleSets.Where(set => !set.IsRetrospective).Select(set => set.Document);

    /// <summary>The session factory every evaluation draws its session from (for tests of the engine's guards).</summary>
    internal ISessionFactory SessionFactory => _rules;

    public FigureTable Index(Dataset dataset)
    {
        if (!string.Equals(dataset.Locality, Locality.Code, StringComparison.Ordinal))
        {
            throw new DataException(
                $"the dataset is for locality '{dataset.Locality}', not '{Locality.Code}'",
                new SourceLocation(dataset.SourceFile ?? "dataset", Path: "$.locality"));
        }

        return new FigureTable(dataset, Catalog, Locality.Succession);
    }

    public Assessment Evaluate(Dataset dataset, EvaluationOptions? options = null)
    {
        var pending = Begin(dataset, Index(dataset), options ?? new EvaluationOptions(), memo: null);
        var (emitted, findings) = RuleRun.Fire(_rules, pending.Measured.Facts(), _citations, _unmatched);
        foreach (var verdict in emitted)
        {
            pending.Board.Add(verdict);
        }

        pending.Findings.AddRange(findings);
        return Finish(dataset, pending, unreported: null);
    }

    public IEnumerable<BulkAssessment> EvaluateMany(IReadOnlyList<Dataset> datasets, IReadOnlyList<EvaluationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(options);
        return Iterate();

        IEnumerable<BulkAssessment> Iterate()
        {
            var bulk = _bulk.Value;
            var memos = new List<(ReportingPeriod? Plan, DatasetMemo Memo)>(1);

            // The tasks no dataset reports stand the same in every dataset on the same date under the same plan.
            var unreported = new Dictionary<(DateOnly AsOf, ReportingPeriod? Plan), IReadOnlyList<TaskResult>>();
            var pending = new PendingAssessment[options.Count];
            for (var d = 0; d < datasets.Count; d++)
            {
                var dataset = datasets[d];
                var figures = Index(dataset);
                memos.Clear();
                for (var o = 0; o < options.Count; o++)
                {
                    // What does not depend on the as-of date is measured and judged once per dataset and plan period.
                    var plan = options[o].PlanOverride;
                    var memo = memos.Find(m => m.Plan == plan).Memo;
                    if (memo is null)
                    {
                        memo = new DatasetMemo(new MeasurementMemo(_targets.Length), new GroupOutcome?[bulk.GroupCount]);
                        memos.Add((plan, memo));
                    }

                    pending[o] = Begin(dataset, figures, options[o], memo);
                }

                bulk.Evaluate(pending);
                for (var o = 0; o < options.Count; o++)
                {
                    yield return new BulkAssessment(d, o, Finish(dataset, pending[o], unreported));
                }
            }
        }
    }

    /// <summary>
    /// The start of an evaluation: the as-of date, the figures as they stood then (nothing dated later is read), what was
    /// measured, an empty board.
    /// </summary>
    private PendingAssessment Begin(Dataset dataset, FigureTable figures, EvaluationOptions options, DatasetMemo? memo)
    {
        var asOf = AssessmentDate.Resolve(options.AsOf, dataset, figures);
        var context = new EvaluationContext(figures.AsOf(asOf), asOf.Year, options.PlanOverride) { DocumentPeriods = _documentPeriods };
        var measured = Measure(dataset, context, memo?.Measurements);
        return new PendingAssessment(asOf, context, measured, new VerdictBoard(_targets, measured, _citations), [], memo);
    }

    /// <summary>The assessment, once the rules have given every verdict.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="pending">The evaluation.</param>
    /// <param name="unreported">On the bulk path, the results of tasks no report mentions, by as-of date and plan override.</param>
    private Assessment Finish(Dataset dataset, PendingAssessment pending, Dictionary<(DateOnly AsOf, ReportingPeriod? Plan), IReadOnlyList<TaskResult>>? unreported)
    {
        var all = pending.Board.Finish();

        // A plan override may leave documents out (a retrospective shows only its own account): their goals and tasks too.
        var evaluated = pending.Context.PlanOverride is null ? RuleSets : [.. RuleSets.Where(set => pending.Context.PlanOf(set.Document) is not null)];
        var whole = evaluated.Count == RuleSets.Count;
        var goals = whole ? _goals : [.. evaluated.SelectMany(set => set.Goals)];
        var findings = pending.Findings;

        // What the lists worked out when first read need, and nothing more (not the measurements), is kept for them.
        var (figures, context, asOf) = (dataset.Figures, pending.Context, pending.AsOf);
        return new Assessment
        {
            Locality = Locality.Code,
            LocalityName = Locality.Name,
            AsOf = pending.AsOf,
            Documents = whole ? _documents : [.. evaluated.Select(set => set.Document)],
            Results = all,
            Goals = goals,
            Tasks = AssessTasks(dataset, pending.AsOf, whole ? _tasks : [.. evaluated.SelectMany(set => set.Tasks)], unreported, pending.Context.PlanOverride),
            Summary = AssessmentSummary.OfTargets(all, goals.Count),
            Findings = findings.Count == 0 ? [] : [.. findings.OrderBy(f => _positions.TryGetValue(f.Target.Id, out var p) ? p : int.MaxValue).ThenBy(f => f.Period)],
            DataDescription = dataset.Description,
            UnusedFigures = new DeferredList<UnusedFigure>(() => UnusedFigures.Find(figures, context.Figures, all, _targets, asOf.Year, context.PlanOverride)),
            Notes = new DeferredList<string>(() => AssessmentNotes.AsOfOutsidePlans(PlansInForce, asOf, context.PlanOverride)),
            Succession = Locality.Succession,
        };
    }

    /// <summary>Measures every target in plain C#: the facts the rules judge. Arithmetic that overflows is bad data.</summary>
    private Measurements Measure(Dataset dataset, EvaluationContext context, MeasurementMemo? memo)
    {
        try
        {
            var measured = new MeasuredPeriod[]?[_targets.Length];
            var composites = _noComposites ?? new CompositePeriod[]?[_targets.Length];
            for (var position = 0; position < _targets.Length; position++)
            {
                var target = _targets[position];
                if (target.Requirement is CompositeRequirement)
                {
                    composites[position] = TargetEvaluator.CompositePeriodsOf(target, position, context);
                }
                else
                {
                    measured[position] = TargetEvaluator.Measure(target, position, context, memo);
                }
            }

            return new Measurements(measured, composites);
        }
        catch (OverflowException exception)
        {
            // Figures read from files are bounded by the reader; a dataset built in code can still hold magnitudes whose
            // shares, changes or sums overflow decimal arithmetic. That is bad data, not a failed target (a rule's own
            // arithmetic that overflows is a broken rule: it fails later, inside the rules).
            throw new DataException(
                "a figure is too large or too small for exact arithmetic (a share, change or total overflows); check the figures' magnitudes",
                new SourceLocation(dataset.SourceFile ?? "dataset"),
                exception);
        }
        catch (ArgumentOutOfRangeException exception) when (exception.ParamName is "year" or "firstYear" or "lastYear")
        {
            throw new DataException(
                $"a period the rules need falls outside the years 1900 to 2200 ({exception.Message.Split(" (Parameter", 2)[0]})",
                new SourceLocation(dataset.SourceFile ?? "dataset"),
                exception);
        }
    }

    private IReadOnlyList<TaskResult> AssessTasks(
        Dataset dataset, DateOnly asOf, IReadOnlyList<PlanTask> tasks, Dictionary<(DateOnly AsOf, ReportingPeriod? Plan), IReadOnlyList<TaskResult>>? unreported, ReportingPeriod? plan)
    {
        if (tasks.Count == 0 && dataset.Tasks.Count == 0)
        {
            return [];
        }

        if (dataset.Tasks.Count == 0 && unreported is not null)
        {
            // The same tasks (the plan override decides which), none done: shared by every such dataset on that date.
            if (!unreported.TryGetValue((asOf, plan), out var results))
            {
                results = [.. tasks.Select(task => TaskResult.Assess(task, null, null, asOf))];
                unreported.Add((asOf, plan), results);
            }

            return results;
        }

        // A completion after the date the figures stand at is bad data; one after an earlier assessment date (assessing
        // the same figures as of a past year) has simply not happened yet on that date.
        var standsAt = dataset.AsOf ?? asOf;
        DateOnly? ByThen(DateOnly? done) => done <= asOf ? done : null;
        var reports = new Dictionary<string, TaskReport>(StringComparer.Ordinal);
        foreach (var report in dataset.Tasks)
        {
            var location = report.Source ?? new SourceLocation(dataset.SourceFile ?? "dataset");
            if (!_tasksById.TryGetValue(report.TaskId, out var task))
            {
                throw new DataException($"unknown task '{report.TaskId}'", location);
            }

            CheckDoneBy(report.TaskId, report.CompletedOn, standsAt, location);
            var milestones = new HashSet<ReportingPeriod>();
            foreach (var milestone in report.Milestones)
            {
                var at = milestone.Source ?? location;
                if (!task.Deadlines.Contains(milestone.Deadline))
                {
                    throw new DataException(
                        $"task '{report.TaskId}' has no milestone due in {milestone.Deadline} (its milestones: {string.Join(", ", task.Milestones)})", at);
                }

                if (!milestones.Add(milestone.Deadline))
                {
                    throw new DataException($"milestone {milestone.Deadline} of task '{report.TaskId}' is reported twice", at);
                }

                CheckDoneBy($"{report.TaskId}' milestone '{milestone.Deadline}", milestone.CompletedOn, standsAt, at);
            }

            if (!reports.TryAdd(report.TaskId, report))
            {
                throw new DataException($"task '{report.TaskId}' is reported twice", location);
            }
        }

        return [.. tasks.Select(task => reports.TryGetValue(task.Id.Value, out var report)
            ? report.Milestones.Count > 0
                ? TaskResult.AssessMilestones(task, report.Milestones.ToDictionary(m => m.Deadline, m => ByThen(m.CompletedOn)), report.Note, asOf)
                : TaskResult.Assess(task, ByThen(report.CompletedOn), report.Note, asOf)
            : TaskResult.Assess(task, null, null, asOf))];
    }

    private static void CheckDoneBy(string what, DateOnly? completedOn, DateOnly standsAt, SourceLocation location)
    {
        if (completedOn is { } done && done > standsAt)
        {
            throw new DataException(
                $"task '{what}' is reported done on {done.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, after the as-of date {standsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", location);
        }
    }
}

/// <summary>An evaluation under way: its as-of date and figures, what was measured, the verdicts and findings so far.</summary>
/// <param name="AsOf">The as-of date.</param>
/// <param name="Context">The figures as of that date, the year and the plan each document is evaluated under.</param>
/// <param name="Measured">What was measured.</param>
/// <param name="Board">The verdicts.</param>
/// <param name="Findings">The findings.</param>
/// <param name="Memo">On the bulk path, what is kept for the dataset across its as-of dates.</param>
internal sealed record PendingAssessment(DateOnly AsOf, EvaluationContext Context, Measurements Measured, VerdictBoard Board, List<Finding> Findings, DatasetMemo? Memo);

/// <summary>What the bulk path keeps while it evaluates one dataset under one plan period as of several dates.</summary>
/// <param name="Measurements">The measurements that do not depend on the as-of date, and their judged results.</param>
/// <param name="Groups">Each group of chained rules' outcome for the previous as-of date.</param>
internal sealed record DatasetMemo(MeasurementMemo Measurements, GroupOutcome?[] Groups);

/// <summary>What one evaluation measured: each target's periods by position.</summary>
/// <param name="Measured">The measured periods of each measured target (null for composites).</param>
/// <param name="Composites">The periods of each composite (null for measured targets).</param>
internal sealed record Measurements(MeasuredPeriod[]?[] Measured, CompositePeriod[]?[] Composites)
{
    /// <summary>Every measured and composite period, in position order: the facts a full session starts from.</summary>
    public List<object> Facts()
    {
        var facts = new List<object>(Measured.Length * 4);
        for (var p = 0; p < Measured.Length; p++)
        {
            facts.AddRange((IEnumerable<object>?)Measured[p] ?? Composites[p]!);
        }

        return facts;
    }
}

/// <summary>
/// The verdicts of one evaluation, one slot per period of each target. NRules does not promise that every target gets
/// exactly one verdict per period: a rule that never fires, or a C# rule that emits another, would go unnoticed. The board
/// refuses both, naming the target.
/// </summary>
internal sealed class VerdictBoard
{
    private readonly Target[] _targets;
    private readonly Measurements _measured;
    private readonly RuleCitations _citations;
    // Every target's slots in one array, in position order (a target's from _offsets[p] to _offsets[p + 1]): once filled,
    // it is the assessment's results as they stand.
    private readonly TargetResult?[] _results;
    private readonly int[] _offsets;
    private Verdict?[]?[]? _verdicts;

    public VerdictBoard(Target[] targets, Measurements measured, RuleCitations citations)
    {
        _targets = targets;
        _measured = measured;
        _citations = citations;
        _offsets = new int[targets.Length + 1];
        for (var p = 0; p < targets.Length; p++)
        {
            _offsets[p + 1] = _offsets[p] + (measured.Measured[p]?.Length ?? measured.Composites[p]?.Length ?? 0);
        }

        _results = new TargetResult?[_offsets[^1]];
    }

    /// <summary>How many targets the board holds.</summary>
    public int TargetCount => _targets.Length;

    /// <summary>How many periods a target is judged in.</summary>
    public int SlotCount(int position) => _offsets[position + 1] - _offsets[position];

    /// <summary>A period's result, once given.</summary>
    public TargetResult ResultOf(int position, int slot) =>
        _results[_offsets[position] + slot] ?? throw new InvalidOperationException($"'{_targets[position].Id}' has no result for its period {slot} yet");

    /// <summary>Takes a verdict a rule emitted; the same verdict again is ignored, another one for the same period refused.</summary>
    /// <exception cref="RuleSetException">The verdict is for no period of this evaluation, or its period already has one.</exception>
    public void Add(Verdict verdict)
    {
        if ((uint)verdict.Position >= (uint)_targets.Length || !ReferenceEquals(_targets[verdict.Position], verdict.Target))
        {
            throw _citations.Error(verdict.TargetId, $"a rule emitted a verdict on '{verdict.TargetId}' that is not a target of this evaluation");
        }

        var verdicts = (_verdicts ??= new Verdict?[]?[_targets.Length])[verdict.Position] ??= new Verdict?[SlotCount(verdict.Position)];
        if ((uint)verdict.Slot >= (uint)verdicts.Length)
        {
            throw _citations.Error(verdict.TargetId, $"a rule emitted a verdict for {verdict.Period}, which is not a period the target is judged in");
        }

        if (verdicts[verdict.Slot] is { } existing && ReferenceEquals(existing, verdict))
        {
            return;
        }

        Add(verdict.Position, verdict.Slot, verdict.Result);
        verdicts[verdict.Slot] = verdict;
    }

    /// <summary>Takes the result of a period judged directly, without a verdict fact.</summary>
    /// <exception cref="RuleSetException">The period already has a verdict.</exception>
    public void Add(int position, int slot, TargetResult result)
    {
        if (_results[_offsets[position] + slot] is not null)
        {
            throw _citations.Error(_targets[position].Id.Value, $"after the rules fired, the target has more than one verdict for {result.Period}; each period gets exactly one");
        }

        _results[_offsets[position] + slot] = result;
    }

    /// <summary>Every target's results, in position order, each target's periods in order.</summary>
    /// <exception cref="RuleSetException">A period of a target has no verdict.</exception>
    public TargetResult[] Finish()
    {
        for (var p = 0; p < _targets.Length; p++)
        {
            for (var s = _offsets[p]; s < _offsets[p + 1]; s++)
            {
                if (_results[s] is null)
                {
                    throw _citations.Error(
                        _targets[p].Id.Value,
                        $"after the rules fired, the target has no verdict for {PeriodOf(p, s - _offsets[p])}; each period gets exactly one");
                }
            }
        }

        // Every slot is filled: the array is the results.
        return _results!;
    }

    private string PeriodOf(int position, int slot) =>
        _measured.Measured[position]?[slot].Period.ToString()
        ?? _measured.Composites[position]?[slot].Period?.ToString()
        ?? "its deadline (the latest verdict of each component)";
}
