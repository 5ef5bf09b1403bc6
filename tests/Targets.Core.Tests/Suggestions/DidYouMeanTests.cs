using Targets.Core.Suggestions;

namespace Targets.Core.Tests.Suggestions;

public sealed class DidYouMeanTests
{
    [Theory]
    [InlineData("can-th", "can-tho")]
    [InlineData("can-tho-", "can-tho")]
    [InlineData("tay-nihn", "tay-ninh")]
    [InlineData("quang-nin", "quang-ninh")]
    public void Nearest_ASlip_FindsTheCode(string typed, string meant)
    {
        DidYouMean.Nearest(typed, ["can-tho", "quang-ninh", "tay-ninh", "hai-phong"]).ShouldBe([meant]);
    }

    [Fact]
    public void Nearest_SomethingElseAltogether_FindsNothing()
    {
        DidYouMean.Nearest("ha-noi-moi", ["can-tho", "quang-ninh", "tay-ninh", "hai-phong"]).ShouldBeEmpty();
        DidYouMean.Hint("x", ["can-tho"]).ShouldBeEmpty();
    }

    [Fact]
    public void Hint_TwoAsNear_NamesBoth()
    {
        DidYouMean.Hint("drugs.user", ["drugs.users", "drugs.usex", "crime.cases.solved"]).ShouldBe(" (did you mean 'drugs.users' or 'drugs.usex'?)");
    }
}
