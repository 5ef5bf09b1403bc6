using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using Targets.Core.Formatting;

namespace Targets.Rules.Narratives.Rendering;

/// <summary>
/// Vietnamese formatting for templates, independent of culture: <c>vi.number</c>, <c>vi.percent</c>, <c>vi.upper</c>,
/// <c>vi.upper_first</c>, <c>vi.lower_first</c>.
/// </summary>
/// <remarks>
/// Each is a <see cref="IScriptCustomFunction"/> called directly. Imported as lambdas they were called through
/// <c>Delegate.DynamicInvoke</c>, by reflection, which was a sixth of a report's rendering. Scriban converts the arguments
/// to the declared parameter types before the call, as it did for the lambdas' parameters, so the functions only unbox them.
/// </remarks>
internal sealed class VietnameseFunctions : ScriptObject
{
    public static readonly VietnameseFunctions Instance = new();

    private VietnameseFunctions()
    {
        SetValue("number", new Function([(typeof(decimal), "value"), (typeof(int), "decimals")], a => VietnameseFormat.Number((decimal)a[0]!, (int)a[1]!)), true);
        SetValue(
            "percent",
            new Function([(typeof(decimal), "value"), (typeof(int), "decimals"), (typeof(bool), "trim")], a => VietnameseFormat.Percent((decimal)a[0]!, (int)a[1]!, (bool)a[2]!)),
            true);
        SetValue("lower_first", new Function([(typeof(string), "text")], a => VietnameseFormat.LowerFirst(Text(a[0]))), true);
        SetValue("upper_first", new Function([(typeof(string), "text")], a => VietnameseFormat.UpperFirst(Text(a[0]))), true);
        SetValue("upper", new Function([(typeof(string), "text")], a => Text(a[0]).ToUpperInvariant()), true);
        IsReadOnly = true;
    }

    /// <summary>A text argument; null (a model's missing value) prints as nothing, as Scriban prints null.</summary>
    private static string Text(object? argument) => argument as string ?? string.Empty;

    /// <summary>A function with fixed parameters, all required.</summary>
    private sealed class Function((Type Type, string Name)[] parameters, Func<ScriptArray, string> body) : IScriptCustomFunction
    {
        public int RequiredParameterCount => parameters.Length;

        public int ParameterCount => parameters.Length;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

        public Type ReturnType => typeof(string);

        public ScriptParameterInfo GetParameterInfo(int index) =>
            index >= 0 && index < parameters.Length
                ? new ScriptParameterInfo(parameters[index].Type, parameters[index].Name)
                : throw new ArgumentOutOfRangeException(nameof(index), $"Argument index must be < {parameters.Length}");

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) => body(arguments);

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));
    }
}
