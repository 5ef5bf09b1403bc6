using Targets.Rules.Reporting;

namespace Targets.Rules.Narratives.Writing;

/// <summary>
/// A plugin's templates that replace default ones the <see cref="DefaultReportWriter"/> would otherwise write: where the
/// writer reaches the include of such a template, the plugin's template is rendered through Scriban instead.
/// </summary>
internal interface ITemplateOverrides
{
    /// <summary>Whether the plugin has its own template of that name.</summary>
    bool Overrides(string name);

    /// <summary>
    /// Renders the plugin's template <paramref name="name"/> as an include of it would, seeing the model's globals and
    /// <paramref name="scope"/>; its output, escaped where it printed values, as the include inserts it.
    /// </summary>
    /// <exception cref="Core.Errors.TemplateException">The template fails or breaks a limit.</exception>
    string Render(string name, in TemplateScope scope);
}

/// <summary>
/// The variables the default templates have in scope at an include, beside the model's globals: the loop variables
/// (<c>d</c>, <c>c</c>, <c>t</c>, <c>r</c>) and what the templates assigned before (<c>r</c> in the results table,
/// <c>figures</c> before <c>unused-figures</c>), which Scriban keeps set once assigned. Null where a name is not in scope.
/// </summary>
/// <param name="D">The document (<c>for d in documents</c>).</param>
/// <param name="C">The clause (<c>for c in d.clauses</c>).</param>
/// <param name="T">The target (<c>for t in c.targets</c>).</param>
/// <param name="R">The result: the loop's (<c>for r in t.years</c>), else the last one the results table assigned.</param>
/// <param name="Figures">The figures <c>unused-figures</c> lists, once assigned.</param>
internal readonly record struct TemplateScope(
    DocumentSection? D, ClauseSection? C, TargetSection? T, YearResult? R, IReadOnlyList<UnusedFigureEntry>? Figures);
