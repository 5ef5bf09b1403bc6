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

    public static void Validate(JsonInput input, TargetsSchema schema, Func<string, SourceLocation, Exception> error)
    {
        var compiled = Schemas.GetOrAdd(schema, s => new Lazy<JsonSchema>(() => JsonSchema.FromJsonAsync(Text(s)).GetAwaiter().GetResult())).Value;
        ICollection<ValidationError> errors;
        try
        {
            errors = compiled.Validate(input.Text);
        }
        catch (Newtonsoft.Json.JsonException exception)
        {
            throw error($"a value cannot be read: {JsonInput.FirstSentence(exception.Message)}", new SourceLocation(input.Name));
        }

        if (errors.Count == 0)
        {
            return;
        }

        var first = MostSpecific(errors.OrderBy(e => e.LineNumber).ThenBy(e => e.LinePosition).First());
        var path = ToJsonPath(first.Path);
        var location = first.HasLineInfo
            ? new SourceLocation(input.Name, first.LineNumber, first.LinePosition, path)
            : input.Locate(path);
        throw error(Describe(first), location);
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
            ValidationErrorKind.PatternMismatch => $"{name} does not have the expected form",
            ValidationErrorKind.NotInEnumeration => $"{name} is not one of the allowed values",
            ValidationErrorKind.StringTooShort => $"{name} must not be empty",
            ValidationErrorKind.TooFewItems => $"{name} must not be empty",
            ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf => $"{name} matches none of the allowed forms (check its 'kind' and fields)",
            _ => $"{name} is not valid ({error.Kind})",
        };
    }

    /// <summary>NJsonSchema writes <c>#/figures[3].value</c>; the rest of Targets writes <c>$.figures[3].value</c>.</summary>
    private static string ToJsonPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "#" ? "$" : "$." + path.TrimStart('#', '/');
}
