using System.Globalization;
using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Core.Evaluation;
using Targets.Core.Indicators;
using Targets.Core.Requirements;
using Targets.Core.Tasks;
using Targets.Core.Targets;
using Targets.Rules.RuleSets;

namespace Targets.Rules.Engine;

/// <summary>
/// A locality's compiled rules: the targets in evaluation order (measured targets first, then composites over them)
/// with their compiled criteria. Immutable after construction, so one instance serves every thread.
/// </summary>
internal sealed class CompiledRuleSet : ICompiledRuleSet
{
    private readonly IReadOnlyList<PlanTask> _tasks;
    private readonly IReadOnlyList<UnmeasuredGoal> _goals;

    // Everything an evaluation needs is laid out once here, so that evaluating is array walks with no lookups by id.
    private readonly Target[] _evaluationOrder;
    private readonly ITargetCriterion[] _criteriaInOrder;
    private readonly int[] _documentPositions;
    private readonly Dictionary<TargetId, int> _positionOf;
    private readonly Dictionary<string, PlanTask> _tasksById;

    public CompiledRuleSet(
        Locality locality,
        IReadOnlyList<RuleSet> ruleSets,
        IndicatorCatalog catalog,
        IReadOnlyList<Target> targets,
        IReadOnlyDictionary<TargetId, ITargetCriterion> criteria)
    {
        Locality = locality;
        RuleSets = ruleSets;
        Catalog = catalog;
        _evaluationOrder = [.. OrderForEvaluation(targets, ruleSets)];
        _criteriaInOrder = [.. _evaluationOrder.Select(target => criteria[target.Id])];
        _positionOf = new Dictionary<TargetId, int>(_evaluationOrder.Length);
        for (var i = 0; i < _evaluationOrder.Length; i++)
        {
            _positionOf[_evaluationOrder[i].Id] = i;
        }

        _documentPositions = [.. targets.Select(target => _positionOf[target.Id])];
        _tasks = [.. ruleSets.SelectMany(set => set.Tasks)];
        _goals = [.. ruleSets.SelectMany(set => set.Goals)];

        // Task ids are unique across the locality: RuleSetChecks refuses a repeat before anything is compiled.
        _tasksById = _tasks.ToDictionary(task => task.Id.Value, StringComparer.Ordinal);
    }

    public Locality Locality { get; }

    public IReadOnlyList<RuleSet> RuleSets { get; }

    public IndicatorCatalog Catalog { get; }

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

    public Assessment Evaluate(Dataset dataset, EvaluationOptions? options = null) =>
        Evaluate(dataset, Index(dataset), options ?? new EvaluationOptions());

    public IEnumerable<BulkAssessment> EvaluateMany(IReadOnlyList<Dataset> datasets, IReadOnlyList<EvaluationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(options);
        return Iterate();

        IEnumerable<BulkAssessment> Iterate()
        {
            for (var d = 0; d < datasets.Count; d++)
            {
                var dataset = datasets[d];
                var figures = Index(dataset);
                for (var o = 0; o < options.Count; o++)
                {
                    yield return new BulkAssessment(d, o, Evaluate(dataset, figures, options[o]));
                }
            }
        }
    }

    private Assessment Evaluate(Dataset dataset, FigureTable figures, EvaluationOptions options)
    {
        try
        {
            return EvaluateChecked(dataset, figures, options);
        }
        catch (OverflowException exception)
        {
            // Figures read from files are bounded by the reader; a dataset built in code can still hold magnitudes whose
            // shares, changes or sums overflow decimal arithmetic. That is bad data, not a failed target.
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

    private Assessment EvaluateChecked(Dataset dataset, FigureTable figures, EvaluationOptions options)
    {
        var asOf = AssessmentDate.Resolve(options.AsOf, dataset, figures);
        var context = new EvaluationContext(figures.AsOf(asOf), asOf.Year, options.PlanOverride);

        var byPosition = new IReadOnlyList<TargetResult>[_evaluationOrder.Length];
        Func<TargetId, IReadOnlyList<TargetResult>>? resultsOf = null;
        for (var i = 0; i < _evaluationOrder.Length; i++)
        {
            var target = _evaluationOrder[i];
            byPosition[i] = target.Requirement is CompositeRequirement
                ? TargetEvaluator.EvaluateComposite(target, _criteriaInOrder[i], context, resultsOf ??= id => byPosition[_positionOf[id]])
                : TargetEvaluator.Evaluate(target, _criteriaInOrder[i], context);
        }

        // Results in document order, each target's periods in order.
        var count = 0;
        foreach (var position in _documentPositions)
        {
            count += byPosition[position].Count;
        }

        var results = new TargetResult[count];
        var next = 0;
        foreach (var position in _documentPositions)
        {
            var own = byPosition[position];
            for (var r = 0; r < own.Count; r++)
            {
                results[next++] = own[r];
            }
        }

        return new Assessment
        {
            Locality = Locality.Code,
            LocalityName = Locality.Name,
            AsOf = asOf,
            Results = results,
            Goals = _goals,
            Tasks = AssessTasks(dataset, asOf),
            Summary = AssessmentSummary.OfTargets(_documentPositions.Select(position => byPosition[position]), _goals.Count),
            DataDescription = dataset.Description,
            UnusedFigures = new DeferredList<UnusedFigure>(() => UnusedFigures.Find(dataset.Figures, context.Figures, results, _evaluationOrder, asOf.Year, options.PlanOverride)),
            Notes = new DeferredList<string>(() => AssessmentNotes.AsOfOutsidePlans(RuleSets.Select(set => set.Document), asOf, options.PlanOverride)),
            Succession = Locality.Succession,
        };
    }

    private IReadOnlyList<TaskResult> AssessTasks(Dataset dataset, DateOnly asOf)
    {
        if (_tasks.Count == 0 && dataset.Tasks.Count == 0)
        {
            return [];
        }

        var reports = new Dictionary<string, TaskReport>(StringComparer.Ordinal);
        foreach (var report in dataset.Tasks)
        {
            var location = report.Source ?? new SourceLocation(dataset.SourceFile ?? "dataset");
            if (!_tasksById.ContainsKey(report.TaskId))
            {
                throw new DataException($"unknown task '{report.TaskId}'", location);
            }

            if (report.CompletedOn is { } done && done > asOf)
            {
                throw new DataException(
                    $"task '{report.TaskId}' is reported done on {done.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, after the as-of date {asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", location);
            }

            if (!reports.TryAdd(report.TaskId, report))
            {
                throw new DataException($"task '{report.TaskId}' is reported twice", location);
            }
        }

        return [.. _tasks.Select(task => reports.TryGetValue(task.Id.Value, out var report)
            ? TaskResult.Assess(task, report.CompletedOn, report.Note, asOf)
            : TaskResult.Assess(task, null, null, asOf))];
    }

    /// <summary>Measured targets in document order, then composites once everything they read is evaluated.</summary>
    private static List<Target> OrderForEvaluation(IReadOnlyList<Target> targets, IReadOnlyList<RuleSet> ruleSets)
    {
        var ordered = targets.Where(t => t.Requirement is not CompositeRequirement).ToList();
        var done = ordered.Select(t => t.Id).ToHashSet();
        var pending = targets.Where(t => t.Requirement is CompositeRequirement).ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(t => ((CompositeRequirement)t.Requirement).Targets.All(done.Contains)).ToList();
            if (ready.Count == 0)
            {
                var origin = ruleSets.First(set => set.Targets.Contains(pending[0])).Origin;
                throw new RuleSetException("composites refer to each other in a cycle", new SourceLocation(origin), pending[0].Id.Value);
            }

            foreach (var target in ready)
            {
                ordered.Add(target);
                done.Add(target.Id);
                pending.Remove(target);
            }
        }

        return ordered;
    }
}
