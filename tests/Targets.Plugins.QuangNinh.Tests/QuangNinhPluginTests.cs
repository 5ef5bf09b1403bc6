using Targets.Core.Evaluation;
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
}
