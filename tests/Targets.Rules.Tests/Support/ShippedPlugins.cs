using Targets.Core.Data;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Rules.Engine;
using Targets.Rules.Plugins;
using Targets.Tests.Shared;

namespace Targets.Rules.Tests.Support;

/// <summary>The shipped plugins read from their folders, compiled once per test run, and a figure written short.</summary>
internal static class ShippedPlugins
{
    public static readonly Lazy<(TargetsPlugin Plugin, ICompiledRuleSet Rules)> QuangNinh = new(() => Load("QuangNinh"));
    public static readonly Lazy<(TargetsPlugin Plugin, ICompiledRuleSet Rules)> CanTho = new(() => Load("CanTho"));
    public static readonly Lazy<(TargetsPlugin Plugin, ICompiledRuleSet Rules)> TayNinh = new(() => Load("TayNinh"));

    /// <summary>A figure: indicator, period, value, and optionally its unit and boundary.</summary>
    public static Figure F(string indicator, string period, decimal value, string? unit = null, string? boundary = null) =>
        new(new IndicatorId(indicator), ReportingPeriod.Parse(period), value, unit, Boundary: boundary);

    private static (TargetsPlugin, ICompiledRuleSet) Load(string folder)
    {
        var plugin = TargetsPlugin.FromFolder(Path.Combine(Golden.RepositoryRoot(), "plugins", folder));
        return (plugin, new NRulesRuleEngine().Compile(plugin.Locality, plugin.LoadRuleSets()));
    }
}
