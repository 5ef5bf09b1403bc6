using Scriban;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Targets.Rules.Narratives;

/// <summary>
/// Scriban's <c>include</c>, with its output marked as rendered template text, so that the escaping applied to every
/// printed value is not applied a second time to what an included template already wrote. The line break a template
/// file ends with is dropped: the including template decides where lines end.
/// </summary>
internal sealed class IncludeRendered : IScriptCustomFunction
{
    public static readonly IncludeRendered Instance = new();

    private static readonly IncludeFunction Inner = new();

    private IncludeRendered()
    {
    }

    public int RequiredParameterCount => Inner.RequiredParameterCount;

    public int ParameterCount => Inner.ParameterCount;

    public ScriptVarParamKind VarParamKind => Inner.VarParamKind;

    public Type ReturnType => typeof(Output);

    public ScriptParameterInfo GetParameterInfo(int index) => Inner.GetParameterInfo(index);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new Output((Inner.Invoke(context, callerContext, arguments, blockStatement) as string ?? string.Empty).TrimEnd('\n', '\r'));

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new(Invoke(context, callerContext, arguments, blockStatement));

    /// <summary>The output of an included template.</summary>
    internal sealed record Output(string Text)
    {
        public override string ToString() => Text;
    }
}
