using System.Collections.Concurrent;
using Targets.Core.Errors;
using Targets.Core.Suggestions;
using Targets.Rules.Engine;

namespace Targets.Rules.Plugins;

/// <summary>
/// The registered plugins by locality code. A plugin's manifest is read when a locality is first looked up, and its rule
/// sets are read and compiled the first time they are asked for, once, then shared: thread-safe. A plugin that cannot be
/// read (a broken plugin folder) fails only a lookup it could have answered: one for a code no other plugin serves, or
/// the full listing.
/// </summary>
public sealed class LocalityRegistry
{
    private readonly IRuleEngine _engine;
    private readonly IReadOnlyList<ITargetsPlugin> _registered;
    private readonly IReadOnlyList<LocalityRules> _rules;
    private readonly ConcurrentDictionary<string, Lazy<ICompiledRuleSet>> _compiled = new(StringComparer.Ordinal);

    /// <summary>Creates a registry over plugins; nothing is read yet.</summary>
    /// <param name="plugins">The plugins.</param>
    /// <param name="engine">The rule engine.</param>
    /// <param name="rules">Rules an application adds to a locality, beside its plugin's own.</param>
    public LocalityRegistry(IEnumerable<ITargetsPlugin> plugins, IRuleEngine engine, IEnumerable<LocalityRules>? rules = null)
    {
        _engine = engine;
        _rules = [.. rules ?? []];
        _registered = [.. plugins];
    }

    /// <summary>The plugins, by locality code.</summary>
    /// <exception cref="TargetsException">A plugin's manifest cannot be read, or two plugins claim the same locality code.</exception>
    public IReadOnlyList<ITargetsPlugin> Plugins
    {
        get
        {
            var (readable, broken) = ReadManifests();
            if (broken is not null)
            {
                throw broken;
            }

            foreach (var group in readable.GroupBy(p => p.Manifest.Code, StringComparer.Ordinal))
            {
                Single(group.Key, [.. group]);
            }

            return [.. readable.OrderBy(p => p.Manifest.Code, StringComparer.Ordinal)];
        }
    }

    /// <summary>The plugin of a locality.</summary>
    /// <exception cref="RuleSetException">No plugin serves that locality, or two do.</exception>
    /// <exception cref="TargetsException">No readable plugin serves that locality and a plugin cannot be read: its error.</exception>
    public ITargetsPlugin Get(string locality)
    {
        var (readable, broken) = ReadManifests();
        var matches = readable.Where(p => string.Equals(p.Manifest.Code, locality, StringComparison.Ordinal)).ToList();
        if (matches.Count == 0 && broken is not null)
        {
            // The plugin that cannot be read may be the one asked for: its own error says more than "unknown locality".
            throw broken;
        }

        return matches.Count == 0
            ? throw new RuleSetException(
                $"unknown locality '{locality}'{DidYouMean.Hint(locality, readable.Select(p => p.Manifest.Code))} (known: {string.Join(", ", readable.Select(p => p.Manifest.Code).Order(StringComparer.Ordinal))})", null)
            : Single(locality, matches);
    }

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

    /// <summary>The plugins whose manifest reads, and the error of the first that does not.</summary>
    private (List<ITargetsPlugin> Readable, TargetsException? Broken) ReadManifests()
    {
        var readable = new List<ITargetsPlugin>(_registered.Count);
        TargetsException? broken = null;
        foreach (var plugin in _registered)
        {
            try
            {
                _ = plugin.Manifest;
                readable.Add(plugin);
            }
            catch (TargetsException exception)
            {
                broken ??= exception;
            }
        }

        return (readable, broken);
    }

    private static ITargetsPlugin Single(string code, List<ITargetsPlugin> claimants) => claimants.Count == 1
        ? claimants[0]
        : throw new RuleSetException($"two plugins claim locality '{code}'", null);
}

/// <summary>Rules written in C# (<c>NRules.Fluent.Dsl.Rule</c> subclasses) that an application adds to a locality.</summary>
/// <param name="Locality">The locality code.</param>
/// <param name="RuleTypes">The rules' types.</param>
public sealed record LocalityRules(string Locality, IReadOnlyList<Type> RuleTypes);
