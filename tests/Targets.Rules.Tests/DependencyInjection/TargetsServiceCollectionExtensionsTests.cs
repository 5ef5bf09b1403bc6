using Microsoft.Extensions.DependencyInjection;
using NRules.Fluent.Dsl;
using Targets.Core.Evaluation;
using Targets.Plugins.CanTho;
using Targets.Plugins.HaiPhong;
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

    [Fact]
    public void AddRules_ToALocality_JoinsTheApplicationsRuleToThePluginsOwn()
    {
        using var provider = new ServiceCollection()
            .AddTargets(t => t.AddCanTho().AddHaiPhong().AddRules("can-tho", typeof(ReviewEveryTargetNotMet)))
            .BuildServiceProvider();
        var registry = provider.GetRequiredService<LocalityRegistry>();

        var canTho = registry.Compile("can-tho").Evaluate(registry.Get("can-tho").LoadSample());
        var haiPhong = registry.Compile("hai-phong").Evaluate(registry.Get("hai-phong").LoadSample());

        var notMet = canTho.Results.Where(r => r.Status == AssessmentStatus.NotMet).ToList();
        notMet.ShouldNotBeEmpty();
        canTho.Findings.Select(f => (f.Target.Id, f.Period, f.Kind)).ShouldBe(notMet.Select(r => (r.Target.Id, r.Period, "review")));
        haiPhong.Findings.ShouldHaveSingleItem().Kind.ShouldBe("accountability");
    }

    /// <summary>An application's own rule: every target not met in a period is to be reviewed.</summary>
    public sealed class ReviewEveryTargetNotMet : Rule
    {
        public override void Define()
        {
            Verdict verdict = null!;
            When().Match(() => verdict, v => v.Status == AssessmentStatus.NotMet);
            Then().Do(context => context.Insert(Review(verdict)));
        }

        private static Finding Review(Verdict verdict) => new(verdict.Target, verdict.Period, "review", "Xem xét nguyên nhân không đạt", []);
    }
}
