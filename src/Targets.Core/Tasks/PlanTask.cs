using Targets.Core.Documents;
using Targets.Core.Periods;
using Targets.Core.Targets;

namespace Targets.Core.Tasks;

/// <summary>
/// A dated key task (nhiệm vụ trọng tâm) with its responsible units and deadlines. A task with several deadlines ("Quý I và
/// cả năm 2023", "Tháng 1 và tháng 6") has one milestone per deadline, each done, late or overdue on its own.
/// </summary>
/// <param name="Id">The stable id.</param>
/// <param name="Document">The document it comes from.</param>
/// <param name="Clause">The clause.</param>
/// <param name="Wording">The original wording.</param>
/// <param name="Responsibility">Lead and supporting units.</param>
/// <param name="Deadlines">The periods it is due in, one milestone each; each milestone falls due on its period's last day.</param>
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
    /// <summary>
    /// Which of the clause's tasks this is, when the clause holds several (<c>định kỳ</c>, <c>Đề án 1</c>); null otherwise.
    /// </summary>
    public string? Part { get; init; }

    /// <summary>The label that tells the task apart wherever it is named: the clause, with its part (<c>V.2 (định kỳ)</c>).</summary>
    public string Label => Part is { } part ? $"{Clause} ({part})" : Clause;

    /// <summary>The milestones' deadlines in the order they fall due.</summary>
    public IReadOnlyList<ReportingPeriod> Milestones => [.. Deadlines.Distinct().OrderBy(d => d.End).ThenBy(d => d.Start)];

    /// <summary>The day the task falls due: the last milestone's.</summary>
    public DateOnly DueOn => Deadlines.Max(d => d.End);
}

/// <summary>Where a task or one of its milestones stands on a date.</summary>
public enum TaskStatus
{
    /// <summary>Done by its due date (the due date included).</summary>
    DoneOnTime,

    /// <summary>Done after its due date.</summary>
    DoneLate,

    /// <summary>Not done, and its due date has passed.</summary>
    Overdue,

    /// <summary>Not done, and not yet due (on the due date itself it is not yet overdue).</summary>
    NotYetDue,
}

/// <summary>One milestone of a task on the assessment date.</summary>
/// <param name="Deadline">The period it is due in; it falls due on the period's last day.</param>
/// <param name="Status">Its status.</param>
/// <param name="CompletedOn">When it was reported done, if it was.</param>
public sealed record MilestoneResult(ReportingPeriod Deadline, TaskStatus Status, DateOnly? CompletedOn)
{
    /// <summary>The day it falls due.</summary>
    public DateOnly DueOn => Deadline.End;
}

/// <summary>A task's standing on the assessment date, milestone by milestone.</summary>
/// <param name="Task">The task.</param>
/// <param name="Status">
/// The task's status: overdue when any milestone is; otherwise not yet due while any milestone is not done; otherwise done
/// late when any milestone was; otherwise done on time.
/// </param>
/// <param name="CompletedOn">When its last milestone was done, once every milestone is.</param>
/// <param name="Note">The report's note, if any.</param>
public sealed record TaskResult(PlanTask Task, TaskStatus Status, DateOnly? CompletedOn, string? Note)
{
    private static readonly TaskStatus[] Precedence = [TaskStatus.Overdue, TaskStatus.NotYetDue, TaskStatus.DoneLate, TaskStatus.DoneOnTime];

    /// <summary>Each milestone's result, in the order they fall due.</summary>
    public IReadOnlyList<MilestoneResult> Milestones { get; init; } = [];

    /// <summary>
    /// Where a task stands on <paramref name="asOf"/> when it is reported done as a whole on <paramref name="completedOn"/>
    /// (if it was): every milestone counts as done that day, so a milestone due earlier is late.
    /// </summary>
    public static TaskResult Assess(PlanTask task, DateOnly? completedOn, string? note, DateOnly asOf) =>
        AssessMilestones(task, task.Milestones.ToDictionary(m => m, _ => completedOn), note, asOf);

    /// <summary>
    /// Where a task stands on <paramref name="asOf"/> given when each milestone was reported done; a milestone missing from
    /// <paramref name="completions"/> is not done.
    /// </summary>
    public static TaskResult AssessMilestones(PlanTask task, IReadOnlyDictionary<ReportingPeriod, DateOnly?> completions, string? note, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(completions);
        var milestones = task.Milestones
            .Select(deadline =>
            {
                var done = completions.TryGetValue(deadline, out var date) ? date : null;
                return new MilestoneResult(deadline, StatusOn(deadline.End, done, asOf), done);
            })
            .ToList();
        var status = Precedence.First(s => milestones.Any(m => m.Status == s));
        var completed = milestones.All(m => m.CompletedOn is not null) ? milestones.Max(m => m.CompletedOn) : null;
        return new TaskResult(task, status, completed, note) { Milestones = milestones };
    }

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
