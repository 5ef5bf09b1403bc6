using System.Collections.Concurrent;
using Targets.Core.Errors;
using Targets.Rules.Engine;

namespace Targets.Rules.Plugins;

/// <summary>
/// The registered plugins by locality code. A locality's rule sets are read and compiled the first time they are asked
/// for, once, then shared: thread-safe.
/// </summary>
public sealed class LocalityRegistry
{
    private readonly IRuleEngine _engine;
    private readonly IReadOnlyList<ITargetsPlugin> _plugins;
    private readonly IReadOnlyList<LocalityRules> _rules;
    private readonly ConcurrentDictionary<string, Lazy<ICompiledRuleSet>> _compiled = new(StringComparer.Ordinal);

    /// <summary>Creates a registry over plugins.</summary>
    /// <param name="plugins">The plugins.</param>
    /// <param name="engine">The rule engine.</param>
    /// <param name="rules">Rules an application adds to a locality, beside its plugin's own.</param>
    /// <exception cref="RuleSetException">Two plugins claim the same locality code.</exception>
    public LocalityRegistry(IEnumerable<ITargetsPlugin> plugins, IRuleEngine engine, IEnumerable<LocalityRules>? rules = null)
    {
        _engine = engine;
        _rules = [.. rules ?? []];
        _plugins = [.. plugins.OrderBy(p => p.Manifest.Code, StringComparer.Ordinal)];
        var duplicate = _plugins.GroupBy(p => p.Manifest.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new RuleSetException($"two plugins claim locality '{duplicate.Key}'", null);
        }
    }

    /// <summary>The plugins, by locality code.</summary>
    public IReadOnlyList<ITargetsPlugin> Plugins => _plugins;

    /// <summary>The plugin of a locality.</summary>
    /// <exception cref="RuleSetException">No plugin serves that locality.</exception>
    public ITargetsPlugin Get(string locality) =>
        _plugins.FirstOrDefault(p => string.Equals(p.Manifest.Code, locality, StringComparison.Ordinal))
        ?? throw new RuleSetException(
            $"unknown locality '{locality}' (known: {string.Join(", ", _plugins.Select(p => p.Manifest.Code))})", null);

    /// <summary>The compiled rule sets of a locality, compiled on first use.</summary>
    /// <exception cref="RuleSetException">No plugin serves that locality, or its rules do not compile.</exception>
    public ICompiledRuleSet Compile(string locality)
    {
        var plugin = Get(locality);
        var lazy = _compiled.GetOrAdd(locality, _ => new Lazy<ICompiledRuleSet>(() => _engine.Compile(
            plugin.Locality,
            plugin.LoadRuleSets(),
            [.. plugin.RuleTypes, .. _rules.Where(r => string.Equals(r.Locality, locality, StringComparison.Ordinal)).SelectMany(r => r.RuleTypes)])));
        try
        {
            return lazy.Value;
        }
        catch (TargetsException)
        {
            _compiled.TryRemove(locality, out _);
            throw;
        }
    }
}

/// <summary>Rules written in C# (<c>NRules.Fluent.Dsl.Rule</c> subclasses) that an application adds to a locality.</summary>
/// <param name="Locality">The locality code.</param>
/// <param name="RuleTypes">The rules' types.</param>
public sealed record LocalityRules(string Locality, IReadOnlyList<Type> RuleTypes);
