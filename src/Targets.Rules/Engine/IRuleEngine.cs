using Targets.Core.Data;
using Targets.Core.Evaluation;
using Targets.Core.Indicators;
using Targets.Core.Periods;
using Targets.Core.Successions;
using Targets.Rules.RuleSets;

namespace Targets.Rules.Engine;

/// <summary>
/// Compiles a locality's rules: the targets of its rule sets (authored in JSON or with <see cref="RuleSetBuilder"/>) and
/// any rules written in C# with NRules.Fluent. The shipped implementation is <see cref="NRulesRuleEngine"/>.
/// </summary>
public interface IRuleEngine
{
    /// <summary>
    /// Compiles a locality's rule sets once. Every expression is checked and compiled now, so a broken rule fails here,
    /// naming the plugin, file and rule, and never later as a failed target.
    /// </summary>
    /// <param name="locality">The locality code and name.</param>
    /// <param name="ruleSets">The rule sets.</param>
    /// <exception cref="Core.Errors.RuleSetException">A rule does not compile or is not allowed.</exception>
    ICompiledRuleSet Compile(Locality locality, IReadOnlyList<RuleSet> ruleSets) => Compile(locality, ruleSets, []);

    /// <summary>
    /// Compiles a locality's rule sets together with rules written in C# (<c>NRules.Fluent.Dsl.Rule</c> subclasses),
    /// which match the same facts: measured periods, verdicts, units' verdicts.
    /// </summary>
    /// <param name="locality">The locality code and name.</param>
    /// <param name="ruleSets">The rule sets.</param>
    /// <param name="ruleTypes">The C# rules' types.</param>
    /// <exception cref="Core.Errors.RuleSetException">
    /// A rule does not compile or is not allowed, a type is not a rule, or two rules have the same name.
    /// </exception>
    ICompiledRuleSet Compile(Locality locality, IReadOnlyList<RuleSet> ruleSets, IReadOnlyList<Type> ruleTypes);
}

/// <summary>A locality: its code (<c>can-tho</c>) and Vietnamese name.</summary>
/// <param name="Code">The code.</param>
/// <param name="Name">The name.</param>
/// <param name="UnitName">The administrative unit as reports write it (<c>thành phố Cần Thơ</c>).</param>
/// <param name="Succession">Its merger since its documents were written, if any (plugin.json <c>succession</c>).</param>
public sealed record Locality(string Code, string Name, string? UnitName = null, Succession? Succession = null);

/// <summary>How an evaluation is run.</summary>
public sealed record EvaluationOptions
{
    /// <summary>The date the assessment stands at; by default the dataset's as-of date, else the end of its latest year.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>A plan period replacing the documents' own, to apply the rules to another period.</summary>
    public ReportingPeriod? PlanOverride { get; init; }
}

/// <summary>A compiled locality rule set: immutable, thread-safe, evaluated many times.</summary>
public interface ICompiledRuleSet
{
    /// <summary>The locality.</summary>
    Locality Locality { get; }

    /// <summary>The rule sets it was compiled from.</summary>
    IReadOnlyList<RuleSet> RuleSets { get; }

    /// <summary>The shared catalog with the rule sets' own indicators.</summary>
    IndicatorCatalog Catalog { get; }

    /// <summary>Checks a dataset's figures against this rule set's catalog.</summary>
    /// <exception cref="Core.Errors.DataException">The figures are inconsistent or name unknown indicators.</exception>
    FigureTable Index(Dataset dataset);

    /// <summary>
    /// Evaluates every target against the figures: what Core measures goes into one rules session, and the verdicts,
    /// composites and findings its rules give make the assessment.
    /// </summary>
    /// <exception cref="Core.Errors.DataException">The dataset is for another locality, or its figures are inconsistent.</exception>
    /// <exception cref="Core.Errors.RuleSetException">A rule failed while it ran, kept firing, or left a target without exactly one verdict.</exception>
    Assessment Evaluate(Dataset dataset, EvaluationOptions? options = null);

    /// <summary>
    /// Evaluates many datasets, each under every one of <paramref name="options"/> (e.g. as of the end of each year), in
    /// bulk: each dataset is checked and indexed once, and the assessments are produced lazily, dataset by dataset and in
    /// the order of <paramref name="options"/>, so that a caller streaming through them holds one dataset's results at a
    /// time. Each assessment is the one <see cref="Evaluate"/> gives for that dataset and options (an implementation may
    /// judge single-measurement rules directly with their compiled criteria, and run a session only for the rules that
    /// chain on verdicts).
    /// </summary>
    /// <param name="datasets">The datasets, each for this locality.</param>
    /// <param name="options">How each dataset is evaluated; at least one.</param>
    /// <exception cref="Core.Errors.DataException">A dataset is for another locality, or its figures are inconsistent (raised when it is reached).</exception>
    IEnumerable<BulkAssessment> EvaluateMany(IReadOnlyList<Dataset> datasets, IReadOnlyList<EvaluationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(options);
        return Iterate();

        IEnumerable<BulkAssessment> Iterate()
        {
            for (var d = 0; d < datasets.Count; d++)
            {
                for (var o = 0; o < options.Count; o++)
                {
                    yield return new BulkAssessment(d, o, Evaluate(datasets[d], options[o]));
                }
            }
        }
    }
}

/// <summary>One assessment of a bulk evaluation: which dataset, under which options.</summary>
/// <param name="Dataset">The index of the dataset in the list given.</param>
/// <param name="Options">The index of the options in the list given.</param>
/// <param name="Assessment">The assessment, as <see cref="ICompiledRuleSet.Evaluate"/> gives it.</param>
public readonly record struct BulkAssessment(int Dataset, int Options, Assessment Assessment);
