using Scriban.Runtime;
using Targets.Rules.Narratives.Writing;
using Targets.Rules.Reporting;

namespace Targets.Rules.Narratives.Rendering;

/// <summary>
/// For one report the <see cref="DefaultReportWriter"/> writes: the plugin's templates that replace defaults, rendered
/// through the thread's Scriban session as an include would render them. The session is made ready for the report (its
/// budget, its globals) at the first such template the report reaches, so that a report that reaches none costs nothing
/// more; every template the report renders then shares that one budget and that one context.
/// </summary>
/// <param name="session">The thread's session for the plugin's templates.</param>
/// <param name="report">The report.</param>
/// <param name="format">Plain text or Markdown.</param>
/// <param name="budget">Makes the report's budget, when the first template is rendered.</param>
/// <param name="discard">Forgets the session after a failure left its context half-way.</param>
internal sealed class PluginTemplateOverrides(
    RenderSession session, Report report, NarrativeFormat format, Func<RenderBudget> budget, Action<RenderSession> discard) : ITemplateOverrides
{
    private ScriptObject? _globals;

    public bool Overrides(string name) => session.Plugin.ContainsKey(name);

    public string Render(string name, in TemplateScope scope)
    {
        var template = session.Parsed[name];
        var globals = _globals ??= session.Begin(report, format, budget());

        // The variables the template would see where it is included: set when in scope, absent otherwise (a template
        // reading one outside its loop fails, as it does through Scriban: variables are strict).
        Set(globals, "d", scope.D);
        Set(globals, "c", scope.C);
        Set(globals, "t", scope.T);
        Set(globals, "r", scope.R);
        Set(globals, "figures", scope.Figures);
        return session.Render(
            name,
            (template, name, direct: session.Direct[name], globals),
            static (context, state) => context.RenderIncluded(state.template, state.name, state.direct, state.globals),
            discard);
    }

    private static void Set(ScriptObject globals, string name, object? value)
    {
        if (value is null)
        {
            globals.Remove(name);
        }
        else
        {
            globals.SetValue(name, value, readOnly: false);
        }
    }
}
