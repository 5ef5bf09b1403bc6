using Targets.Core.Evaluation;
using Targets.Core.Requirements;

namespace Targets.Core.Tests.Requirements;

public sealed class PassMarkTests
{
    private static readonly LevelRequirement Above80 = new(new Bound(Comparison.GreaterThan, 80));
    private static readonly LevelRequirement From90 = new(new Bound(Comparison.AtLeast, 90));

    private static Measurement Share(decimal numerator, decimal denominator) =>
        new() { Value = numerator * 100m / denominator, Numerator = numerator, Denominator = denominator, Subject = numerator * 100m / denominator };

    private static Measurement Change(ChangeRequirement requirement, decimal baseline, decimal value)
    {
        var directed = requirement.Direction == ChangeDirection.Decrease ? baseline - value : value - baseline;
        var subject = requirement.Measure == ChangeMeasure.Relative ? directed * 100m / baseline : directed;
        return new() { Value = value, HasBaseline = true, Baseline = baseline, Change = value - baseline, Subject = subject };
    }

    private static Measurement Range(ChangeRangeRequirement requirement, decimal baseline, decimal value) =>
        Change(new ChangeRequirement(requirement.Baseline, requirement.Direction, requirement.Measure, new Bound(Comparison.AtLeast, requirement.From)), baseline, value);

    [Fact]
    public void IsExceeded_CeilingOnAChangeZeroOrDeliverable_Never()
    {
        var atMostFivePercentMore = new ChangeRequirement(new Baseline.PreviousYear(), ChangeDirection.Increase, ChangeMeasure.Relative, new Bound(Comparison.AtMost, 5));
        var none = new ZeroRequirement();
        var deliverable = new DeliverableRequirement(3);

        PassMark.IsExceeded(atMostFivePercentMore, Change(atMostFivePercentMore, 200, 150), wholeCounts: true).ShouldBeFalse();
        PassMark.IsExceeded(none, new Measurement(), wholeCounts: true).ShouldBeFalse();
        PassMark.IsExceeded(deliverable, new Measurement { Value = 9, Subject = 9, Quota = 3 }, wholeCounts: true).ShouldBeFalse();
    }

    [Theory]
    [InlineData(Comparison.GreaterThan, 80)]
    [InlineData(Comparison.AtLeast, 90)]
    [InlineData(Comparison.AtLeast, 33.3)]
    [InlineData(Comparison.LessThan, 5)]
    [InlineData(Comparison.AtMost, 12.5)]
    public void IsExceeded_SharesOfCounts_IsAMetValueBeyondItsMark(Comparison comparison, double threshold)
    {
        // Whatever shortcut IsExceeded takes, it is the mark's own reading: met, the mark reached, and beyond it.
        var requirement = new LevelRequirement(new Bound(comparison, (decimal)threshold));
        for (var denominator = 1; denominator <= 120; denominator++)
        {
            for (var numerator = 0; numerator <= denominator; numerator++)
            {
                var measurement = Share(numerator, denominator);
                var expected = requirement.Bound.IsSatisfiedBy(measurement.Subject)
                    && PassMark.Of(requirement, measurement, wholeCounts: false) is { CanBeExceeded: true, IsReached: true } mark
                    && mark.IsPassedBy(measurement.Value)
                    && mark.Beyond(measurement) > 0;

                (requirement.Bound.IsSatisfiedBy(measurement.Subject) && PassMark.IsExceeded(requirement, measurement, wholeCounts: false))
                    .ShouldBe(expected, $"{numerator}/{denominator}");
                PassMark.IsExceeded(requirement, measurement, wholeCounts: false)
                    .ShouldBe(PassMark.Of(requirement, measurement, wholeCounts: false) is { CanBeExceeded: true, IsReached: true } any && any.IsPassedBy(measurement.Value) && any.Beyond(measurement) > 0, $"{numerator}/{denominator}");
            }
        }
    }

    [Theory]
    [InlineData(Comparison.GreaterThan, 5, true)]
    [InlineData(Comparison.AtLeast, 7.5, true)]
    [InlineData(Comparison.AtLeast, 100, true)]
    [InlineData(Comparison.GreaterThan, 80, false)] // a share reported as a percentage: no counts behind it
    [InlineData(Comparison.AtLeast, 80, false)]
    public void IsExceeded_LevelsAndQuotas_IsAMetValueBeyondItsMark(Comparison comparison, double threshold, bool wholeCounts)
    {
        var level = new LevelRequirement(new Bound(comparison, (decimal)threshold));
        var quota = new QuotaRequirement((decimal)threshold, null);
        for (var hundredths = 0; hundredths <= 12_000; hundredths += wholeCounts ? 100 : 1)
        {
            var value = hundredths / 100m;
            var measurement = new Measurement { Value = value, Subject = value, Quota = (decimal)threshold };
            foreach (var requirement in new Requirement[] { level, quota })
            {
                var expected = PassMark.Of(requirement, measurement, wholeCounts) is { CanBeExceeded: true, IsReached: true } mark
                    && mark.IsPassedBy(measurement.Value)
                    && mark.Beyond(measurement) > 0;

                PassMark.IsExceeded(requirement, measurement, wholeCounts).ShouldBe(expected, $"{requirement} at {value}");
            }
        }
    }

    [Theory]
    [InlineData(ChangeDirection.Decrease, ChangeMeasure.Relative, Comparison.AtLeast, 10)]
    [InlineData(ChangeDirection.Decrease, ChangeMeasure.Relative, Comparison.GreaterThan, 7.5)]
    [InlineData(ChangeDirection.Decrease, ChangeMeasure.Absolute, Comparison.AtLeast, 3)]
    [InlineData(ChangeDirection.Increase, ChangeMeasure.Relative, Comparison.GreaterThan, 5)]
    [InlineData(ChangeDirection.Increase, ChangeMeasure.Absolute, Comparison.AtLeast, 2.5)]
    public void IsExceeded_Changes_IsAMetValueBeyondItsMark(ChangeDirection direction, ChangeMeasure measure, Comparison comparison, double amount)
    {
        var requirement = new ChangeRequirement(new Baseline.PreviousYear(), direction, measure, new Bound(comparison, (decimal)amount));
        bool Expected(in Measurement measurement, bool wholeCounts) =>
            PassMark.Of(requirement, measurement, wholeCounts) is { CanBeExceeded: true, IsReached: true } mark && mark.IsPassedBy(measurement.Value) && mark.Beyond(measurement) > 0;

        // Counts of whole things, from several baselines (a zero one too).
        foreach (var baseline in new[] { 0m, 7m, 50m, 120m })
        {
            for (var value = 0; value <= 200; value++)
            {
                var measurement = Change(requirement, baseline == 0 ? 1 : baseline, value) with { Baseline = baseline };
                PassMark.IsExceeded(requirement, measurement, wholeCounts: true).ShouldBe(Expected(measurement, wholeCounts: true), $"{value} from {baseline}");
                PassMark.IsExceeded(requirement, measurement, wholeCounts: false).ShouldBe(Expected(measurement, wholeCounts: false), $"{value} from {baseline}, not whole");
            }
        }

        // Shares of counts, from a share the year before.
        foreach (var baseline in new[] { 40m, 55.5m })
        {
            for (var denominator = 1; denominator <= 60; denominator++)
            {
                for (var numerator = 0; numerator <= denominator; numerator++)
                {
                    var share = Share(numerator, denominator) with { HasBaseline = true, Baseline = baseline };
                    PassMark.IsExceeded(requirement, share, wholeCounts: false).ShouldBe(Expected(share, wholeCounts: false), $"{numerator}/{denominator} from {baseline}%");
                }
            }
        }
    }

    [Theory]
    [InlineData("79228162514264337593543950330", "79228162514264337593543950330", "0", "0")] // a quota at decimal's edge: threshold + 3 overflows
    [InlineData("1000000000000000000000000000", "90", "1000000000000000000000000000", "1000000000000000000000000001")] // counts far beyond 10^15
    [InlineData("5", "80", "3", "4")]
    public void IsExceeded_MagnitudesAnywhereInDecimalsRange_GivesTheMarksReading(string value, string threshold, string numerator, string denominator)
    {
        static decimal Read(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var measurement = new Measurement { Value = Read(value), Subject = Read(value), Numerator = Read(numerator), Denominator = Read(denominator), Quota = Read(threshold) };

        foreach (var requirement in new Requirement[] { new LevelRequirement(new Bound(Comparison.AtLeast, Read(threshold))), new QuotaRequirement(null, new global::Targets.Core.Indicators.IndicatorId("crime.social-order.cases")) })
        {
            foreach (var wholeCounts in new[] { true, false })
            {
                bool? expected;
                try
                {
                    expected = PassMark.Of(requirement, measurement, wholeCounts) is { CanBeExceeded: true, IsReached: true } mark
                        && mark.IsPassedBy(measurement.Value)
                        && mark.Beyond(measurement) > 0;
                }
                catch (OverflowException)
                {
                    // Where the mark's own arithmetic overflows, so does the answer: bad data, never a verdict.
                    expected = null;
                }

                if (expected is { } answer)
                {
                    PassMark.IsExceeded(requirement, measurement, wholeCounts).ShouldBe(answer, $"{requirement}, whole counts {wholeCounts}");
                }
                else
                {
                    Should.Throw<OverflowException>(() => PassMark.IsExceeded(requirement, measurement, wholeCounts));
                }
            }
        }
    }

    [Fact]
    public void Of_StrictBoundOnAShareOfCounts_IsTheFirstCountAboveTheThreshold()
    {
        // "trên 80%" of 3.000: 2.400 is exactly 80% and fails; 2.401 (80,03%) is the first that passes.
        var mark = PassMark.Of(Above80, Share(2400, 3000), wholeCounts: false)!.Value;

        mark.Side.ShouldBe(PassSide.AtLeast);
        mark.Count.ShouldBe(2401);
        mark.Denominator.ShouldBe(3000);
        mark.IsReached.ShouldBeTrue();
        Math.Round(mark.Value, 2).ShouldBe(80.03m);
    }

    [Theory]
    [InlineData(2400, 1)] // exactly 80%: one person short of 2.401
    [InlineData(2390, 11)]
    [InlineData(2401, 0)]
    public void GapFrom_StrictBoundOnAShareOfCounts_CountsToTheFirstPassingCount(int numerator, int gap)
    {
        var measurement = Share(numerator, 3000);

        PassMark.Of(Above80, measurement, wholeCounts: false)!.Value.GapFrom(measurement).ShouldBe(gap);
    }

    [Theory]
    [InlineData(2401, false)] // reaching the first passing count is "đạt"
    [InlineData(2402, true)] // going beyond it is "vượt"
    public void IsExceeded_StrictBound_OnlyBeyondTheFirstPassingCount(int numerator, bool exceeded)
    {
        PassMark.IsExceeded(Above80, Share(numerator, 3000), wholeCounts: false).ShouldBe(exceeded);
    }

    [Theory]
    [InlineData(567, false)] // 567/630 = 90,0%: the threshold itself is "đạt"
    [InlineData(568, true)]
    public void IsExceeded_InclusiveBound_OnlyBeyondTheThreshold(int numerator, bool exceeded)
    {
        PassMark.IsExceeded(From90, Share(numerator, 630), wholeCounts: false).ShouldBe(exceeded);
    }

    [Fact]
    public void IsExceeded_InclusiveBoundWhoseFirstPassingCountIsAbove_ReachingItIsMet()
    {
        // "từ 75%" of 1: the first count that reaches 75% is 1 (100%); reaching it is "đạt", the same rule as "trên X".
        PassMark.IsExceeded(new LevelRequirement(new Bound(Comparison.AtLeast, 75)), Share(1, 1), wholeCounts: false).ShouldBeFalse();
    }

    [Fact]
    public void Of_StrictDecreaseFromABaselineCount_NeedsOneBelowTheBaseline()
    {
        // Tây Ninh: addicts "thấp hơn" 2.683, reported 4.225: the first passing count is 2.682, so 1.543 too many.
        var lower = new ChangeRequirement(new Baseline.PrecedingPlanPeriod(), ChangeDirection.Decrease, ChangeMeasure.Absolute, new Bound(Comparison.GreaterThan, 0));
        var measurement = Change(lower, 2683, 4225);

        var mark = PassMark.Of(lower, measurement, wholeCounts: true)!.Value;

        mark.Side.ShouldBe(PassSide.AtMost);
        mark.Value.ShouldBe(2682);
        mark.GapFrom(measurement).ShouldBe(1543);
    }

    [Theory]
    [InlineData(141, false)] // 152 less 7% is 141,36: 141 is the first count that reaches it
    [InlineData(140, true)]
    public void IsExceeded_RelativeDecreaseOfCounts_BeyondTheFirstPassingCount(int value, bool exceeded)
    {
        var down7 = new ChangeRequirement(new Baseline.FixedYear(2022), ChangeDirection.Decrease, ChangeMeasure.Relative, new Bound(Comparison.AtLeast, 7));

        PassMark.IsExceeded(down7, Change(down7, 152, value), wholeCounts: true).ShouldBe(exceeded);
    }

    [Fact]
    public void GapFrom_RelativeIncreaseOfCounts_IsTheCountsStillNeeded()
    {
        // "tăng từ 5%" over 588: 617,4 is needed, so 618; 600 is 18 short.
        var up5 = new ChangeRequirement(new Baseline.PreviousYear(), ChangeDirection.Increase, ChangeMeasure.Relative, new Bound(Comparison.AtLeast, 5));
        var measurement = Change(up5, 588, 600);

        var mark = PassMark.Of(up5, measurement, wholeCounts: true)!.Value;

        mark.Value.ShouldBe(618);
        mark.GapFrom(measurement).ShouldBe(18);
    }

    [Fact]
    public void Of_RangeOfDecrease_IsItsLowerEnd()
    {
        // "giảm từ 3% - 5%" from 1.130: at most 1.096 (a 3% fall is 1.096,1).
        var range = new ChangeRangeRequirement(new Baseline.SamePeriodPreviousYear(), ChangeDirection.Decrease, ChangeMeasure.Relative, 3, 5);
        var measurement = Range(range, 1130, 1110);

        var mark = PassMark.Of(range, measurement, wholeCounts: true)!.Value;

        mark.Value.ShouldBe(1096);
        mark.GapFrom(measurement).ShouldBe(14);
    }

    [Theory]
    [InlineData(1140, false)] // a 5% fall: the upper end is still "đạt"
    [InlineData(1139, true)]
    public void IsExceeded_Range_OnlyBeyondItsUpperEnd(int value, bool exceeded)
    {
        var range = new ChangeRangeRequirement(new Baseline.SamePeriodPreviousYear(), ChangeDirection.Decrease, ChangeMeasure.Relative, 3, 5);

        PassMark.IsExceeded(range, Range(range, 1200, value), wholeCounts: true).ShouldBe(exceeded);
    }

    [Theory]
    [InlineData(Comparison.LessThan, 1, 0)]
    [InlineData(Comparison.AtMost, 10, 2)]
    public void IsExceeded_Ceiling_Never(Comparison comparison, int threshold, int value)
    {
        var ceiling = new LevelRequirement(new Bound(comparison, threshold));

        PassMark.IsExceeded(ceiling, new Measurement { Value = value, Subject = value }, wholeCounts: true).ShouldBeFalse();
    }

    [Fact]
    public void Of_StrictBoundOnAShareWithoutCounts_IsNotReachedAndNeverExceeded()
    {
        // A percentage reported without its counts has no step: "trên 80%" is passed only beyond 80, by any amount.
        var measurement = new Measurement { Value = 95, Subject = 95 };

        var mark = PassMark.Of(Above80, measurement, wholeCounts: false)!.Value;

        mark.IsReached.ShouldBeFalse();
        mark.Count.ShouldBeNull();
        PassMark.IsExceeded(Above80, measurement, wholeCounts: false).ShouldBeFalse();
    }

    [Fact]
    public void Of_RelativeChangeFromZeroBaseline_HasNoMark()
    {
        var up5 = new ChangeRequirement(new Baseline.PreviousYear(), ChangeDirection.Increase, ChangeMeasure.Relative, new Bound(Comparison.AtLeast, 5));

        PassMark.Of(up5, new Measurement { Value = 3, HasBaseline = true, Baseline = 0 }, wholeCounts: true).ShouldBeNull();
    }

    [Fact]
    public void Of_Quota_IsTheQuotaAndAboveItIsExceeded()
    {
        var quota = new QuotaRequirement(600, null);
        var measurement = new Measurement { Value = 587, Quota = 600, Subject = 587 };

        PassMark.Of(quota, measurement, wholeCounts: true)!.Value.GapFrom(measurement).ShouldBe(13);
        PassMark.IsExceeded(quota, new Measurement { Value = 600, Quota = 600, Subject = 600 }, wholeCounts: true).ShouldBeFalse();
        PassMark.IsExceeded(quota, new Measurement { Value = 601, Quota = 600, Subject = 601 }, wholeCounts: true).ShouldBeTrue();
    }
}
