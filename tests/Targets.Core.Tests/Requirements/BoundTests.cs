using Targets.Core.Requirements;

namespace Targets.Core.Tests.Requirements;

public sealed class BoundTests
{
    [Theory]
    [InlineData(Comparison.GreaterThan, 80, 80, false)]
    [InlineData(Comparison.GreaterThan, 80, 80.01, true)]
    [InlineData(Comparison.AtLeast, 80, 80, true)]
    [InlineData(Comparison.AtLeast, 80, 79.99, false)]
    [InlineData(Comparison.LessThan, 1, 1, false)]
    [InlineData(Comparison.LessThan, 1, 0.99, true)]
    [InlineData(Comparison.AtMost, 0, 0, true)]
    [InlineData(Comparison.AtMost, 0, 1, false)]
    [InlineData(Comparison.EqualTo, 0, 0, true)]
    public void IsSatisfiedBy_AtAndAroundTheThreshold_FollowsTheWording(Comparison comparison, double threshold, double value, bool expected)
    {
        new Bound(comparison, (decimal)threshold).IsSatisfiedBy((decimal)value).ShouldBe(expected);
    }
}
