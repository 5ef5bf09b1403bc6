using Targets.Core.Evaluation;
using Targets.Plugins.HaiPhong;
using Targets.Tests.Shared;

namespace Targets.Plugins.HaiPhong.Tests;

public sealed class HaiPhongPluginTests : PluginContractTests<HaiPhongPlugin>
{
    [Fact]
    public void Evaluate_Sample_RehabQuotaExceededMethadoneShort()
    {
        var assessment = SampleAssessment();

        LatestStatus(assessment, "hai-phong.chi-thi-ma-tuy.4.e").ShouldBe(AssessmentStatus.Exceeded);
        LatestStatus(assessment, "hai-phong.chi-thi-ma-tuy.4.f").ShouldBe(AssessmentStatus.NotMet);
    }

    [Fact]
    public void Evaluate_Sample_NewAddictsUpFlagsThoseUnitsLeadership()
    {
        var assessment = SampleAssessment();
        var trigger = ResultsOf(assessment, "hai-phong.chi-thi-ma-tuy.8.d").Single();

        trigger.Status.ShouldBe(AssessmentStatus.NotMet);
        trigger.Target.Consequence!.Kind.ShouldBe("accountability");
        trigger.Units.Where(u => u.Status == AssessmentStatus.NotMet).Select(u => u.Unit)
            .ShouldBe(["huyện Thủy Nguyên", "huyện Tiên Lãng", "quận Hải An", "quận Ngô Quyền"], ignoreOrder: true);
        trigger.Units.Single(u => u.Unit == "huyện Bạch Long Vĩ").Status.ShouldBe(AssessmentStatus.NoData);
        var text = Render(assessment);
        text.ShouldContain("Trách nhiệm phát sinh");
        text.ShouldContain("Mục 8: không đạt năm 2018; đơn vị không đạt: huyện Thủy Nguyên (+9 người), huyện Tiên Lãng (+4 người), quận Hải An (+6 người), quận Ngô Quyền (+9 người).");
    }

    [Fact]
    public void Document_NumberAndDateNotInTheText_AreNotInvented()
    {
        var document = Rules.RuleSets.Single().Document;

        document.Number.ShouldBeNull();
        document.IssuedOn.ShouldBeNull();
        Render(SampleAssessment()).ShouldContain("(văn bản không ghi số)");
    }
}
