using Targets.Core.Periods;
using Targets.Core.Requirements;
using Targets.Core.Targets;

namespace Targets.Core.Evaluation;

/// <summary>
/// The verdict on a target for one period: the fact its rule emits, which composites and consequences match on. Each
/// period of each target gets exactly one.
/// </summary>
/// <remarks>A class with reference identity: two verdicts that read alike are still two facts.</remarks>
public sealed class Verdict
{
    /// <summary>Creates the verdict of a measured or composite period.</summary>
    /// <param name="result">The result.</param>
    /// <param name="position">The target's place in its locality's evaluation order.</param>
    /// <param name="slot">The period's place among the target's periods.</param>
    /// <param name="isLatest">Whether it is the target's last period in this evaluation.</param>
    /// <param name="evaluation">Which evaluation of a bulk run it belongs to, when several share a session (else 0).</param>
    public Verdict(TargetResult result, int position, int slot, bool isLatest, int evaluation = 0)
    {
        ArgumentNullException.ThrowIfNull(result);
        Result = result;
        Position = position;
        Slot = slot;
        IsLatest = isLatest;
        Evaluation = evaluation;
    }

    /// <summary>The result.</summary>
    public TargetResult Result { get; }

    /// <summary>The target.</summary>
    public Target Target => Result.Target;

    /// <summary>The target's id text.</summary>
    public string TargetId => Result.Target.Id.Value;

    /// <summary>The period.</summary>
    public ReportingPeriod Period => Result.Period;

    /// <summary>The status.</summary>
    public AssessmentStatus Status => Result.Status;

    /// <summary>Whether the target is met or exceeded in this period.</summary>
    public bool IsMetOrExceeded => Result.Status is AssessmentStatus.Met or AssessmentStatus.Exceeded;

    /// <summary>The target's place in its locality's evaluation order.</summary>
    public int Position { get; }

    /// <summary>The period's place among the target's periods.</summary>
    public int Slot { get; }

    /// <summary>Whether this is the target's last period in this evaluation.</summary>
    public bool IsLatest { get; }

    /// <summary>Which evaluation of a bulk run the verdict belongs to, when several share one session (else 0).</summary>
    public int Evaluation { get; }

    /// <summary>The verdict of a measured period.</summary>
    public static Verdict Of(MeasuredPeriod period, Judgement judgement) => Of(period, judgement, []);

    /// <summary>The verdict of a measured period on the locality as a whole, with the judgement of each unit of its drill-down.</summary>
    public static Verdict Of(MeasuredPeriod period, Judgement judgement, IReadOnlyList<Judgement> unitJudgements)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new Verdict(period.Result(judgement, unitJudgements), period.Position, period.Slot, period.IsLatest);
    }

    /// <summary>The status a judgement gives on its own.</summary>
    public static AssessmentStatus StatusOf(Judgement judgement) => judgement switch
    {
        Judgement.Exceeded => AssessmentStatus.Exceeded,
        Judgement.Met => AssessmentStatus.Met,
        Judgement.NotMet => AssessmentStatus.NotMet,
        _ => AssessmentStatus.NoData,
    };
}

/// <summary>One administrative unit's verdict under a target that holds for each unit: what per-unit consequences match on.</summary>
/// <remarks>A class with reference identity: two units that read alike are still two facts.</remarks>
public sealed class UnitVerdict
{
    /// <summary>Creates a unit's verdict.</summary>
    /// <param name="target">The target.</param>
    /// <param name="period">The period of the target's result.</param>
    /// <param name="index">The unit's place among the target's units.</param>
    /// <param name="result">The unit's result.</param>
    public UnitVerdict(Target target, ReportingPeriod period, int index, UnitResult result)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(result);
        Target = target;
        Period = period;
        Index = index;
        Result = result;
    }

    /// <summary>The target.</summary>
    public Target Target { get; }

    /// <summary>The target's id text.</summary>
    public string TargetId => Target.Id.Value;

    /// <summary>The period of the target's result.</summary>
    public ReportingPeriod Period { get; }

    /// <summary>The unit's place among the target's units (the order the figures list them).</summary>
    public int Index { get; }

    /// <summary>The unit's result.</summary>
    public UnitResult Result { get; }

    /// <summary>The unit.</summary>
    public string Unit => Result.Unit;

    /// <summary>The unit's status.</summary>
    public AssessmentStatus Status => Result.Status;

    /// <summary>Whether the unit has figures (and so a measurement).</summary>
    public bool IsMeasured => Result.Measurement.HasValue;

    /// <summary>The unit's measurement (all zero without figures).</summary>
    public Measurement Measurement => Result.Measurement.GetValueOrDefault();

    /// <summary>The verdicts of every unit of a target's result, in the result's order.</summary>
    public static IEnumerable<UnitVerdict> Of(TargetResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        for (var u = 0; u < result.Units.Count; u++)
        {
            yield return new UnitVerdict(result.Target, result.Period, u, result.Units[u]);
        }
    }
}

/// <summary>
/// A period in which a composite target is judged: the fact its rule joins with the verdicts of its components. For a
/// composite judged at its deadline the period is open, and each component's latest verdict is taken.
/// </summary>
/// <remarks>A class with reference identity.</remarks>
public sealed class CompositePeriod
{
    internal CompositePeriod(Target target, int position, int slot, bool isLatest, ReportingPeriod? period)
    {
        Target = target;
        Position = position;
        Slot = slot;
        IsLatest = isLatest;
        Period = period;
    }

    /// <summary>The composite target.</summary>
    public Target Target { get; }

    /// <summary>The target's id text.</summary>
    public string TargetId => Target.Id.Value;

    /// <summary>The target's place in its locality's evaluation order.</summary>
    public int Position { get; }

    /// <summary>The period's place among the target's periods.</summary>
    public int Slot { get; }

    /// <summary>Whether this is the target's last period in this evaluation.</summary>
    public bool IsLatest { get; }

    /// <summary>The period judged, or null to judge each component's latest verdict.</summary>
    public ReportingPeriod? Period { get; }

    /// <summary>Which evaluation of a bulk run the period belongs to, when several share one session (else 0).</summary>
    public int Evaluation { get; internal set; }

    /// <summary>Whether a component's verdict is the one this period reads: of the same evaluation, for the same period.</summary>
    public bool Reads(Verdict component)
    {
        ArgumentNullException.ThrowIfNull(component);
        return component.Evaluation == Evaluation && (Period is { } period ? component.Period == period : component.IsLatest);
    }

    /// <summary>What the composite's criterion judges: how many of its components are met, out of how many.</summary>
    public static Measurement Measure(IReadOnlyList<Verdict> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var met = 0;
        var year = int.MinValue;
        foreach (var component in components)
        {
            met += component.IsMetOrExceeded ? 1 : 0;
            year = Math.Max(year, component.Period.EndYear);
        }

        return new Measurement
        {
            Value = met,
            Numerator = met,
            Denominator = components.Count,
            Subject = met,
            Year = year,
        };
    }

    /// <summary>
    /// The composite's verdict: met (or exceeded) when its criterion holds over the components; otherwise the worst
    /// component decides (not met, then no data, then at risk, then pending, then on track).
    /// </summary>
    public Verdict Verdict(Judgement judgement, IReadOnlyList<Verdict> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        if (Target.Requirement is not CompositeRequirement composite || components.Count != composite.Targets.Count)
        {
            throw new ArgumentException($"'{TargetId}' reads {(Target.Requirement as CompositeRequirement)?.Targets.Count ?? 0} components, not {components.Count}", nameof(components));
        }

        var picked = new TargetResult[components.Count];
        var latest = components[0].Period;
        for (var i = 0; i < picked.Length; i++)
        {
            picked[i] = components[i].Result;
            latest = picked[i].Period.CompareTo(latest) > 0 ? picked[i].Period : latest;
        }

        var status = judgement switch
        {
            Judgement.Met or Judgement.Exceeded => global::Targets.Core.Evaluation.Verdict.StatusOf(judgement),
            _ => Worst(picked),
        };
        return new Verdict(
            new TargetResult
            {
                Target = Target,
                Period = Period ?? latest,
                Status = status,
                Measurement = Measure(components),
                Components = picked,
            },
            Position,
            Slot,
            IsLatest,
            Evaluation);
    }

    private static AssessmentStatus Worst(IReadOnlyList<TargetResult> components)
    {
        foreach (var status in (ReadOnlySpan<AssessmentStatus>)[AssessmentStatus.NotMet, AssessmentStatus.NoData, AssessmentStatus.AtRisk, AssessmentStatus.Pending, AssessmentStatus.OnTrack])
        {
            foreach (var component in components)
            {
                if (component.Status == status)
                {
                    return status;
                }
            }
        }

        return AssessmentStatus.NotMet;
    }
}
