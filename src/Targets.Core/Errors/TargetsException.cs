namespace Targets.Core.Errors;

/// <summary>
/// Where in an input a problem was found: a file, and where known the line, column and JSON path.
/// </summary>
/// <param name="File">The file (or embedded resource) name.</param>
/// <param name="Line">One-based line, when known.</param>
/// <param name="Column">One-based column, when known.</param>
/// <param name="Path">The JSON path (e.g. <c>$.figures[3].value</c>), when known.</param>
public sealed record SourceLocation(string File, long? Line = null, long? Column = null, string? Path = null)
{
    /// <summary>Formats the location as <c>file:line:column (path)</c>, leaving out what is unknown.</summary>
    public override string ToString()
    {
        var text = File;
        if (Line is { } line)
        {
            text += ":" + line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (Column is { } column)
            {
                text += ":" + column.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return Path is null ? text : $"{text} ({Path})";
    }
}

/// <summary>
/// The base of every error Targets reports on purpose: bad data, a broken rule set or template, a plugin that cannot be
/// loaded. Anything else escaping the library is a defect.
/// </summary>
public class TargetsException : Exception
{
    /// <summary>Creates an error with a location.</summary>
    public TargetsException(string problem, SourceLocation? location, Exception? innerException = null)
        : base(Compose(problem, location), innerException)
    {
        Problem = problem;
        Location = location;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>Where it is wrong, when known.</summary>
    public SourceLocation? Location { get; }

    private static string Compose(string problem, SourceLocation? location) =>
        location is null ? problem : $"{location}: {problem}";
}

/// <summary>Reported figures that cannot be used: malformed, of the wrong type, or inconsistent.</summary>
public sealed class DataException : TargetsException
{
    /// <summary>Creates a data error.</summary>
    public DataException(string problem, SourceLocation? location, Exception? innerException = null)
        : base(problem, location, innerException)
    {
    }
}

/// <summary>A rule set (or plugin) that cannot be loaded or compiled, or a rule that failed while it ran.</summary>
public sealed class RuleSetException : TargetsException
{
    /// <summary>Creates a rule-set error naming the rule when known.</summary>
    public RuleSetException(string problem, SourceLocation? location, string? ruleId = null, Exception? innerException = null)
        : base(ruleId is null ? problem : $"rule '{ruleId}': {problem}", location, innerException)
    {
        RuleId = ruleId;
    }

    /// <summary>The rule (target id) at fault, when known.</summary>
    public string? RuleId { get; }
}

/// <summary>A narrative template that cannot be parsed or rendered, or that broke a rendering limit.</summary>
public sealed class TemplateException : TargetsException
{
    /// <summary>Creates a template error.</summary>
    public TemplateException(string problem, SourceLocation? location, Exception? innerException = null)
        : base(problem, location, innerException)
    {
    }
}
