using Targets.Core.Documents;
using Targets.Core.Indicators;
using Targets.Core.Tasks;
using Targets.Core.Targets;

namespace Targets.Rules.RuleSets;

/// <summary>
/// The targets of one source document, as authored (in JSON or with <see cref="RuleSetBuilder"/>): the model of the
/// rules, independent of the engine that runs them.
/// </summary>
public sealed record RuleSet
{
    /// <summary>The document.</summary>
    public required DocumentReference Document { get; init; }

    /// <summary>Indicators the rule set adds to the shared catalog.</summary>
    public IReadOnlyList<Indicator> Indicators { get; init; } = [];

    /// <summary>The targets (measured, composite and expression rules), in document order.</summary>
    public required IReadOnlyList<Target> Targets { get; init; }

    /// <summary>Goals with no number.</summary>
    public IReadOnlyList<UnmeasuredGoal> Goals { get; init; } = [];

    /// <summary>Dated tasks.</summary>
    public IReadOnlyList<PlanTask> Tasks { get; init; } = [];

    /// <summary>
    /// Whether the rule set re-reads the results a document reports for a period before its own plan (Tây Ninh's account
    /// of 2016–2020 in its 2021–2025 directive): the report shows it as a section of its own, outside the tally of the plan
    /// being carried out.
    /// </summary>
    public bool IsRetrospective { get; init; }

    /// <summary>A reading that holds for every target of the rule set, stated once in the report's annex; null when none.</summary>
    public string? Reading { get; init; }

    /// <summary>Where it was read from (a file or resource name), for error messages.</summary>
    public required string Origin { get; init; }
}
