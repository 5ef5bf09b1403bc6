using Targets.Core.Evaluation;
using Targets.Core.Requirements;
using Targets.Rules.Engine;
using Targets.Rules.Tests.Support;

namespace Targets.Rules.Tests.Engine;

/// <summary>Every requirement kind through the real engine, at and around its bounds.</summary>
public sealed class RequirementKindTests
{
    private const string Share = "crime.clearance-rate";

    private static AssessmentStatus Level(Comparison comparison, decimal threshold, decimal solved, decimal prosecuted, EvaluationPath path = EvaluationPath.Session)
    {
        var rules = TestRules.Compile(b => b.Target("test.plan.1", "1", "w", t => t.Indicator(Share).Level(comparison, threshold).InYear(2023)));
        return TestRules.StatusOf(rules, TestRules.Data(("crime.cases.solved", "2023", solved), ("crime.cases.prosecuted", "2023", prosecuted)), 2023, path);
    }

    [Theory]
    [InlineData(EvaluationPath.Session)]
    [InlineData(EvaluationPath.Bulk)]
    public void Evaluate_StrictBoundExactlyAtThreshold_IsNotMet(EvaluationPath path)
    {
        // "trên 80%": 80/100 is not above 80%.
        Level(Comparison.GreaterThan, 80, 80, 100, path).ShouldBe(AssessmentStatus.NotMet);
        Level(Comparison.GreaterThan, 80, 81, 100, path).ShouldBe(AssessmentStatus.Met);
    }

    [Theory]
    [InlineData(EvaluationPath.Session)]
    [InlineData(EvaluationPath.Bulk)]
    public void Evaluate_InclusiveBoundExactlyAtThreshold_IsMet(EvaluationPath path)
    {
        // "từ 75% trở lên": 75/100 meets it; above it is exceeded; below is not met.
        Level(Comparison.AtLeast, 75, 75, 100, path).ShouldBe(AssessmentStatus.Met);
        Level(Comparison.AtLeast, 75, 76, 100, path).ShouldBe(AssessmentStatus.Exceeded);
        Level(Comparison.AtLeast, 75, 74, 100, path).ShouldBe(AssessmentStatus.NotMet);
    }

    [Fact]
    public void Evaluate_UpperBounds_StrictAndInclusive()
    {
        Level(Comparison.LessThan, 50, 50, 100).ShouldBe(AssessmentStatus.NotMet);
        Level(Comparison.LessThan, 50, 49, 100).ShouldBe(AssessmentStatus.Met);
        Level(Comparison.AtMost, 50, 50, 100).ShouldBe(AssessmentStatus.Met);
        Level(Comparison.AtMost, 50, 51, 100).ShouldBe(AssessmentStatus.NotMet);
    }

    [Theory]
    [InlineData(1000, 970, AssessmentStatus.Met)] // down 3.0%: the lower end of "giảm từ 3% - 5%"
    [InlineData(1000, 950, AssessmentStatus.Met)] // down 5.0%: the upper end
    [InlineData(1000, 971, AssessmentStatus.NotMet)] // down 2.9%
    [InlineData(1000, 949, AssessmentStatus.Exceeded)] // down 5.1%
    [InlineData(1000, 1010, AssessmentStatus.NotMet)] // up
    public void Evaluate_ChangeRange_BothEndsIncluded(decimal previous, decimal current, AssessmentStatus expected)
    {
        var rules = TestRules.Compile(b => b.Target("test.plan.2", "2", "giảm từ 3% - 5%", t => t.Indicator("crime.social-order.cases")
            .ChangeWithin(new Baseline.SamePeriodPreviousYear(), ChangeDirection.Decrease, ChangeMeasure.Relative, 3, 5).EachYear()));

        TestRules.StatusOf(rules, TestRules.Data(("crime.social-order.cases", "2022", previous), ("crime.social-order.cases", "2023", current)), 2023)
            .ShouldBe(expected);
    }

    [Fact]
    public void Evaluate_ChangeFromZeroBase_IsNoDataNeverNotMet()
    {
        var rules = TestRules.Compile(b => b.Target("test.plan.3", "3", "giảm 07% so với năm 2022", t => t.Indicator("crime.social-order.cases")
            .Change(new Baseline.FixedYear(2022), ChangeDirection.Decrease, ChangeMeasure.Relative, Comparison.AtLeast, 7).InYear(2023)));

        var result = rules.Evaluate(TestRules.Data(("crime.social-order.cases", "2022", 0), ("crime.social-order.cases", "2023", 4))).Only();

        result.Status.ShouldBe(AssessmentStatus.NoData);
        result.Note.ShouldNotBeNull();
    }

    [Theory]
    [InlineData(1000, 930, AssessmentStatus.Met)] // exactly 7%
    [InlineData(1000, 931, AssessmentStatus.NotMet)]
    [InlineData(1000, 900, AssessmentStatus.Exceeded)]
    public void Evaluate_DecreaseAgainstFixedYear_AtTheBound(decimal baseline, decimal value, AssessmentStatus expected)
    {
        var rules = TestRules.Compile(b => b.Target("test.plan.4", "4", "Giảm 07% so với năm 2022", t => t.Indicator("crime.social-order.cases")
            .Change(new Baseline.FixedYear(2022), ChangeDirection.Decrease, ChangeMeasure.Relative, Comparison.AtLeast, 7).InYear(2023)));

        TestRules.StatusOf(rules, TestRules.Data(("crime.social-order.cases", "2022", baseline), ("crime.social-order.cases", "2023", value)), 2023).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0, AssessmentStatus.Met)]
    [InlineData(1, AssessmentStatus.NotMet)]
    public void Evaluate_Zero_OnlyZeroMeets(decimal value, AssessmentStatus expected)
    {
        var rules = TestRules.Compile(b => b.Target("test.plan.5", "5", "Không để xảy ra", t => t.Indicator("crime.social-order.cases").Zero().InYear(2023)));

        TestRules.StatusOf(rules, TestRules.Data(("crime.social-order.cases", "2023", value)), 2023).ShouldBe(expected);
    }

    [Theory]
    [InlineData(549, AssessmentStatus.NotMet)]
    [InlineData(550, AssessmentStatus.Met)]
    [InlineData(551, AssessmentStatus.Exceeded)]
    public void Evaluate_FixedQuota_AtTheQuota(decimal value, AssessmentStatus expected)
    {
        var rules = TestRules.Compile(b => b.Target("test.plan.6", "6", "550 hồ sơ", t => t.Indicator("crime.social-order.cases").Quota(550).InYear(2023)));

        TestRules.StatusOf(rules, TestRules.Data(("crime.social-order.cases", "2023", value)), 2023).ShouldBe(expected);
    }

    [Fact]
    public void Evaluate_AssignedQuotaMissing_IsNoData()
    {
        var rules = TestRules.Compile(b => b.Target("test.plan.7", "7", "đạt chỉ tiêu được giao", t => t.Indicator("crime.cases.solved").QuotaFrom("crime.cases.prosecuted").InYear(2023)));

        var result = rules.Evaluate(TestRules.Data(("crime.cases.solved", "2023", 10))).Only();

        result.Status.ShouldBe(AssessmentStatus.NoData);
        result.MissingFigures.ShouldHaveSingleItem().ToString().ShouldBe("crime.cases.prosecuted 2023");
    }

    [Fact]
    public void Evaluate_MissingFigures_IsNoDataNeverNotMet()
    {
        var rules = TestRules.Compile(b => b.Target("test.plan.8", "8", "w", t => t.Indicator(Share).AtLeast(75).EachYear()));

        var assessment = rules.Evaluate(TestRules.Data(("crime.cases.solved", "2022", 1), ("crime.cases.prosecuted", "2022", 1)), new EvaluationOptions { AsOf = new DateOnly(2023, 12, 31) });

        // 1/1 against "từ 75%": one case is the fewest that reaches 75% of one, so it is met, not gone beyond.
        assessment.Results.Select(r => r.Status).ShouldBe([AssessmentStatus.NoData, AssessmentStatus.Met, AssessmentStatus.NoData]);
    }

    [Fact]
    public void Evaluate_ShareWithZeroDenominator_IsNoDataSayingWhy()
    {
        // No case prosecuted in the year: there is no clearance rate to judge, and the report says so rather than
        // claiming the figures are missing.
        var rules = TestRules.Compile(b => b.Target("test.plan.z", "1", "w", t => t.Indicator(Share).AtLeast(75).InYear(2023)));

        var result = rules.Evaluate(TestRules.Data(("crime.cases.solved", "2023", 0), ("crime.cases.prosecuted", "2023", 0))).Only();

        result.Status.ShouldBe(AssessmentStatus.NoData);
        result.MissingFigures.ShouldBeEmpty();
        result.Note.ShouldNotBeNull().ShouldContain("(số vụ án khởi tố, năm 2023) bằng 0");
    }

    [Fact]
    public void Evaluate_ExpressionRule_RunsAsWritten()
    {
        var rules = TestRules.Compile(b => b.Target("test.plan.9", "9", "từ 2 đến 10 buổi", t => t.Indicator("crime.social-order.cases")
            .Expression("m.Value >= 2 && m.Value <= 10", "từ 2 đến 10 vụ").InYear(2023)));

        TestRules.StatusOf(rules, TestRules.Data(("crime.social-order.cases", "2023", 10)), 2023).ShouldBe(AssessmentStatus.Met);
        TestRules.StatusOf(rules, TestRules.Data(("crime.social-order.cases", "2023", 11)), 2023).ShouldBe(AssessmentStatus.NotMet);
    }

    [Fact]
    public void Evaluate_CompositeOverOtherTargets_MetOnlyWhenAllAreMet()
    {
        var rules = TestRules.Compile(b => b
            .Target("test.plan.a", "a", "w", t => t.Indicator("crime.social-order.cases").AtMost(100).InYear(2023))
            .Target("test.plan.b", "b", "w", t => t.Indicator("drugs.addicts").AtMost(100).InYear(2023))
            .Target("test.plan.all", "c", "cả hai đạt", t => t.AllOf("test.plan.a", "test.plan.b").InYear(2023)));

        var all = rules.Evaluate(TestRules.Data(("crime.social-order.cases", "2023", 90), ("drugs.addicts", "2023", 90)));
        var one = rules.Evaluate(TestRules.Data(("crime.social-order.cases", "2023", 90), ("drugs.addicts", "2023", 120)));
        var missing = rules.Evaluate(TestRules.Data(("crime.social-order.cases", "2023", 90)));

        all.Results[^1].Status.ShouldBe(AssessmentStatus.Met);
        one.Results[^1].Status.ShouldBe(AssessmentStatus.NotMet);
        missing.Results[^1].Status.ShouldBe(AssessmentStatus.NoData);
    }

    [Fact]
    public void Evaluate_EachUnit_NamesTheUnitsThatFallShort()
    {
        var rules = TestRules.Compile(b => b.Target("test.plan.u", "1.3", "Mỗi đơn vị ... 02 lần/năm", t => t.Indicator("crime.social-order.cases").Quota(2).ForEachUnit("trường").InYear(2023)));
        var data = TestRules.Data() with
        {
            AdminUnits = ["Trường A", "Trường B", "Trường C"],
            Figures =
            [
                new(new("crime.social-order.cases"), Core.Periods.ReportingPeriod.Year(2023), 2, "Trường A"),
                new(new("crime.social-order.cases"), Core.Periods.ReportingPeriod.Year(2023), 1, "Trường B"),
            ],
        };

        var result = rules.Evaluate(data).Only();

        result.Status.ShouldBe(AssessmentStatus.NotMet);
        result.Units.Where(u => u.Status == AssessmentStatus.NotMet).Select(u => u.Unit).ShouldBe(["Trường B"]);
        result.Units.Where(u => u.Status == AssessmentStatus.NoData).Select(u => u.Unit).ShouldBe(["Trường C"]);
    }

    private const string Models = "drugs.rehab-models.built";

    private static readonly Core.Indicators.Indicator ModelsBuilt = new(
        new(Models), "Số mô hình cai nghiện phục hồi được xây dựng", new("mô hình"), Core.Indicators.Direction.HigherIsBetter, Core.Indicators.IndicatorKind.Count);

    [Theory]
    [InlineData(2022, EvaluationPath.Session)]
    [InlineData(2023, EvaluationPath.Session)] // built in 2022, still done in 2023: no projection, no percentage
    [InlineData(2025, EvaluationPath.Session)]
    [InlineData(2022, EvaluationPath.Bulk)]
    [InlineData(2023, EvaluationPath.Bulk)]
    [InlineData(2025, EvaluationPath.Bulk)]
    public void Evaluate_DeliverableBuiltOnce_IsDoneFromThatYearOn(int asOf, EvaluationPath path)
    {
        // 20-CTr/TU 2.4: "Xây dựng một mô hình cai nghiện phục hồi cho người nghiện ma túy ...".
        var rules = Deliverable();
        var data = TestRules.Data((Models, "2021", 0), (Models, "2022", 1), (Models, "2023", 0), (Models, "2024", 0), (Models, "2025", 0));

        var result = rules.Evaluate(data, new EvaluationOptions { AsOf = new DateOnly(asOf, 12, 31) }, path).Only();

        result.Status.ShouldBe(AssessmentStatus.Met);
        result.DoneIn.ShouldBe(Core.Periods.ReportingPeriod.Year(2022));
        result.Progress.ShouldBeNull();
        result.Measurement!.Value.Value.ShouldBe(1m);
    }

    [Theory]
    [InlineData(EvaluationPath.Session)]
    [InlineData(EvaluationPath.Bulk)]
    public void Evaluate_DeliverableNotYetBuiltBeforeItsDeadline_IsPendingNeverAtRiskOrOnTrack(EvaluationPath path)
    {
        var result = Deliverable().Evaluate(TestRules.Data((Models, "2021", 0), (Models, "2022", 0)), new EvaluationOptions { AsOf = new DateOnly(2022, 12, 31) }, path).Only();

        result.Status.ShouldBe(AssessmentStatus.Pending);
        result.DoneIn.ShouldBeNull();
    }

    [Theory]
    [InlineData(EvaluationPath.Session)]
    [InlineData(EvaluationPath.Bulk)]
    public void Evaluate_DeliverableNotBuiltByItsDeadline_IsNotMet(EvaluationPath path)
    {
        var data = TestRules.Data([.. Enumerable.Range(2021, 5).Select(y => (Models, y.ToString(System.Globalization.CultureInfo.InvariantCulture), 0m))]);

        Deliverable().Evaluate(data, new EvaluationOptions { AsOf = new DateOnly(2025, 12, 31) }, path).Only().Status.ShouldBe(AssessmentStatus.NotMet);
    }

    [Fact]
    public void Evaluate_DeliverableBeforeThePlanStarts_IsPendingWithNothingMeasured()
    {
        var result = Deliverable().Evaluate(TestRules.Data() with { AsOf = new DateOnly(2020, 12, 31) }, new EvaluationOptions()).Only();

        result.Status.ShouldBe(AssessmentStatus.Pending);
        result.Measurement.ShouldBeNull();
    }

    [Fact]
    public void EvaluateMany_DeliverableAsOfEveryYear_AgreesWithOneSessionPerYear()
    {
        // The bulk path remembers a deliverable's measurement by the period it reports: each as-of year reports its own.
        var rules = Deliverable();
        var data = TestRules.Data((Models, "2021", 0), (Models, "2022", 0), (Models, "2023", 1), (Models, "2024", 0), (Models, "2025", 0));
        EvaluationOptions[] options = [.. Enumerable.Range(2020, 6).Select(y => new EvaluationOptions { AsOf = new DateOnly(y, 12, 31) })];

        var bulk = rules.EvaluateMany([data], options).Select(b => b.Assessment.Only()).ToList();

        bulk.Select(r => (r.Status, r.DoneIn)).ShouldBe(options.Select(o => rules.Evaluate(data, o).Only()).Select(r => (r.Status, r.DoneIn)));
        bulk.Select(r => r.Status).ShouldBe([
            AssessmentStatus.Pending, AssessmentStatus.Pending, AssessmentStatus.Pending, AssessmentStatus.Met, AssessmentStatus.Met, AssessmentStatus.Met]);
    }

    [Fact]
    public void Evaluate_DeliverableWithAYearMissingAndNothingBuilt_IsNoData()
    {
        var result = Deliverable().Evaluate(TestRules.Data((Models, "2021", 0)), new EvaluationOptions { AsOf = new DateOnly(2022, 12, 31) }).Only();

        result.Status.ShouldBe(AssessmentStatus.NoData);
        result.MissingFigures.ShouldHaveSingleItem().ToString().ShouldBe(Models + " 2022");
    }

    [Fact]
    public void Compile_DeliverableEachYear_IsRefused()
    {
        Should.Throw<Core.Errors.RuleSetException>(() => TestRules.Compile(b => b.Indicator(ModelsBuilt).Target("test.plan.d", "2.4", "Xây dựng một mô hình", t => t.Indicator(Models).Deliverable().EachYear())))
            .Message.ShouldContain("deliverable");
    }

    [Theory]
    [InlineData("không để tồn tại")]
    [InlineData("không để hình thành")]
    public void Describe_ZeroRequirement_KeepsTheDocumentsOwnVerb(string phrase)
    {
        // Cẩm Phả 2.5: "Không để tồn tại các tụ điểm, điểm phức tạp ..." is not "không để xảy ra".
        var rules = TestRules.Compile(b => b.Target("test.plan.0", "2.5", "Không để tồn tại", t => t.Indicator("crime.social-order.cases").Zero(phrase).InYear(2023)));

        Core.Formatting.RequirementText.Describe(rules.RuleSets[0].Targets[0], rules.Catalog).ShouldBe($"{phrase} (bằng 0)");
    }

    private static ICompiledRuleSet Deliverable() =>
        TestRules.Compile(b => b.Indicator(ModelsBuilt)
            .Target("test.plan.d", "2.4", "Xây dựng một mô hình cai nghiện phục hồi", t => t.Indicator(Models).Deliverable().ByDeadline()));
}
