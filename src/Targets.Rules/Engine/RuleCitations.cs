using System.Globalization;
using Targets.Core.Errors;

namespace Targets.Rules.Engine;

/// <summary>Where a rule comes from: the file (or assembly and type) to cite, and the rule's id.</summary>
/// <param name="File">The rules file (<c>rules/x.rules.json</c>), or for a rule written in C# its assembly and type.</param>
/// <param name="RuleId">The rule's id: the target id, or the C# rule's name.</param>
internal sealed record RuleCitation(string File, string RuleId);

/// <summary>
/// Every rule of a compiled locality by its NRules name, so that an error anywhere in an evaluation names the plugin, the
/// file and the rule at fault.
/// </summary>
internal sealed class RuleCitations(string locality, IReadOnlyDictionary<string, RuleCitation> rules)
{
    /// <summary>The locality (plugin) code.</summary>
    public string Locality => locality;

    /// <summary>An error about a rule, citing its file.</summary>
    public RuleSetException Error(string? ruleName, string problem, Exception? inner = null)
    {
        if (ruleName is not null && rules.TryGetValue(ruleName, out var citation))
        {
            return new RuleSetException($"plugin '{locality}': {problem}", new SourceLocation(citation.File), citation.RuleId, inner);
        }

        return new RuleSetException($"plugin '{locality}': {problem}", null, ruleName, inner);
    }

    /// <summary>A rule that threw while it ran: a broken rule, never a failed target.</summary>
    public RuleSetException Failed(string? ruleName, Exception cause) =>
        Error(ruleName, $"the rule failed while it ran ({cause.GetType().Name}: {cause.Message})", cause);

    /// <summary>A rule that kept firing past the budget of one evaluation.</summary>
    public RuleSetException KeptFiring(string ruleName, int budget) =>
        Error(ruleName, string.Create(CultureInfo.InvariantCulture, $"the rule keeps firing: the rules fired {budget} times in one evaluation without settling (a rule that inserts or updates what it matches re-fires itself)"));
}
