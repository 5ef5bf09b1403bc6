using Microsoft.Extensions.DependencyInjection;
using Targets.Rules.DependencyInjection;
using Targets.Rules.Engine;
using Targets.Rules.Narratives;
using Targets.Rules.Plugins;

namespace Targets.Rules.Tests.DependencyInjection;

public sealed class TargetsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddTargets_WithAFolderPlugin_ResolvesRegistryEngineAndRenderer()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Inputs", "folder-plugin");
        using var provider = new ServiceCollection().AddTargets(t => t.AddPluginFolder(folder)).BuildServiceProvider();

        var registry = provider.GetRequiredService<LocalityRegistry>();

        provider.GetRequiredService<IRuleEngine>().ShouldBeOfType<NRulesRuleEngine>();
        provider.GetRequiredService<NarrativeRenderer>().ShouldNotBeNull();
        registry.Plugins.Select(p => p.Manifest.Code).ShouldBe(["vi-du"]);
        registry.Compile("vi-du").ShouldBeSameAs(registry.Compile("vi-du"));
    }

    [Fact]
    public void Get_UnknownLocality_ListsTheKnownOnes()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Inputs", "folder-plugin");
        using var provider = new ServiceCollection().AddTargets(t => t.AddPluginFolder(folder)).BuildServiceProvider();

        Should.Throw<Core.Errors.RuleSetException>(() => provider.GetRequiredService<LocalityRegistry>().Get("atlantis"))
            .Message.ShouldContain("known: vi-du");
    }
}
