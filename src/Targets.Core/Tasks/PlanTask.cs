using Targets.Core.Documents;
using Targets.Core.Periods;
using Targets.Core.Targets;

namespace Targets.Core.Tasks;

/// <summary>A dated key task (nhiệm vụ trọng tâm) with its responsible units and deadlines.</summary>
/// <param name="Id">The stable id.</param>
/// <param name="Document">The document it comes from.</param>
/// <param name="Clause">The clause.</param>
/// <param name="Wording">The original wording.</param>
/// <param name="Responsibility">Lead and supporting units.</param>
/// <param name="Deadlines">The periods it is due in; it falls due at the end of the latest.</param>
/// <param name="DeadlineText">The deadline as the document writes it (<c>Quý I</c>, <c>Cả năm</c>).</param>
public sealed record PlanTask(
    TargetId Id,
    DocumentReference Document,
    string Clause,
    string Wording,
    Responsibility Responsibility,
    IReadOnlyList<ReportingPeriod> Deadlines,
    string DeadlineText)
{
    /// <summary>The day the task falls due.</summary>
    public DateOnly DueOn => Deadlines.Max().End;
}

/// <summary>Where a task stands on a date.</summary>
public enum TaskStatus
{
    /// <summary>Done by its deadline.</summary>
    DoneOnTime,

    /// <summary>Done after its deadline.</summary>
    DoneLate,

    /// <summary>Not done, and its deadline has passed.</summary>
    Overdue,

    /// <summary>Not done, and not yet due.</summary>
    NotYetDue,
}

/// <summary>A task's standing on the assessment date.</summary>
/// <param name="Task">The task.</param>
/// <param name="Status">Its status.</param>
/// <param name="CompletedOn">When it was reported done, if it was.</param>
/// <param name="Note">The report's note, if any.</param>
public sealed record TaskResult(PlanTask Task, TaskStatus Status, DateOnly? CompletedOn, string? Note)
{
    /// <summary>Where a task stands on <paramref name="asOf"/>, given the date it was reported done (if it was).</summary>
    public static TaskResult Assess(PlanTask task, DateOnly? completedOn, string? note, DateOnly asOf) =>
        new(task, StatusOn(task.DueOn, completedOn, asOf), completedOn, note);

    /// <summary>
    /// Where work due on <paramref name="dueOn"/> stands on <paramref name="asOf"/>, given the day it was reported done (if
    /// it was): a due date is inclusive, so work due on 30/06 is not overdue on 30/06.
    /// </summary>
    public static TaskStatus StatusOn(DateOnly dueOn, DateOnly? completedOn, DateOnly asOf) => completedOn switch
    {
        { } done when done <= dueOn => TaskStatus.DoneOnTime,
        { } => TaskStatus.DoneLate,
        null when asOf > dueOn => TaskStatus.Overdue,
        null => TaskStatus.NotYetDue,
    };
}
