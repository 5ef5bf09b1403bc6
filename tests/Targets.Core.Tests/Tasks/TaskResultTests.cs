using Targets.Core.Documents;
using Targets.Core.Periods;
using Targets.Core.Targets;
using Targets.Core.Tasks;
using TaskStatus = Targets.Core.Tasks.TaskStatus;

namespace Targets.Core.Tests.Tasks;

/// <summary>Cẩm Phả Phụ lục II: a task with several milestones is judged milestone by milestone, on an as-of date.</summary>
public sealed class TaskResultTests
{
    private static readonly DocumentReference Plan = new("102/KH-UBND", "Kế hoạch", "102/KH-UBND", "UBND thành phố Cẩm Phả", new DateOnly(2023, 4, 5), "t", ReportingPeriod.Year(2023));

    private static PlanTask Task(string deadlineText, params string[] deadlines) => new(
        new TargetId("quang-ninh.102-kh-ubnd.pl2.3"),
        Plan,
        "Phụ lục II, mục 3",
        "Bố trí kinh phí chi thường xuyên ngân sách thành phố hỗ trợ công tác phòng, chống tội phạm",
        new Responsibility(["Phòng Tài chính-Kế hoạch"], []),
        [.. deadlines.Select(ReportingPeriod.Parse)],
        deadlineText);

    private static DateOnly Day(int month, int day) => new(2023, month, day);

    [Fact]
    public void Assess_QuarterOneAndWholeYearDoneOnce_QuarterOneIsLateThoughTheYearIsOnTime()
    {
        // "Quý I và cả năm 2023", finished 15/06: its Quý I part was due 31/03.
        var result = TaskResult.Assess(Task("Quý I và cả năm 2023", "2023-Q1", "2023"), Day(6, 15), null, Day(12, 31));

        result.Milestones.Select(m => (m.Deadline.ToString(), m.Status)).ShouldBe([("2023-Q1", TaskStatus.DoneLate), ("2023", TaskStatus.DoneOnTime)]);
        result.Status.ShouldBe(TaskStatus.DoneLate);
    }

    [Fact]
    public void Assess_EachMilestoneReportedOnItsOwn_EachHasItsOwnVerdict()
    {
        // "Tháng 1 và tháng 6": the January review done 18/01, the June review not done by 30/09.
        var task = Task("Tháng 1 và tháng 6", "2023-01", "2023-06");
        var result = TaskResult.AssessMilestones(task, new Dictionary<ReportingPeriod, DateOnly?> { [ReportingPeriod.Month(2023, 1)] = Day(1, 18) }, null, Day(9, 30));

        result.Milestones.Select(m => m.Status).ShouldBe([TaskStatus.DoneOnTime, TaskStatus.Overdue]);
        result.Status.ShouldBe(TaskStatus.Overdue);
        result.CompletedOn.ShouldBeNull();
    }

    [Theory]
    [InlineData(6, 30, TaskStatus.NotYetDue)] // the due date is inclusive: a Quý II task is not overdue on 30/06
    [InlineData(7, 1, TaskStatus.Overdue)]
    public void Assess_NotDoneOnItsDueDate_IsNotYetDueUntilTheDayAfter(int month, int day, TaskStatus expected)
    {
        TaskResult.Assess(Task("Quý II", "2023-Q2"), null, null, Day(month, day)).Status.ShouldBe(expected);
    }

    [Theory]
    [InlineData(6, 30, TaskStatus.DoneOnTime)]
    [InlineData(7, 1, TaskStatus.DoneLate)]
    public void Assess_DoneOnOrAfterItsDueDate_OnTimeThroughTheDueDate(int month, int day, TaskStatus expected)
    {
        TaskResult.Assess(Task("Quý II", "2023-Q2"), Day(month, day), null, Day(12, 31)).Status.ShouldBe(expected);
    }

    [Fact]
    public void Assess_FirstMilestoneDoneLaterNotYetDue_TheTaskIsNotYetDone()
    {
        // Quý I done 15/03; the whole-year part is not yet due on 30/09: the task is not finished, so it is not "done".
        var task = Task("Quý I và cả năm 2023", "2023-Q1", "2023");
        var result = TaskResult.AssessMilestones(task, new Dictionary<ReportingPeriod, DateOnly?> { [ReportingPeriod.Quarter(2023, 1)] = Day(3, 15) }, null, Day(9, 30));

        result.Milestones.Select(m => m.Status).ShouldBe([TaskStatus.DoneOnTime, TaskStatus.NotYetDue]);
        result.Status.ShouldBe(TaskStatus.NotYetDue);
    }

    [Fact]
    public void Assess_EveryMilestoneDone_CompletedOnTheLastOfThem()
    {
        var task = Task("Tháng 1 và tháng 6", "2023-01", "2023-06");
        var result = TaskResult.AssessMilestones(task, new Dictionary<ReportingPeriod, DateOnly?> { [ReportingPeriod.Month(2023, 1)] = Day(1, 18), [ReportingPeriod.Month(2023, 6)] = Day(6, 20) }, null, Day(12, 31));

        result.Status.ShouldBe(TaskStatus.DoneOnTime);
        result.CompletedOn.ShouldBe(Day(6, 20));
        task.DueOn.ShouldBe(Day(6, 30));
    }
}
