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
        Render(assessment).ShouldContain("Phát sinh trách nhiệm:");
    }

    [Fact]
    public void Document_NumberAndDateNotInTheText_AreNotInvented()
    {
        var document = Rules.RuleSets.Single().Document;

        document.Number.ShouldBeNull();
        document.IssuedOn.ShouldBeNull();
        Render(SampleAssessment()).ShouldContain("(văn bản không ghi số)");
    }

    // 14. Item 8 "tăng số người nghiện mới": the other reading, addicts on record rose.
    [Fact]
    public void Evaluate_FewerNewAddictsButMoreOnRecord_OnlyTheOnRecordReadingFlagsTheDistrict()
    {
        // quận Ngô Quyền: 52 new addicts in 2017, 49 in 2018 (fewer); 610 addicts on record at the end of 2017, 619 at the
        // end of 2018 (+9 người).
        var data = Figures(2018) with
        {
            Figures =
            [
                new(new("drugs.addicts.new"), Core.Periods.ReportingPeriod.Year(2017), 52, "quận Ngô Quyền"),
                new(new("drugs.addicts.new"), Core.Periods.ReportingPeriod.Year(2018), 49, "quận Ngô Quyền"),
                new(new("drugs.addicts"), Core.Periods.ReportingPeriod.Year(2017), 610, "quận Ngô Quyền"),
                new(new("drugs.addicts"), Core.Periods.ReportingPeriod.Year(2018), 619, "quận Ngô Quyền"),
            ],
        };
        var assessment = Rules.Evaluate(data);

        LatestStatus(assessment, "hai-phong.chi-thi-ma-tuy.8.d").ShouldBe(AssessmentStatus.Met);
        var onRecord = ResultsOf(assessment, "hai-phong.chi-thi-ma-tuy.8.d.co-ho-so").Single();
        onRecord.Status.ShouldBe(AssessmentStatus.NotMet);
        onRecord.Target.AlternativeOf!.Value.Value.ShouldBe("hai-phong.chi-thi-ma-tuy.8.d");
        onRecord.Units.Single().Measurement!.Value.Change.ShouldBe(9m);
    }
}
