using Targets.Core.Data;
using Targets.Core.Documents;
using Targets.Core.Evaluation;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Requirements;
using Targets.Core.Schedules;
using Targets.Core.Targets;

namespace Targets.Core.Tests.Evaluation;

/// <summary>The evaluator's own mechanics (schedules, baselines, progress), with a criterion written from the bound.</summary>
public sealed class TargetEvaluatorTests
{
    private static readonly DocumentReference Plan = new("doc", "Kế hoạch", "1/KH", "UBND", new DateOnly(2021, 1, 1), "t", ReportingPeriod.Span(2021, 2025));

    private static Target Target(Requirement requirement, Schedule schedule, string indicator = "crime.social-order.cases") => new()
    {
        Id = new TargetId("x.doc.1"),
        Document = Plan,
        Clause = "1",
        Wording = "w",
        Indicator = new IndicatorId(indicator),
        Requirement = requirement,
        Schedule = schedule,
    };

    private static EvaluationContext Context(int asOf, params (string Indicator, string Period, decimal Value)[] figures) =>
        new(new FigureTable(
            new Dataset { Locality = "x", Figures = [.. figures.Select(f => new Figure(new IndicatorId(f.Indicator), ReportingPeriod.Parse(f.Period), f.Value))] },
            IndicatorCatalog.Shared), asOf);

    [Fact]
    public void Evaluate_EachYear_OneResultPerYearUpToAsOf()
    {
        var target = Target(new LevelRequirement(new Bound(Comparison.AtMost, 100)), new Schedule.EachYear());
        var results = TargetEvaluator.Evaluate(target, new BoundCriterion(target.Requirement), Context(2023, ("crime.social-order.cases", "2021", 90), ("crime.social-order.cases", "2023", 120)));

        results.Select(r => (r.Period.StartYear, r.Status)).ShouldBe([
            (2021, AssessmentStatus.Met), (2022, AssessmentStatus.NoData), (2023, AssessmentStatus.NotMet)]);
        results[1].MissingFigures.ShouldHaveSingleItem().ShouldBe(new MissingFigure(new IndicatorId("crime.social-order.cases"), ReportingPeriod.Year(2022)));
    }

    [Fact]
    public void Evaluate_ChangeFromZeroBaseline_IsNoDataWithTheReason()
    {
        var target = Target(new ChangeRequirement(new Baseline.FixedYear(2022), ChangeDirection.Decrease, ChangeMeasure.Relative, new Bound(Comparison.AtLeast, 7)), new Schedule.SingleYear(2023));
        var result = TargetEvaluator.Evaluate(target, new BoundCriterion(target.Requirement), Context(2023, ("crime.social-order.cases", "2022", 0), ("crime.social-order.cases", "2023", 0))).Single();

        result.Status.ShouldBe(AssessmentStatus.NoData);
        result.Note!.ShouldContain("bằng 0");
    }

    [Theory]
    [InlineData(ChangeDirection.Decrease, 3, 2)] // down a third: a share that does not end
    [InlineData(ChangeDirection.Decrease, 7, 9)] // up, counted as a decrease
    [InlineData(ChangeDirection.Increase, 3, 2)]
    [InlineData(ChangeDirection.Decrease, 3, 3)] // no change
    public void Measure_RelativeChange_SubjectIsTheRelativeChangeInTheRequirementsDirection(ChangeDirection direction, int baseline, int value)
    {
        var target = Target(new ChangeRequirement(new Baseline.FixedYear(2022), direction, ChangeMeasure.Relative, new Bound(Comparison.AtLeast, 7)), new Schedule.SingleYear(2023));
        var measurement = TargetEvaluator.Measure(target, 0, Context(2023, ("crime.social-order.cases", "2022", baseline), ("crime.social-order.cases", "2023", value))).Single().Measurement;

        // Exactly the change, counted in the requirement's direction, over the baseline: what PassMark recomputes.
        var directed = direction == ChangeDirection.Decrease ? baseline - (decimal)value : value - (decimal)baseline;
        measurement.Subject.ShouldBe(directed * 100m / baseline);
        measurement.RelativeChange.ShouldBe((value - (decimal)baseline) * 100m / baseline);
    }

    [Fact]
    public void Evaluate_DeadlineBeforeItsYear_ChecksTheStraightLine()
    {
        // From 40% in 2020 to > 80% in 2025: in 2023 the line stands at 40 + 40 × 3/5 = 64%.
        var target = Target(new LevelRequirement(new Bound(Comparison.GreaterThan, 80)), new Schedule.ByDeadline(), "crime.clearance-rate");
        var onTrack = TargetEvaluator.Evaluate(target, new BoundCriterion(target.Requirement), Context(2023, ("crime.clearance-rate", "2020", 40), ("crime.clearance-rate", "2023", 64))).Single();
        var atRisk = TargetEvaluator.Evaluate(target, new BoundCriterion(target.Requirement), Context(2023, ("crime.clearance-rate", "2020", 40), ("crime.clearance-rate", "2023", 63.9m))).Single();

        onTrack.Status.ShouldBe(AssessmentStatus.OnTrack);
        onTrack.Progress!.Expected.ShouldBe(64m);
        atRisk.Status.ShouldBe(AssessmentStatus.AtRisk);
    }

    [Fact]
    public void Evaluate_DeadlineReached_GivesTheFinalVerdict()
    {
        var target = Target(new LevelRequirement(new Bound(Comparison.GreaterThan, 80)), new Schedule.ByDeadline(), "crime.clearance-rate");
        var result = TargetEvaluator.Evaluate(target, new BoundCriterion(target.Requirement), Context(2025, ("crime.clearance-rate", "2025", 80))).Single();

        result.Status.ShouldBe(AssessmentStatus.NotMet);
        result.Period.ShouldBe(ReportingPeriod.Year(2025));
    }

    [Fact]
    public void Evaluate_CumulativeDeadlineMidway_ProjectsTheRunningTotal()
    {
        // 2016–2020 total 1.000; 2021–2022 ran at 170 a year, projecting 850 for 2021–2025: down 15%, so on track for ≥ 10%.
        var target = Target(new ChangeRequirement(new Baseline.PrecedingPlanPeriod(), ChangeDirection.Decrease, ChangeMeasure.Relative, new Bound(Comparison.AtLeast, 10)), new Schedule.ByDeadline(Cumulative: true));
        var result = TargetEvaluator.Evaluate(target, new BoundCriterion(target.Requirement), Context(2022,
            ("crime.social-order.cases", "2016/2020", 1000), ("crime.social-order.cases", "2021", 170), ("crime.social-order.cases", "2022", 170))).Single();

        result.Status.ShouldBe(AssessmentStatus.OnTrack);
        result.Measurement!.Value.Value.ShouldBe(850m);
        result.Measurement!.Value.Subject.ShouldBe(15m);
    }

    [Fact]
    public void Evaluate_PlanOverride_MovesRelativeBaselines()
    {
        var target = Target(new ChangeRequirement(new Baseline.PrecedingPlanPeriod(), ChangeDirection.Decrease, ChangeMeasure.Relative, new Bound(Comparison.AtLeast, 10)), new Schedule.ByDeadline(Cumulative: true));
        var context = Context(2020, ("crime.social-order.cases", "2011/2015", 2351), ("crime.social-order.cases", "2016/2020", 1300)) with { PlanOverride = ReportingPeriod.Span(2016, 2020) };

        var result = TargetEvaluator.Evaluate(target, new BoundCriterion(target.Requirement), context).Single();

        result.BaselinePeriod.ShouldBe(ReportingPeriod.Span(2011, 2015));
        result.Measurement!.Value.Change.ShouldBe(-1051m);
        Math.Round(result.Measurement!.Value.Subject, 1).ShouldBe(44.7m);
        result.Status.ShouldBe(AssessmentStatus.Exceeded);
    }

    [Fact]
    public void Evaluate_ShareCountedFromThePlanStart_PathStartsAtZeroWhenThePlanStarts()
    {
        // "Phấn đấu đến năm 2025, triệt xóa trên 80% số “điểm nóng” về ma túy": hot spots eradicated since 1/1/2021 over
        // those identified since then. At the plan's start none has been eradicated (0%), so in 2023 the line stands at
        // 0 + 80 × 3/5 = 48%, not at the first reported year's 9/46 = 19,6% + (80 − 19,6) × 2/4 = 49,8%.
        var catalog = IndicatorCatalog.Shared.With([
            new Indicator(new("drugs.hotspots.identified"), "điểm nóng đã xác định", new Unit("điểm"), Direction.HigherIsBetter, IndicatorKind.Count) { CountedFromPlanStart = true },
            new Indicator(new("drugs.hotspots.eradicated"), "điểm nóng đã triệt xóa", new Unit("điểm"), Direction.HigherIsBetter, IndicatorKind.Count) { CountedFromPlanStart = true },
            new Indicator(new("drugs.hotspots.eradicated-share"), "tỷ lệ", Unit.Percent, Direction.HigherIsBetter, IndicatorKind.Share, new("drugs.hotspots.eradicated"), new("drugs.hotspots.identified")),
        ]);
        var target = Target(new LevelRequirement(new Bound(Comparison.GreaterThan, 80)), new Schedule.ByDeadline(), "drugs.hotspots.eradicated-share");
        var figures = new[] { ("drugs.hotspots.identified", "2021", 46m), ("drugs.hotspots.eradicated", "2021", 9m), ("drugs.hotspots.identified", "2023", 50m), ("drugs.hotspots.eradicated", "2023", 24m) };
        var context = new EvaluationContext(new FigureTable(
            new Dataset { Locality = "x", Figures = [.. figures.Select(f => new Figure(new IndicatorId(f.Item1), ReportingPeriod.Parse(f.Item2), f.Item3))] }, catalog), 2023);

        var result = TargetEvaluator.Evaluate(target, new BoundCriterion(target.Requirement), context).Single();

        result.Progress!.StartYear.ShouldBe(2020);
        result.Progress.StartValue.ShouldBe(0m);
        result.Progress.Expected.ShouldBe(48m);
        result.Status.ShouldBe(AssessmentStatus.OnTrack);
    }

    [Fact]
    public void Evaluate_CriterionThrows_IsARuleErrorNotAFailedTarget()
    {
        var target = Target(new LevelRequirement(new Bound(Comparison.AtMost, 100)), new Schedule.SingleYear(2023));

        Should.Throw<Errors.RuleSetException>(() => TargetEvaluator.Evaluate(target, new ThrowingCriterion(), Context(2023, ("crime.social-order.cases", "2023", 1))))
            .Message.ShouldContain("x.doc.1");
    }

    /// <summary>The bound semantics of a level or change requirement over counts, for testing the evaluator without a rules engine.</summary>
    private sealed class BoundCriterion(Requirement requirement) : ITargetCriterion
    {
        private readonly Bound _bound = requirement switch
        {
            LevelRequirement level => level.Bound,
            ChangeRequirement change => change.Bound,
            _ => throw new ArgumentException("level or change only", nameof(requirement)),
        };

        public bool IsMet(in Measurement measurement) => _bound.IsSatisfiedBy(measurement.Subject);

        public bool IsExceeded(in Measurement measurement) => PassMark.IsExceeded(requirement, measurement, wholeCounts: true);
    }

    private sealed class ThrowingCriterion : ITargetCriterion
    {
        public bool IsMet(in Measurement measurement) => throw new DivideByZeroException();

        public bool IsExceeded(in Measurement measurement) => false;
    }
}
