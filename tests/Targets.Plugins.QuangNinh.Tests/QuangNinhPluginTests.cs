using Targets.Core.Data;
using Targets.Core.Evaluation;
using Targets.Core.Formatting;
using Targets.Core.Periods;
using Targets.Plugins.QuangNinh;
using Targets.Rules.Reporting;
using Targets.Tests.Shared;
using TaskStatus = Targets.Core.Tasks.TaskStatus;

namespace Targets.Plugins.QuangNinh.Tests;

public sealed class QuangNinhPluginTests : PluginContractTests<QuangNinhPlugin>
{
    [Fact]
    public void LoadRuleSets_AppendixOne_EveryTargetNamesItsLeadUnit()
    {
        var targets = Rules.RuleSets.Single().Targets;

        targets.Select(t => t.Clause).Distinct().Count().ShouldBe(25);
        targets.ShouldAllBe(t => t.Responsibility != null && t.Responsibility.Lead.Count > 0);
    }

    [Fact]
    public void Summary_Sample_CountsTheTwentyFiveNumberedItemsAndNamesTheirSubTargets()
    {
        var summary = ReportBuilder.Build(SampleAssessment(), Rules).Summary;

        summary.Items.Total.ShouldBe(25);
        summary.SubTargets.Total.ShouldBe(30);
        summary.CountedItems.Single(i => i.Label == "Phụ lục I, mục 2.10").SubTargetLabels
            .ShouldBe(["Phụ lục I, mục 2.10 (chuyển hóa)", "Phụ lục I, mục 2.10 (không tái phức tạp)"]);
        Render(SampleAssessment()).ShouldContain("Trong tổng số 25 chỉ tiêu (gồm 30 chỉ tiêu thành phần)");
    }

    [Fact]
    public void Render_Sample_SchoolsShortUnderTheirLeadUnitAndLateTaskNotOnTime()
    {
        var text = Render(SampleAssessment());

        text.ShouldContain("Phòng Giáo dục và Đào tạo: chủ trì 1 chỉ tiêu: Phụ lục I, mục 1.3: không đạt. Đơn vị chưa đạt: Trường THCS Cẩm Sơn (1 lần); đơn vị chưa có số liệu: Trường THCS Mông Dương.");
        text.ShouldContain("Chủ trì 7 nhiệm vụ (5 hoàn thành đúng hạn, 1 hoàn thành chậm, 1 quá hạn). Hoàn thành chậm: Phụ lục II, mục 2. Quá hạn: Phụ lục II, mục 5.");
    }

    [Fact]
    public void LoadRuleSets_AppendixTwo_HasElevenTasksWithDeadlines()
    {
        Rules.RuleSets.Single().Tasks.Count.ShouldBe(11);
    }

    [Fact]
    public void Evaluate_Sample_SchoolQuotaNamesTheSchoolsThatFallShort()
    {
        var schools = ResultsOf(SampleAssessment(), "quang-ninh.102-kh-ubnd.1.3").Single();

        schools.Status.ShouldBe(AssessmentStatus.NotMet);
        schools.Units.Where(u => u.Status == AssessmentStatus.NotMet).Select(u => u.Unit).ShouldBe(["Trường THCS Cẩm Sơn"]);
        schools.Units.Where(u => u.Status == AssessmentStatus.NoData).Select(u => u.Unit).ShouldBe(["Trường THCS Mông Dương"]);
    }

    [Fact]
    public void Evaluate_Sample_TasksDoneOnTimeLateAndOverdue()
    {
        var tasks = SampleAssessment().Tasks;

        tasks.Count(t => t.Status == TaskStatus.DoneOnTime).ShouldBe(9);
        tasks.Count(t => t.Status == TaskStatus.DoneLate).ShouldBe(1);
        tasks.Count(t => t.Status == TaskStatus.Overdue).ShouldBe(1);
    }

    [Fact]
    public void Evaluate_MidYearSample_TasksNotYetDue()
    {
        var tasks = Rules.Evaluate(Plugin.LoadSample("samples/sample-tasks-2023-09-30.json")).Tasks;

        tasks.Count(t => t.Status == TaskStatus.NotYetDue).ShouldBe(6);
    }

    [Fact]
    public void Render_Sample_HasTheViewByResponsibleUnitAndTheMilestones()
    {
        var text = Render(SampleAssessment());

        text.ShouldContain("Kết quả theo đơn vị chủ trì");
        text.ShouldContain("Công an thành phố:");
        text.ShouldContain("Phòng Giáo dục và Đào tạo:");
        text.ShouldContain("Nhiệm vụ trọng tâm");
        text.ShouldContain("chưa hoàn thành, đã quá hạn");
    }

    // 8. Phụ lục II tasks with several milestones: "Quý I và cả năm 2023", "Tháng 1 và tháng 6".
    [Fact]
    public void LoadRuleSets_TaskDueInJanuaryAndJune_HasTwoMonthMilestones()
    {
        var task = Rules.RuleSets.Single().Tasks.Single(t => t.Id.Value == "quang-ninh.102-kh-ubnd.pl2.4");

        task.DeadlineText.ShouldBe("Tháng 1 và tháng 6");
        task.Milestones.ShouldBe([ReportingPeriod.Month(2023, 1), ReportingPeriod.Month(2023, 6)]);
    }

    [Fact]
    public void Evaluate_QuarterOneAndYearTaskFinishedMidJune_ItsQuarterOnePartIsLate()
    {
        // Task 3, "Quý I và cả năm 2023", reported done as a whole on 15/06: the Quý I part was due 31/03.
        var data = Figures(2023) with { Tasks = [new TaskReport("quang-ninh.102-kh-ubnd.pl2.3", new DateOnly(2023, 6, 15))] };

        var task = Rules.Evaluate(data).Tasks.Single(t => t.Task.Id.Value == "quang-ninh.102-kh-ubnd.pl2.3");

        task.Milestones.Select(m => m.Status).ShouldBe([TaskStatus.DoneLate, TaskStatus.DoneOnTime]);
        task.Status.ShouldBe(TaskStatus.DoneLate);
    }

    [Fact]
    public void Evaluate_MonthMilestonesReportedOneByOne_EachHasItsOwnVerdict()
    {
        // Task 4, "Tháng 1 và tháng 6": the January review on 18/01, the June one on 03/07, after 30/06.
        var data = Figures(2023) with
        {
            Tasks = [new TaskReport("quang-ninh.102-kh-ubnd.pl2.4", null)
            {
                Milestones = [new MilestoneReport(ReportingPeriod.Month(2023, 1), new DateOnly(2023, 1, 18)), new MilestoneReport(ReportingPeriod.Month(2023, 6), new DateOnly(2023, 7, 3))],
            }],
        };

        var task = Rules.Evaluate(data).Tasks.Single(t => t.Task.Id.Value == "quang-ninh.102-kh-ubnd.pl2.4");

        task.Milestones.Select(m => (m.DueOn, m.Status)).ShouldBe([(new DateOnly(2023, 1, 31), TaskStatus.DoneOnTime), (new DateOnly(2023, 6, 30), TaskStatus.DoneLate)]);
    }

    [Fact]
    public void Evaluate_QuarterTwoTaskNotDoneOnThirtiethOfJune_IsNotYetOverdue()
    {
        var onDueDate = Rules.Evaluate(Figures(2023) with { AsOf = new DateOnly(2023, 6, 30) }).Tasks.Single(t => t.Task.Id.Value == "quang-ninh.102-kh-ubnd.pl2.5");
        var dayAfter = Rules.Evaluate(Figures(2023) with { AsOf = new DateOnly(2023, 7, 1) }).Tasks.Single(t => t.Task.Id.Value == "quang-ninh.102-kh-ubnd.pl2.5");

        onDueDate.Status.ShouldBe(TaskStatus.NotYetDue);
        dayAfter.Status.ShouldBe(TaskStatus.Overdue);
    }

    [Fact]
    public void Render_MilestonesThatStandApart_AreEachNamedWithTheirStanding()
    {
        // The second sample, as of 30/09: task 3's Quý I part done 15/03 and its year not yet due; task 4's January round on
        // time and its June round done on 03/07, after 30/06.
        var text = Render(Rules.Evaluate(Plugin.LoadSample("samples/sample-tasks-2023-09-30.json")));

        text.ShouldContain("thời hạn: Quý I và cả năm 2023 (đến 31/12/2023); chưa đến hạn; từng mốc: hoàn thành đúng hạn: quý I năm 2023; chưa đến hạn: năm 2023");
        text.ShouldContain("thời hạn: Tháng 1 và tháng 6 (đến 30/06/2023); hoàn thành chậm so với thời hạn (ngày 03/07/2023); từng mốc: hoàn thành đúng hạn: tháng 1 năm 2023; hoàn thành chậm: tháng 6 năm 2023");
    }

    [Fact]
    public void Render_Sample_MilestonesThatStandAsTheirTaskAreNotRepeated()
    {
        // Task 4 of the bundled sample: both rounds on time, so the line says it once.
        Render(SampleAssessment()).ShouldContain("thời hạn: Tháng 1 và tháng 6 (đến 30/06/2023); hoàn thành đúng hạn (ngày 20/06/2023); Rà soát");
    }

    // 9. "Không để tồn tại": the requirement says so, not "không để xảy ra".
    [Theory]
    [InlineData("quang-ninh.102-kh-ubnd.2.5", "không để tồn tại")]
    [InlineData("quang-ninh.102-kh-ubnd.3.2.a", "không để tồn tại")]
    [InlineData("quang-ninh.102-kh-ubnd.2.7", "không để xảy ra")]
    public void Describe_ZeroTargets_CarryTheDocumentsVerb(string id, string phrase)
    {
        RequirementText.Describe(TargetOf(id), Rules.Catalog).ShouldStartWith(phrase);
        Render(SampleAssessment()).ShouldContain($"{phrase} (bằng 0)");
    }
}
