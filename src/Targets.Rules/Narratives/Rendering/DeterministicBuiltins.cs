using Scriban;
using Scriban.Runtime;

namespace Targets.Rules.Narratives.Rendering;

/// <summary>
/// Scriban's built-in functions less every source of the clock or of chance, read-only. A report must be a function of its
/// input: <c>date.now</c>, <c>date.utc_now</c>, <c>math.random</c> and <c>math.uuid</c> are gone, and so is
/// <c>date.parse</c>, which fills a missing date with today's. Every object is frozen, because one set serves every
/// rendering: <c>date.format = …</c> in one report must not change the next.
/// </summary>
internal static class DeterministicBuiltins
{
    /// <summary>The members removed, as <c>object.member</c>.</summary>
    public static IReadOnlyList<string> Removed { get; } = ["date.now", "date.utc_now", "date.parse", "date.parse_to_string", "math.random", "math.uuid"];

    public static ScriptObject Instance { get; } = Create();

    private static ScriptObject Create()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        foreach (var member in Removed)
        {
            var dot = member.IndexOf('.', StringComparison.Ordinal);
            if (builtins[member[..dot]] is ScriptObject owner)
            {
                owner.Remove(member[(dot + 1)..]);
            }
        }

        foreach (var owner in builtins.Values.OfType<ScriptObject>())
        {
            owner.IsReadOnly = true;
        }

        builtins.IsReadOnly = true;
        return builtins;
    }
}
