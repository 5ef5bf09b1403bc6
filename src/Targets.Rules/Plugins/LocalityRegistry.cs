using System.Collections.Concurrent;
using Targets.Core.Errors;
using Targets.Core.Suggestions;
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
    private readonly ConcurrentDictionary<string, Lazy<ICompiledRuleSet>> _compiled = new(StringComparer.Ordinal);

    /// <summary>Creates a registry over plugins.</summary>
    /// <exception cref="RuleSetException">Two plugins claim the same locality code.</exception>
    public LocalityRegistry(IEnumerable<ITargetsPlugin> plugins, IRuleEngine engine)
    {
        _engine = engine;
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
            $"unknown locality '{locality}'{DidYouMean.Hint(locality, _plugins.Select(p => p.Manifest.Code))} (known: {string.Join(", ", _plugins.Select(p => p.Manifest.Code))})", null);

    /// <summary>The compiled rule sets of a locality, compiled on first use.</summary>
    /// <exception cref="RuleSetException">No plugin serves that locality, or its rules do not compile.</exception>
    public ICompiledRuleSet Compile(string locality)
    {
        var plugin = Get(locality);
        var lazy = _compiled.GetOrAdd(locality, _ => new Lazy<ICompiledRuleSet>(() => _engine.Compile(plugin.Locality, plugin.LoadRuleSets())));
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
