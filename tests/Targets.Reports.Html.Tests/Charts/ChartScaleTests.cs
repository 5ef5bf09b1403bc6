using Targets.Reports.Html.Charts;

namespace Targets.Reports.Html.Tests.Charts;

public sealed class ChartScaleTests
{
    [Theory]
    [InlineData(new[] { 84.2, 80 }, 0, 100, 25)]
    [InlineData(new[] { 1020.0, 1250 }, 0, 1500, 500)]
    [InlineData(new[] { 0.0, 0 }, 0, 1, 0.25)]
    [InlineData(new[] { 3.0, 7 }, 0, 8, 2)]
    [InlineData(new[] { -4.0, 6 }, -5, 7.5, 2.5)]
    public void For_Values_GivesRoundTicksCoveringThem(double[] values, double bottom, double top, double step)
    {
        var scale = ChartScale.For(values.Select(v => (decimal)v));

        scale.ShouldBe(new ChartScale((decimal)bottom, (decimal)top, (decimal)step));
        scale.Ticks().First().ShouldBe((decimal)bottom);
        scale.Ticks().Last().ShouldBe((decimal)top);
    }

    [Fact]
    public void Fraction_Bounds_AreZeroAndOne()
    {
        var scale = ChartScale.For([0m, 84.2m]);

        scale.Fraction(0m).ShouldBe(0m);
        scale.Fraction(100m).ShouldBe(1m);
    }
}
