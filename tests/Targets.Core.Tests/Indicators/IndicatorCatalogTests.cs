using Targets.Core.Errors;
using Targets.Core.Indicators;

namespace Targets.Core.Tests.Indicators;

public sealed class IndicatorCatalogTests
{
    [Fact]
    public void Shared_EveryShare_NamesCountsThatExist()
    {
        foreach (var share in IndicatorCatalog.Shared.Where(i => i.IsShare))
        {
            IndicatorCatalog.Shared.Get(share.Numerator!.Value).IsShare.ShouldBeFalse();
            IndicatorCatalog.Shared.Get(share.Denominator!.Value).IsShare.ShouldBeFalse();
        }
    }

    [Fact]
    public void With_RedefiningAnIdDifferently_Throws()
    {
        var changed = IndicatorCatalog.Shared.Get(new IndicatorId("drugs.addicts")) with { Name = "khác" };

        Should.Throw<RuleSetException>(() => IndicatorCatalog.Shared.With([changed])).Message.ShouldContain("already defined differently");
    }

    [Fact]
    public void With_ShareNamingMissingCount_Throws()
    {
        var share = new Indicator(new IndicatorId("x.share"), "x", Unit.Percent, Direction.HigherIsBetter, IndicatorKind.Share, new IndicatorId("x.top"), new IndicatorId("x.bottom"));

        Should.Throw<RuleSetException>(() => IndicatorCatalog.Shared.With([share]));
    }

    [Fact]
    public void IndicatorId_NotDotted_IsRefused()
    {
        Should.Throw<ArgumentException>(() => new IndicatorId("Crime Cases"));
    }
}
