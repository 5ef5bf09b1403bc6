using Targets.Core.Documents;
using Targets.Core.Successions;
using Targets.Core.Tasks;
using Targets.Core.Targets;

namespace Targets.Core.Evaluation;

/// <summary>How many targets stand where, counted on each default target's latest result.</summary>
/// <param name="Targets">Targets counted (alternative readings are not).</param>
/// <param name="MetOrExceeded">Met or exceeded ("đạt và vượt").</param>
/// <param name="Exceeded">Of those, exceeded.</param>
/// <param name="NotMet">Not met.</param>
/// <param name="OnTrack">On track before their deadline.</param>
/// <param name="AtRisk">At risk before their deadline.</param>
/// <param name="NoData">Lacking figures.</param>
/// <param name="UnmeasuredGoals">Goals with no number, listed but not evaluated.</param>
public sealed record AssessmentSummary(
    int Targets,
    int MetOrExceeded,
    int Exceeded,
    int NotMet,
    int OnTrack,
    int AtRisk,
    int NoData,
    int UnmeasuredGoals)
{
    /// <summary>Deliverables not yet done before their deadline.</summary>
    public int Pending { get; init; }

    /// <summary>Counts the latest result of each default (non-alternative) target.</summary>
    public static AssessmentSummary Of(IReadOnlyList<TargetResult> results, int unmeasuredGoals)
    {
        var latest = results
            .Where(r => r.Target.AlternativeOf is null)
            .GroupBy(r => r.Target.Id)
            .Select(g => g.MaxBy(r => r.Period)!)
            .ToList();
        return OfLatest(latest, unmeasuredGoals);
    }

    /// <summary>
    /// <see cref="Of"/> for the results of an evaluation in its order, each target's results next to each other: the same
    /// counts without grouping by id.
    /// </summary>
    internal static AssessmentSummary OfTargets(ReadOnlySpan<TargetResult> inTargetOrder, int unmeasuredGoals)
    {
        Span<int> counts = stackalloc int[8];
        var targets = 0;
        for (var first = 0; first < inTargetOrder.Length;)
        {
            // MaxBy over the target's results: the first result with the latest period.
            var latest = inTargetOrder[first];
            var end = first + 1;
            for (; end < inTargetOrder.Length && IsSameTarget(inTargetOrder[end].Target, latest.Target); end++)
            {
                if (inTargetOrder[end].Period.CompareTo(latest.Period) > 0)
                {
                    latest = inTargetOrder[end];
                }
            }

            first = end;
            if (latest.Target.AlternativeOf is not null)
            {
                continue;
            }

            targets++;
            counts[(int)latest.Status]++;
        }

        return new AssessmentSummary(
            targets,
            counts[(int)AssessmentStatus.Met] + counts[(int)AssessmentStatus.Exceeded],
            counts[(int)AssessmentStatus.Exceeded],
            counts[(int)AssessmentStatus.NotMet],
            counts[(int)AssessmentStatus.OnTrack],
            counts[(int)AssessmentStatus.AtRisk],
            counts[(int)AssessmentStatus.NoData],
            unmeasuredGoals)
        {
            Pending = counts[(int)AssessmentStatus.Pending],
        };
    }

    private static bool IsSameTarget(Target one, Target other) => ReferenceEquals(one, other) || one.Id == other.Id;

    private static AssessmentSummary OfLatest(List<TargetResult> latest, int unmeasuredGoals)
    {
        int Count(params AssessmentStatus[] statuses) => latest.Count(r => statuses.Contains(r.Status));
        return new AssessmentSummary(
            latest.Count,
            Count(AssessmentStatus.Met, AssessmentStatus.Exceeded),
            Count(AssessmentStatus.Exceeded),
            Count(AssessmentStatus.NotMet),
            Count(AssessmentStatus.OnTrack),
            Count(AssessmentStatus.AtRisk),
            Count(AssessmentStatus.NoData),
            unmeasuredGoals)
        {
            Pending = Count(AssessmentStatus.Pending),
        };
    }
}

/// <summary>A locality's assessment: every target's results, the unmeasured goals, the tasks, and the summary.</summary>
public sealed record Assessment
{
    /// <summary>The locality code.</summary>
    public required string Locality { get; init; }

    /// <summary>The locality's name.</summary>
    public required string LocalityName { get; init; }

    /// <summary>The date the assessment stands at.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>
    /// The documents evaluated, in rule-set order: all of them, unless a plan override chose only those whose own plan it
    /// is (see <see cref="EvaluationContext.PlanOf"/>).
    /// </summary>
    public required IReadOnlyList<DocumentReference> Documents { get; init; }

    /// <summary>Results, in rule-set order, each target's periods in order.</summary>
    public required IReadOnlyList<TargetResult> Results { get; init; }

    /// <summary>Goals with no number.</summary>
    public IReadOnlyList<UnmeasuredGoal> Goals { get; init; } = [];

    /// <summary>Dated tasks and where they stand.</summary>
    public IReadOnlyList<TaskResult> Tasks { get; init; } = [];

    /// <summary>The counts.</summary>
    public required AssessmentSummary Summary { get; init; }

    /// <summary>What verdicts triggered beyond themselves (e.g. accountability for the units that fell short), in target order.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>The dataset's own description (e.g. that the figures are illustrative).</summary>
    public string? DataDescription { get; init; }

    /// <summary>
    /// The figures of the dataset that no target read, each with the reason: nothing given is dropped without a word.
    /// Worked out when first asked for.
    /// </summary>
    public IReadOnlyList<UnusedFigure> UnusedFigures { get; init; } = [];

    /// <summary>What the reader must know about the assessment as a whole (an as-of date after a plan's period), in Vietnamese.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The locality's merger, when it has one: the boundaries its figures may be given for.</summary>
    public Succession? Succession { get; init; }
}
