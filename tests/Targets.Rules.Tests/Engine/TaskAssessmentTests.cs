using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Core.Periods;
using Targets.Core.Targets;
using Targets.Rules.Engine;
using Targets.Rules.Tests.Support;
using TaskStatus = Targets.Core.Tasks.TaskStatus;

namespace Targets.Rules.Tests.Engine;

/// <summary>Tasks with several milestones, reported as a whole or milestone by milestone.</summary>
public sealed class TaskAssessmentTests
{
    private const string Budget = "test.plan.pl2.3";

    private static readonly ICompiledRuleSet Rules = TestRules.Compile(b => b
        .Task(Budget, "Phụ lục II, mục 3", "Bố trí kinh phí", new Responsibility(["Phòng Tài chính-Kế hoạch"], []), "Quý I và cả năm 2023",
            ReportingPeriod.Quarter(2023, 1), ReportingPeriod.Year(2023)));

    private static Dataset Reported(DateOnly asOf, params MilestoneReport[] milestones) =>
        TestRules.Data() with { AsOf = asOf, Tasks = [new TaskReport(Budget, null) { Milestones = milestones }] };

    [Fact]
    public void Evaluate_MilestoneTheTaskDoesNotHave_IsADataErrorNamingItsMilestones()
    {
        var data = Reported(new DateOnly(2023, 12, 31), new MilestoneReport(ReportingPeriod.Quarter(2023, 2), new DateOnly(2023, 6, 1)));

        Should.Throw<DataException>(() => Rules.Evaluate(data)).Message.ShouldContain("has no milestone due in 2023-Q2 (its milestones: 2023-Q1, 2023)");
    }

    [Fact]
    public void Evaluate_MilestoneReportedTwice_IsADataError()
    {
        var q1 = new MilestoneReport(ReportingPeriod.Quarter(2023, 1), new DateOnly(2023, 3, 1));

        Should.Throw<DataException>(() => Rules.Evaluate(Reported(new DateOnly(2023, 12, 31), q1, q1))).Message.ShouldContain("reported twice");
    }

    [Fact]
    public void Evaluate_MilestoneDoneAfterTheDataStandsAt_IsADataError()
    {
        var data = Reported(new DateOnly(2023, 6, 30), new MilestoneReport(ReportingPeriod.Quarter(2023, 1), new DateOnly(2023, 7, 2)));

        Should.Throw<DataException>(() => Rules.Evaluate(data)).Message.ShouldContain("after the as-of date 2023-06-30");
    }

    [Fact]
    public void Evaluate_AssessedAsOfAnEarlierDate_LaterCompletionsHaveNotHappenedYet()
    {
        // The figures stand at 31/12/2023; assessed as of 31/12/2022, a milestone done in 2023 is not done yet.
        var data = Reported(new DateOnly(2023, 12, 31), new MilestoneReport(ReportingPeriod.Quarter(2023, 1), new DateOnly(2023, 3, 20)));

        var task = Rules.Evaluate(data, new EvaluationOptions { AsOf = new DateOnly(2023, 2, 28) }).Tasks.Single();

        task.Milestones.Select(m => m.Status).ShouldBe([TaskStatus.NotYetDue, TaskStatus.NotYetDue]);
    }
}
