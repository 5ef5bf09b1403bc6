using System.Collections.Concurrent;
using NJsonSchema;
using NJsonSchema.Validation;
using Targets.Core.Errors;

namespace Targets.Rules.Serialization;

/// <summary>The JSON schemas shipped with this package.</summary>
public enum TargetsSchema
{
    /// <summary><c>schemas/ruleset.schema.json</c>.</summary>
    RuleSet,

    /// <summary><c>schemas/dataset.schema.json</c>.</summary>
    Dataset,

    /// <summary><c>schemas/plugin.schema.json</c>.</summary>
    Plugin,
}

/// <summary>Validates inputs against the embedded schemas, reporting the first problem with its line and path.</summary>
internal static class SchemaValidator
{
    private static readonly ConcurrentDictionary<TargetsSchema, Lazy<JsonSchema>> Schemas = new();

    /// <summary>The schema's text, as shipped.</summary>
    public static string Text(TargetsSchema schema)
    {
        var name = $"Targets.Rules.Schemas.{schema.ToString().ToLowerInvariant()}.schema.json";
        using var stream = typeof(SchemaValidator).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"schema '{name}' is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Checks an input against a schema, throwing the first problem (by place in the file).</summary>
    public static void Validate(JsonInput input, TargetsSchema schema, Func<string, SourceLocation, Exception> error)
    {
        if (Problems(input, schema, error) is [var first, ..])
        {
            throw error(first.Problem, first.Location);
        }
    }

    /// <summary>Every problem of an input against a schema, in the order they appear in the file.</summary>
    /// <exception cref="Exception">A value the validator cannot take (built with <paramref name="error"/>).</exception>
    public static IReadOnlyList<(string Problem, SourceLocation Location)> Problems(JsonInput input, TargetsSchema schema, Func<string, SourceLocation, Exception> error)
    {
        var compiled = Schemas.GetOrAdd(schema, s => new Lazy<JsonSchema>(() => JsonSchema.FromJsonAsync(Text(s)).GetAwaiter().GetResult())).Value;
        ICollection<ValidationError> errors;
        try
        {
            errors = compiled.Validate(input.Text);
        }
        catch (Exception exception) when (exception is Newtonsoft.Json.JsonException or InvalidCastException or FormatException or OverflowException or ArgumentException)
        {
            // The syntax pass refuses what the validator cannot take (numbers beyond decimal reach it as BigInteger and
            // fail with InvalidCastException); this keeps any other surprise a located error rather than a crash.
            throw error($"a value cannot be read: {JsonInput.FirstSentence(exception.Message)}", new SourceLocation(input.Name));
        }

        return [.. errors.OrderBy(e => e.LineNumber).ThenBy(e => e.LinePosition).Select(e => Locate(input, MostSpecific(e)))];
    }

    private static (string Problem, SourceLocation Location) Locate(JsonInput input, ValidationError error)
    {
        var path = ToJsonPath(error.Path);
        // The validator's position is where its reader stopped: the last character of a value, the colon after a key.
        // Every other error names the first character of the value at fault, so the path is located the same way; only a
        // missing property, which has no value, keeps the validator's position (its object).
        var located = input.Locate(path);
        var location = located.Line is null && error.HasLineInfo
            ? new SourceLocation(input.Name, error.LineNumber, error.LinePosition, path)
            : located;
        return (Describe(error), location);
    }

    /// <summary>For a value matching none of several forms, the error of the form it comes closest to.</summary>
    private static ValidationError MostSpecific(ValidationError error)
    {
        while (error is ChildSchemaValidationError child && child.Errors.Count > 0)
        {
            var branches = child.Errors.Values.Where(list => list.Count > 0).ToList();
            var sameKind = branches.Where(list => list.All(e => e.Property != "kind")).ToList();
            var pick = (sameKind.Count > 0 ? sameKind : branches).OrderBy(list => list.Count).FirstOrDefault();
            if (pick is null || (sameKind.Count == 0 && branches.Count > 1))
            {
                return error;
            }

            error = pick.First();
        }

        return error;
    }

    private static string Describe(ValidationError error)
    {
        var name = error.Property is { Length: > 0 } property ? $"'{property}'" : "the value";
        return error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"unknown property {name}",
            ValidationErrorKind.PropertyRequired => $"missing required property {name}",
            ValidationErrorKind.StringExpected => $"{name} must be a string",
            ValidationErrorKind.NumberExpected => $"{name} must be a number",
            ValidationErrorKind.IntegerExpected => $"{name} must be a whole number",
            ValidationErrorKind.BooleanExpected => $"{name} must be true or false",
            ValidationErrorKind.ArrayExpected => $"{name} must be an array",
            ValidationErrorKind.ObjectExpected => $"{name} must be an object",
            ValidationErrorKind.NullExpected => $"{name} must be null",
            ValidationErrorKind.NumberTooSmall => $"{name} is below its minimum (counts and shares cannot be negative)",
            ValidationErrorKind.NumberTooBig => $"{name} is above its maximum",
            ValidationErrorKind.PatternMismatch => $"{name}{Quoted(error)} does not have the expected form{ExpectedForm(error)}",
            ValidationErrorKind.NotInEnumeration => $"{name}{Quoted(error)} must be one of: {AllowedValues(error)}",
            ValidationErrorKind.StringTooShort => $"{name} must not be empty",
            ValidationErrorKind.TooFewItems => $"{name} must not be empty",
            ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf => $"{name} matches none of the allowed forms (check its 'kind' and fields)",
            _ => $"{name} is not valid ({error.Kind})",
        };
    }

    /// <summary>The values an enumeration allows, as a list to copy from: <c>'vụ', 'người', …</c>.</summary>
    private static string AllowedValues(ValidationError error) =>
        error.Schema?.ActualSchema.Enumeration is { Count: > 0 } values
            ? string.Join(", ", values.Select(v => v is string text ? $"'{text}'" : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))
            : "the values the schema lists";

    /// <summary>The offending text, when it is a short string: <c> ('2023-M1')</c>.</summary>
    private static string Quoted(ValidationError error) =>
        error.Token is Newtonsoft.Json.Linq.JValue { Value: string text } && text.Length <= 80 ? $" ('{text}')" : string.Empty;

    /// <summary>What the pattern asks for, for the patterns an author meets most.</summary>
    private static string ExpectedForm(ValidationError error)
    {
        var property = error.Property ?? string.Empty;
        var path = error.Path ?? string.Empty;
        if (property is "period" or "deadline" || path.Contains("deadlines", StringComparison.Ordinal))
        {
            return ": expected a year '2023', a half '2023-H1', a quarter '2023-Q2', a month '2023-01' or a span '2016/2020'";
        }

        if (property is "asOf" or "issuedOn" or "completedOn")
        {
            return ": expected a date yyyy-MM-dd";
        }

        if (property is "indicator" or "id" or "numerator" or "denominator" or "quotaIndicator" or "alternativeOf" || path.Contains("targets[", StringComparison.Ordinal))
        {
            return ": expected dotted lower-case segments such as 'crime.social-order.cases'";
        }

        return property is "locality" or "code" ? ": expected a lower-case kebab-case code such as 'can-tho'" : string.Empty;
    }

    /// <summary>NJsonSchema writes <c>#/figures[3].value</c>; the rest of Targets writes <c>$.figures[3].value</c>.</summary>
    private static string ToJsonPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "#" ? "$" : "$." + path.TrimStart('#', '/');
}
