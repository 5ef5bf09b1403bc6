using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Targets.Rules.Engine;
using Targets.Rules.Narratives;
using Targets.Rules.Plugins;

namespace Targets.Rules.DependencyInjection;

/// <summary>Registers Targets with Microsoft.Extensions.DependencyInjection.</summary>
public static class TargetsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Targets services: the rule engine (<see cref="IRuleEngine"/>, NRules unless one is already registered), the
    /// <see cref="LocalityRegistry"/> over every registered <see cref="ITargetsPlugin"/> and the rules added with
    /// <see cref="TargetsBuilder.AddRules(string, Type[])"/>, and the
    /// <see cref="NarrativeRenderer"/>. All are singletons: compiled rule sets and parsed templates are shared.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds plugins, e.g. <c>t =&gt; t.AddCanTho().AddPluginFolder("plugins/MyProvince")</c>.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddTargets(this IServiceCollection services, Action<TargetsBuilder>? configure = null)
    {
        services.TryAddSingleton<IRuleEngine>(_ => new NRulesRuleEngine());
        services.TryAddSingleton<NarrativeRenderer>();
        services.TryAddSingleton(provider => new LocalityRegistry(provider.GetServices<ITargetsPlugin>(), provider.GetRequiredService<IRuleEngine>(), provider.GetServices<LocalityRules>()));
        configure?.Invoke(new TargetsBuilder(services));
        return services;
    }
}

/// <summary>Adds locality plugins to a service collection.</summary>
public sealed class TargetsBuilder
{
    internal TargetsBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adds a plugin instance.</summary>
    public TargetsBuilder AddPlugin(ITargetsPlugin plugin)
    {
        Services.AddSingleton(plugin);
        return this;
    }

    /// <summary>Adds a plugin type, created by the container.</summary>
    public TargetsBuilder AddPlugin<TPlugin>()
        where TPlugin : class, ITargetsPlugin
    {
        Services.AddSingleton<ITargetsPlugin, TPlugin>();
        return this;
    }

    /// <summary>
    /// Adds rules written in C# with NRules.Fluent to a locality, beside its plugin's own: each a non-abstract
    /// <c>NRules.Fluent.Dsl.Rule</c> subclass with a constructor taking no arguments. They match the same facts as the
    /// plugin's rules (measured periods, verdicts, units' verdicts) and may insert findings.
    /// </summary>
    /// <param name="locality">The locality code (<c>can-tho</c>).</param>
    /// <param name="ruleTypes">The rules' types.</param>
    public TargetsBuilder AddRules(string locality, params Type[] ruleTypes)
    {
        Services.AddSingleton(new LocalityRules(locality, [.. ruleTypes]));
        return this;
    }

    /// <summary>Adds a plugin shipped as a folder of JSON rule sets, templates and samples.</summary>
    public TargetsBuilder AddPluginFolder(string folder) => AddPlugin(TargetsPlugin.FromFolder(folder));

    /// <summary>Adds every public, non-abstract <see cref="ITargetsPlugin"/> with a parameterless constructor in the assemblies.</summary>
    public TargetsBuilder AddPluginsFromAssemblies(params Assembly[] assemblies)
    {
        foreach (var type in assemblies.SelectMany(a => a.GetExportedTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ITargetsPlugin).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            Services.AddSingleton(typeof(ITargetsPlugin), type);
        }

        return this;
    }
}
