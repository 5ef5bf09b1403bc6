using Targets.Core.Errors;
using Targets.Core.Indicators;
using Targets.Core.Periods;

namespace Targets.Core.Data;

/// <summary>One reported figure: an indicator's value for a period, for the locality or one of its units.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Period">The period it covers.</param>
/// <param name="Value">The value, in the indicator's unit (percent for a share).</param>
/// <param name="AdminUnit">The administrative unit (a school, a district), or null for the locality as a whole.</param>
/// <param name="Note">The reporter's note, if any.</param>
/// <param name="Source">Where it was read from, for error messages and traceability.</param>
/// <param name="Unit">The unit the reporter wrote, if any; it must be the indicator's.</param>
/// <param name="Boundary">
/// For a locality that has merged (<see cref="Successions.Succession"/>): the boundary the figure is for, a joined unit's
/// code or <c>merged</c>; null (or <c>former</c>) for the unit the plan documents were written for.
/// </param>
public sealed record Figure(
    IndicatorId Indicator,
    ReportingPeriod Period,
    decimal Value,
    string? AdminUnit = null,
    string? Note = null,
    SourceLocation? Source = null,
    string? Unit = null,
    string? Boundary = null);

/// <summary>
/// A task reported done (or not) in a dataset: either as a whole (<paramref name="CompletedOn"/>, every milestone done
/// that day) or milestone by milestone (<see cref="Milestones"/>).
/// </summary>
/// <param name="TaskId">The task's id.</param>
/// <param name="CompletedOn">When the whole task was done, or null when it is not (or is reported by milestone).</param>
/// <param name="Note">The reporter's note, if any.</param>
/// <param name="Source">Where it was read from.</param>
public sealed record TaskReport(string TaskId, DateOnly? CompletedOn, string? Note = null, SourceLocation? Source = null)
{
    /// <summary>The milestones reported one by one; empty when the task is reported as a whole.</summary>
    public IReadOnlyList<MilestoneReport> Milestones { get; init; } = [];
}

/// <summary>One milestone of a task reported done (or not).</summary>
/// <param name="Deadline">The milestone, named by its deadline period (<c>2023-Q1</c>, <c>2023-01</c>).</param>
/// <param name="CompletedOn">When it was done, or null when it is not.</param>
/// <param name="Source">Where it was read from.</param>
public sealed record MilestoneReport(ReportingPeriod Deadline, DateOnly? CompletedOn, SourceLocation? Source = null);

/// <summary>The figures one locality reports.</summary>
public sealed record Dataset
{
    /// <summary>The locality code (<c>can-tho</c>).</summary>
    public required string Locality { get; init; }

    /// <summary>What the figures are (e.g. that they are illustrative).</summary>
    public string? Description { get; init; }

    /// <summary>The date the figures stand at, if stated.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The units expected to report, for targets that hold for each unit.</summary>
    public IReadOnlyList<string> AdminUnits { get; init; } = [];

    /// <summary>The figures.</summary>
    public required IReadOnlyList<Figure> Figures { get; init; }

    /// <summary>Task completion reports.</summary>
    public IReadOnlyList<TaskReport> Tasks { get; init; } = [];

    /// <summary>The file it was read from, if any.</summary>
    public string? SourceFile { get; init; }

    /// <summary>The last year any figure touches, or null when there are none.</summary>
    public int? LatestYear => Figures.Count == 0 ? null : Figures.Max(f => f.Period.EndYear);
}
