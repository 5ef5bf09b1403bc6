using Targets.Core.Data;
using Targets.Core.Documents;
using Targets.Core.Evaluation;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Requirements;
using Targets.Core.Targets;
using Targets.Rules.Engine;
using Targets.Rules.Reporting;
using Targets.Rules.RuleSets;
using Targets.Rules.Tests.Support;

namespace Targets.Rules.Tests.Reporting;

public sealed class ReportBuilderTests
{
    private const string Cases = "crime.social-order.cases";

    private static readonly DocumentReference Account2016To2020 =
        new("test-account", "Chỉ thị", null, "Ban Thường vụ thử nghiệm", null, "Kết quả giai đoạn 2016 - 2020", ReportingPeriod.Span(2016, 2020), "test");

    private static readonly DocumentReference OtherPlan =
        new("test-other", "Chương trình", "2/CTr-TEST", "Thành ủy thử nghiệm", new DateOnly(2021, 1, 1), "Chương trình thử nghiệm", ReportingPeriod.Span(2021, 2025), "test");

    private static Report Build(ICompiledRuleSet rules, Dataset data, int asOfYear = 2023) =>
        ReportBuilder.Build(rules.Evaluate(data, new EvaluationOptions { AsOf = new DateOnly(asOfYear, 12, 31) }), rules);

    private static ICompiledRuleSet Compile(params RuleSet[] sets) => new NRulesRuleEngine().Compile(TestRules.Locality, sets);

    private static IEnumerable<TargetSection> Targets(Report report) => report.Documents.SelectMany(d => d.Clauses).SelectMany(c => c.Targets);

    private static Dataset Data(params Figure[] figures) => new() { Locality = TestRules.Locality.Code, Figures = figures };

    private static Figure F(string period, decimal value, string? unit = null) => new(new IndicatorId(Cases), ReportingPeriod.Parse(period), value, unit);

    [Fact]
    public void Build_CumulativeTargetBeforeItsDeadline_ShowsTheRunningTotalBesideTheProjectionAndChangesTheProjection()
    {
        var rules = TestRules.Compile(b => b.Target("test.plan.1", "1", "giảm ít nhất 10%", t => t.Indicator(Cases)
            .Change(new Baseline.PrecedingPlanPeriod(), ChangeDirection.Decrease, ChangeMeasure.Relative, Comparison.AtLeast, 10).ByDeadline(cumulative: true)));

        var year = Targets(Build(rules, Data(F("2016/2020", 1250), F("2021", 300), F("2022", 330), F("2023", 350)))).Single().Years.Single();

        year.ValueText.ShouldBe("980 vụ");
        year.RunningTotal.ShouldBe(980);
        year.ProjectionText.ShouldBe("ước cả giai đoạn 2021 - 2025: 1.633,3 vụ");
        year.Body.ShouldStartWith("980 vụ; ước cả giai đoạn 2021 - 2025: 1.633,3 vụ, tăng 383,3 vụ (30,7%) so với giai đoạn 2016 - 2020 (1.250 vụ)");
        year.Status.ShouldBe(AssessmentStatus.AtRisk);
        year.VerdictNote.ShouldBe("cả giai đoạn cần không quá 1.125 vụ");
    }

    [Fact]
    public void Build_PathOfAChangeThatMustStayZero_StatesTheCountToKeepNotAZeroRequirement()
    {
        // "không để gia tăng": the path of the change runs flat at 0, which is no requirement of zero addicts.
        var rules = TestRules.Compile(b => b.Target("test.plan.2", "2", "không để gia tăng", t => t.Indicator(Cases)
            .Change(new Baseline.YearBeforePlan(), ChangeDirection.Increase, ChangeMeasure.Absolute, Comparison.AtMost, 0).ByDeadline()));

        var year = Targets(Build(rules, Data(F("2020", 4225), F("2023", 4310)))).Single().Years.Single();

        year.Status.ShouldBe(AssessmentStatus.AtRisk);
        year.PathText.ShouldBeEmpty();
        year.VerdictNote.ShouldBe("cần không quá 4.225 vụ");
        year.Sentence.ShouldNotContain("cần đạt 0");
    }

    [Fact]
    public void Build_PathOfALevel_IsTheFigureToReachThatYear()
    {
        var rules = TestRules.Compile(b => b.Target("test.plan.3", "3", "phấn đấu đạt 100%", t => t.Indicator("crime.clearance-rate").AtLeast(100).ByDeadline()));
        var data = TestRules.Data(("crime.cases.solved", "2020", 500), ("crime.cases.prosecuted", "2020", 625), ("crime.cases.solved", "2023", 590), ("crime.cases.prosecuted", "2023", 630));

        var year = Targets(Build(rules, data)).Single().Years.Single();

        year.Status.ShouldBe(AssessmentStatus.OnTrack);
        // From 80% in 2020 to 100% in 2025, the line stands at 92% in 2023: 579,6 of 630 cases, so 580.
        year.PathText.ShouldBe("lộ trình năm 2023: ít nhất 580/630 vụ");
    }

    [Fact]
    public void Build_StrictBoundMissedByOne_SaysOneIsMissingNotZero()
    {
        var rules = TestRules.Compile(b => b.Target("test.plan.4", "4", "trên 80%", t => t.Indicator("crime.clearance-rate").GreaterThan(80).InYear(2023)));

        var year = Targets(Build(rules, TestRules.Data(("crime.cases.solved", "2023", 2400), ("crime.cases.prosecuted", "2023", 3000)))).Single().Years.Single();

        year.ValueText.ShouldBe("2.400/3.000 vụ, bằng 80,0%");
        year.Status.ShouldBe(AssessmentStatus.NotMet);
        year.MarginText.ShouldBe("còn thiếu 1 vụ");
        year.RequirementText.ShouldBe("cần ít nhất 2.401/3.000 vụ");
    }

    [Fact]
    public void Build_MissingFigures_AreNamedInVietnameseByIndicatorAndPeriod()
    {
        var rules = TestRules.Compile(b => b.Target("test.plan.5", "5", "trên 80%", t => t.Indicator("crime.clearance-rate").GreaterThan(80).InYear(2023)));

        var year = Targets(Build(rules, TestRules.Data(("crime.cases.solved", "2022", 1)))).Single().Years.Single();

        year.MissingText.ShouldBe("chưa có số liệu về tỷ lệ điều tra, khám phá các loại tội phạm");
        year.Sentence.ShouldNotContain("crime.");
    }

    [Fact]
    public void Summary_Always_StatesTheYearItCounts()
    {
        var rules = TestRules.Compile(b => b.Target("test.plan.6", "6", "w", t => t.Indicator(Cases).AtMost(100).EachYear()));

        var summary = Build(rules, Data(F("2022", 90), F("2023", 95))).Summary;

        summary.Year.ShouldBe(2023);
        summary.Sentences[0].ShouldStartWith("Tổng hợp theo kết quả năm 2023");
    }

    [Fact]
    public void Summary_YearlyTargetFailedInAnEarlierYear_IsListedWithThatYear()
    {
        var rules = TestRules.Compile(b => b.Target("test.plan.7", "7", "w", t => t.Indicator(Cases).AtMost(100).EachYear()));

        var summary = Build(rules, Data(F("2021", 120), F("2022", 90), F("2023", 95))).Summary;

        summary.Items.NotMet.ShouldBe(0);
        summary.EarlierBreaches.ShouldHaveSingleItem().ShouldBe(new YearBreaches(2021, "năm 2021", ["7"]), new YearBreachesComparer());
        summary.Sentences.ShouldContain("Các năm trước trong giai đoạn, chỉ tiêu hàng năm không đạt: năm 2021: 7.");
    }

    [Fact]
    public void Summary_ClauseOfTwoTargets_IsOneItemThatStandsAsItsWorst()
    {
        var rules = TestRules.Compile(b => b
            .Target("test.plan.8.a", "8", "w", t => t.Indicator(Cases).AtMost(100).InYear(2023).Part("a"))
            .Target("test.plan.8.b", "8", "w", t => t.Indicator(Cases).AtMost(50).InYear(2023).Part("b")));

        var summary = Build(rules, Data(F("2023", 80))).Summary;

        summary.Items.Total.ShouldBe(1);
        summary.Items.NotMet.ShouldBe(1);
        summary.SubTargets.Total.ShouldBe(2);
        summary.SubTargets.MetOrExceeded.ShouldBe(1);
        summary.CountedItems.Single().SubTargetLabels.ShouldBe(["8 (a)", "8 (b)"]);
    }

    [Fact]
    public void Summary_TargetMarkedTheSameAsAnotherDocuments_IsCountedOnceCitingBoth()
    {
        var plan = RuleSetBuilder.For(TestRules.Plan2021To2025)
            .Target("test.plan.9", "9", "w", t => t.Indicator(Cases).AtMost(100).EachYear()).Build("plan");
        var program = RuleSetBuilder.For(OtherPlan)
            .Target("test.other.1", "1", "w", t => t.Indicator(Cases).AtMost(100).EachYear().SameAs("test.plan.9")).Build("program");

        var summary = Build(Compile(plan, program), Data(F("2023", 80))).Summary;

        summary.Items.Total.ShouldBe(1);
        summary.SubTargets.Total.ShouldBe(1);
        summary.CountedOnce.ShouldHaveSingleItem().Sentence.ShouldBe("9 của Kế hoạch số 1/KH-TEST và 1 của Chương trình số 2/CTr-TEST là cùng một chỉ tiêu, được tính một lần");
        summary.CountedItems.Single().AlsoSetBy.ShouldBe(["1 của Chương trình số 2/CTr-TEST"]);
    }

    [Fact]
    public void Compile_SameAsWithAnotherRequirement_IsRefused()
    {
        var plan = RuleSetBuilder.For(TestRules.Plan2021To2025)
            .Target("test.plan.9", "9", "w", t => t.Indicator(Cases).AtMost(100).EachYear()).Build("plan");
        var program = RuleSetBuilder.For(OtherPlan)
            .Target("test.other.1", "1", "w", t => t.Indicator(Cases).AtMost(90).EachYear().SameAs("test.plan.9")).Build("program");

        Should.Throw<Core.Errors.RuleSetException>(() => Compile(plan, program)).Message.ShouldContain("sameAs");
    }

    [Fact]
    public void Summary_RetrospectiveAccount_IsTalliedApartAndLeftOutOfThePlansCount()
    {
        var account = RuleSetBuilder.For(Account2016To2020).Retrospective()
            .Target("test.account.1", "Phần mở đầu", "w", t => t.Indicator(Cases)
                .Change(new Baseline.PrecedingPlanPeriod(), ChangeDirection.Decrease, ChangeMeasure.Absolute, Comparison.GreaterThan, 0).ByDeadline(cumulative: true))
            .Build("account");
        var plan = RuleSetBuilder.For(TestRules.Plan2021To2025)
            .Target("test.plan.10", "10", "w", t => t.Indicator(Cases).AtMost(100).EachYear()).Build("plan");

        var report = Build(Compile(account, plan), Data(F("2011/2015", 100), F("2016/2020", 150), F("2023", 80)));

        report.Summary.Items.Total.ShouldBe(1);
        report.Summary.Items.NotMet.ShouldBe(0);
        var apart = report.Summary.Retrospective.ShouldHaveSingleItem();
        apart.Items.NotMet.ShouldBe(1);
        apart.Sentence.ShouldContain("không tính vào tổng hợp trên");
        report.Documents.Single(d => d.DocumentId == "test-account").IsRetrospective.ShouldBeTrue();
        report.Header.PlanPeriodText.ShouldBe("giai đoạn 2021 - 2025");
    }

    [Fact]
    public void Findings_PerUnitTargetWithAConsequence_NameEachUnitFlaggedAndItsIncrease()
    {
        var rules = TestRules.Compile(b => b.Target("test.plan.11", "11", "tăng số người nghiện mới", t => t.Indicator(Cases)
            .Change(new Baseline.PreviousYear(), ChangeDirection.Increase, ChangeMeasure.Absolute, Comparison.AtMost, 0)
            .InYear(2023).ForEachUnit("quận, huyện").OnFailure("accountability", "Người đứng đầu chịu trách nhiệm")
            .Responsible(["Chủ tịch UBND quận, huyện"], ["Công an quận, huyện"])));
        var data = Data(F("2022", 52, "quận Ngô Quyền"), F("2023", 61, "quận Ngô Quyền"), F("2022", 40, "quận Lê Chân"), F("2023", 38, "quận Lê Chân"));

        var report = Build(rules, data);

        var finding = report.Findings.ShouldHaveSingleItem();
        finding.Units.ShouldHaveSingleItem().ShouldBe(new Targets.Rules.Reporting.FlaggedUnit("quận Ngô Quyền", 9, "+9 vụ"));
        finding.Sentence.ShouldContain("quận Ngô Quyền (+9 vụ)");
        var lead = report.Units.Single(u => u.Unit == "Chủ tịch UBND quận, huyện");
        lead.Shortfalls.ShouldHaveSingleItem().Unit.ShouldBe("quận Ngô Quyền");
        report.Units.Single(u => u.Unit == "Công an quận, huyện").SupportTargets.ShouldHaveSingleItem().Label.ShouldBe("11");
    }

    [Fact]
    public void Units_TaskDoneLate_IsCountedLateNotOnTime()
    {
        var rules = TestRules.Compile(b => b
            .Target("test.plan.12", "12", "w", t => t.Indicator(Cases).AtMost(100).InYear(2023))
            .Task("test.plan.task", "Phụ lục II, mục 2", "ban hành thông báo", new Responsibility(["Công an thành phố"], ["Văn phòng"]), "Quý I", ReportingPeriod.Parse("2023-Q1")));
        var data = Data(F("2023", 80)) with { Tasks = [new TaskReport("test.plan.task", new DateOnly(2023, 4, 20))] };

        var report = Build(rules, data);

        var police = report.Units.Single(u => u.Unit == "Công an thành phố");
        police.TasksLate.ShouldBe(1);
        police.TasksOnTime.ShouldBe(0);
        police.Sentence.ShouldContain("hoàn thành chậm");
        report.Units.Single(u => u.Unit == "Văn phòng").SupportTasks.ShouldHaveSingleItem().StatusCode.ShouldBe("doneLate");
        report.Tasks.Single().Milestones.ShouldHaveSingleItem().StatusCode.ShouldBe("doneLate");
    }

    [Theory]
    [InlineData(0, 0, 2023, "Đến năm 2023: chưa có mô hình nào", AssessmentStatus.Pending)]
    [InlineData(0, 1, 2023, "Đến năm 2023: đã hoàn thành năm 2023", AssessmentStatus.Met)]
    [InlineData(1, 0, 2023, "Đến năm 2023: đã hoàn thành năm 2022", AssessmentStatus.Met)]
    [InlineData(0, 0, 2025, "Đến năm 2025: chưa có mô hình nào", AssessmentStatus.NotMet)]
    public void Build_Deliverable_SaysWhetherAndWhenItWasDoneWithNoPercentage(int built2022, int built2023, int asOf, string line, AssessmentStatus status)
    {
        // 20-CTr/TU 2.4: "Xây dựng một mô hình cai nghiện phục hồi …", one model by 2025.
        const string Models = "drugs.rehab-models.built";
        var rules = TestRules.Compile(b => b
            .Indicator(new Indicator(new(Models), "Số mô hình cai nghiện phục hồi được xây dựng", new("mô hình"), Direction.HigherIsBetter, IndicatorKind.Count))
            .Target("test.plan.4", "II.2.4", "Xây dựng một mô hình", t => t.Indicator(Models).Deliverable().ByDeadline()));
        var figures = new[] { ("2021", 0), ("2022", built2022), ("2023", built2023), ("2024", 0), ("2025", 0) }
            .Select(f => new Figure(new IndicatorId(Models), ReportingPeriod.Parse(f.Item1), f.Item2)).ToArray();

        var report = Build(rules, Data(figures), asOf);
        var year = Targets(report).Single().Years.Single();

        year.Status.ShouldBe(status);
        $"{Core.Formatting.VietnameseFormat.UpperFirst(year.PeriodText)}: {year.Body}".ShouldBe(line);
        year.VerdictNote.ShouldBeEmpty();
        year.Sentence.ShouldNotContain("%");
        Targets(report).Single().Requirement.ShouldBe("hoàn thành 1 mô hình");
        if (status == AssessmentStatus.Pending)
        {
            report.Summary.Items.Pending.ShouldBe(1);
            report.Summary.Sentences.ShouldContain(s => s.Contains("1 chỉ tiêu chưa hoàn thành (chưa đến hạn)", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Build_TaskWithMilestonesReportedOneByOne_EachStandsOnItsOwn()
    {
        // Cẩm Phả Phụ lục II, mục 4 "Tháng 1 và tháng 6": the January review on time, the June one done on 03/07.
        var rules = TestRules.Compile(b => b
            .Target("test.plan.12", "12", "w", t => t.Indicator(Cases).AtMost(100).InYear(2023))
            .Task("test.plan.task", "Phụ lục II, mục 4", "rà soát", new Responsibility(["Phòng Y tế"], []), "Tháng 1 và tháng 6", ReportingPeriod.Parse("2023-01"), ReportingPeriod.Parse("2023-06")));
        var data = Data(F("2023", 80)) with
        {
            Tasks = [new TaskReport("test.plan.task", null)
            {
                Milestones = [new MilestoneReport(ReportingPeriod.Month(2023, 1), new DateOnly(2023, 1, 18)), new MilestoneReport(ReportingPeriod.Month(2023, 6), new DateOnly(2023, 7, 3))],
            }],
        };

        var task = Build(rules, data).Tasks.Single();

        task.Milestones.Select(m => (m.PeriodText, m.StatusCode, m.CompletedText)).ShouldBe([
            ("tháng 1 năm 2023", "doneOnTime", "18/01/2023"), ("tháng 6 năm 2023", "doneLate", "03/07/2023")]);
        task.StatusCode.ShouldBe("doneLate");
        task.MilestonesText.ShouldBe("từng mốc: hoàn thành đúng hạn: tháng 1 năm 2023; hoàn thành chậm: tháng 6 năm 2023");
    }

    [Fact]
    public void Annex_SentenceSharedByTwoReadings_IsStatedOnceNamingBoth()
    {
        var rules = TestRules.Compile(b => b
            .Target("test.plan.13.a", "13", "w", t => t.Indicator(Cases).AtMost(100).EachYear().Part("a").Reading("Đánh giá từng năm. Phần a đọc là số vụ."))
            .Target("test.plan.13.b", "13", "w", t => t.Indicator(Cases).AtMost(50).EachYear().Part("b").Reading("Đánh giá từng năm. Phần b, xem test.plan.13.a.")));

        var report = Build(rules, Data(F("2023", 80)));

        report.Annex.Readings.Select(r => (string.Join("; ", r.Labels), r.Text)).ShouldBe([
            ("13 (a); 13 (b)", "Đánh giá từng năm."),
            ("13 (a)", "Phần a đọc là số vụ."),
            ("13 (b)", "Phần b, xem 13 (a)."),
        ]);
        Targets(report).First().ReadingNumbers.ShouldBe([1, 2]);
    }

    private sealed class YearBreachesComparer : IEqualityComparer<YearBreaches>
    {
        public bool Equals(YearBreaches? x, YearBreaches? y) =>
            x is not null && y is not null && x.Year == y.Year && x.YearText == y.YearText && x.Labels.SequenceEqual(y.Labels);

        public int GetHashCode(YearBreaches obj) => obj.Year;
    }
}
