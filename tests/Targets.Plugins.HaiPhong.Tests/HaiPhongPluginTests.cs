using Targets.Core.Evaluation;
using Targets.Core.Periods;
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
    public void Evaluate_Sample_AccountabilityFindingNamesEachDistrictWhoseNewAddictsRoseWithTheIncrease()
    {
        var finding = SampleAssessment().Findings.ShouldHaveSingleItem();

        finding.Target.Id.Value.ShouldBe("hai-phong.chi-thi-ma-tuy.8.d");
        finding.Period.ShouldBe(ReportingPeriod.Year(2018));
        finding.Kind.ShouldBe("accountability");
        finding.Text.ShouldStartWith("Người đứng đầu cấp ủy đảng, chính quyền các địa phương, đơn vị chịu trách nhiệm");
        finding.Units.Select(u => (u.Unit, u.Measurement.Value, u.Measurement.Baseline, u.Measurement.Change)).ShouldBe(
        [
            ("huyện Thủy Nguyên", 81m, 72m, 9m),
            ("huyện Tiên Lãng", 23m, 19m, 4m),
            ("quận Hải An", 47m, 41m, 6m),
            ("quận Ngô Quyền", 61m, 52m, 9m),
        ]);
        finding.Units.ShouldAllBe(u => u.BaselinePeriod == ReportingPeriod.Year(2017));
        finding.Units.Single(u => u.Unit == "quận Ngô Quyền").Figures.Select(f => (f.Period.StartYear, f.Value)).ShouldBe([(2018, 61m), (2017, 52m)]);
    }

    [Fact]
    public void Evaluate_NoDistrictRose_GivesNoFinding()
    {
        var sample = Plugin.LoadSample();
        var steady = sample with
        {
            Figures = [.. sample.Figures.Select(f => f.Indicator.Value == "drugs.addicts.new" && f.Period == ReportingPeriod.Year(2018) ? f with { Value = 0 } : f)],
        };

        var assessment = Rules.Evaluate(steady);

        assessment.Findings.ShouldBeEmpty();
        LatestStatus(assessment, "hai-phong.chi-thi-ma-tuy.8.d").ShouldBe(AssessmentStatus.NoData);
    }

    [Fact]
    public void Document_NumberAndDateNotInTheText_AreNotInvented()
    {
        var document = Rules.RuleSets.Single().Document;

        document.Number.ShouldBeNull();
        document.IssuedOn.ShouldBeNull();
        Render(SampleAssessment()).ShouldContain("Chỉ thị của Chủ tịch Ủy ban nhân dân thành phố Hải Phòng (văn bản không ghi số, không ghi ngày ban hành)");
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
