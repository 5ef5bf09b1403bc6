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
    /// Adds the Targets services: the rule engine (<see cref="IRuleEngine"/>, Microsoft RulesEngine unless one is already
    /// registered), the <see cref="LocalityRegistry"/> over every registered <see cref="ITargetsPlugin"/>, and the
    /// <see cref="NarrativeRenderer"/>. All are singletons: compiled rule sets and parsed templates are shared.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds plugins, e.g. <c>t =&gt; t.AddCanTho().AddPluginFolder("plugins/MyProvince")</c>.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddTargets(this IServiceCollection services, Action<TargetsBuilder>? configure = null)
    {
        services.TryAddSingleton<IRuleEngine>(_ => new RulesEngineRuleEngine());
        services.TryAddSingleton<NarrativeRenderer>();
        services.TryAddSingleton(provider => new LocalityRegistry(provider.GetServices<ITargetsPlugin>(), provider.GetRequiredService<IRuleEngine>()));
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
