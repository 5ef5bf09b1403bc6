using System.Collections.Frozen;
using Scriban.Runtime;

namespace Targets.Rules.Narratives.Rendering.Direct;

/// <summary>
/// The functions a direct rendering calls itself: those of the built-in modules (<c>string</c>, <c>math</c>, <c>array</c> …)
/// and <c>vi</c>, which compute a value from their arguments and touch nothing else. Left to Scriban: <c>include</c> and
/// every function at the top level, functions a template defines, and those that evaluate a template or call back a
/// function (<c>object.eval</c>, <c>object.eval_template</c>, <c>array.each</c>, <c>array.filter</c>).
/// </summary>
internal static class DirectFunctions
{
    private static readonly string[] LeftToScriban = ["object.eval", "object.eval_template", "array.each", "array.filter"];

    private static readonly FrozenSet<IScriptCustomFunction> Allowed = Create();

    public static bool Allows(IScriptCustomFunction function) => Allowed.Contains(function);

    private static FrozenSet<IScriptCustomFunction> Create()
    {
        var allowed = new HashSet<IScriptCustomFunction>(ReferenceEqualityComparer.Instance);
        foreach (var (module, members) in DeterministicBuiltins.Instance)
        {
            if (members is ScriptObject functions)
            {
                foreach (var (name, value) in functions)
                {
                    if (value is IScriptCustomFunction function && !LeftToScriban.Contains($"{module}.{name}"))
                    {
                        allowed.Add(function);
                    }
                }
            }
        }

        allowed.UnionWith(VietnameseFunctions.Instance.Values.OfType<IScriptCustomFunction>());
        return allowed.ToFrozenSet<IScriptCustomFunction>(ReferenceEqualityComparer.Instance);
    }
}
