using System.Globalization;
using System.Text.Json;
using Targets.Core.Errors;
using Targets.Core.Successions;

namespace Targets.Rules.Serialization;

/// <summary>A plugin's manifest (<c>plugin.json</c>): its locality and default sample.</summary>
/// <param name="Code">The locality code (<c>can-tho</c>).</param>
/// <param name="Name">The locality's name.</param>
/// <param name="UnitName">The administrative unit the plan covers, as reports write it.</param>
/// <param name="Description">One sentence on what the plugin holds.</param>
/// <param name="DefaultSample">The sample dataset <c>assess</c> uses by default, relative to the plugin.</param>
/// <param name="Succession">The locality's merger since its documents were written, if any.</param>
public sealed record PluginManifest(string Code, string Name, string? UnitName, string Description, string DefaultSample, Succession? Succession = null)
{
    /// <summary>Reads a manifest from UTF-8 bytes.</summary>
    /// <exception cref="RuleSetException">The manifest is malformed or not valid.</exception>
    public static PluginManifest Read(string name, ReadOnlyMemory<byte> utf8) => Read(name, utf8, checkSchema: true);

    /// <summary>Reads a manifest, checking it against the schema unless it was checked when it was built (embedded content).</summary>
    internal static PluginManifest Read(string name, ReadOnlyMemory<byte> utf8, bool checkSchema)
    {
        static Exception Error(string problem, SourceLocation location) => new RuleSetException(problem, location);
        var input = JsonInput.FromBytes(name, utf8, problem => new RuleSetException(problem, new SourceLocation(name)));
        input.CheckSyntax(Error);
        if (checkSchema)
        {
            SchemaValidator.Validate(input, TargetsSchema.Plugin, Error);
        }

        var form = JsonSerializer.Deserialize(input.Utf8.Span, FormsJsonContext.Default.PluginManifestForm)!;
        return new PluginManifest(form.Code, form.Name, form.Unit, form.Description, form.DefaultSample, form.Succession is { } s ? MapSuccession(s, input) : null);
    }

    private static Succession MapSuccession(SuccessionForm form, JsonInput input)
    {
        if (!DateOnly.TryParseExact(form.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new RuleSetException($"'{form.Date}' is not a date", input.Locate("$.succession.date"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { Succession.FormerBoundary, Succession.MergedBoundary };
        for (var i = 0; i < form.Joined.Count; i++)
        {
            if (!seen.Add(form.Joined[i].Code))
            {
                throw new RuleSetException(
                    $"the code '{form.Joined[i].Code}' is used twice or is reserved ('former' and 'merged' name the former unit and the merged locality)",
                    input.Locate(string.Create(CultureInfo.InvariantCulture, $"$.succession.joined[{i}].code")));
            }
        }

        return new Succession(date, form.Former, form.Merged, [.. form.Joined.Select(p => new Predecessor(p.Code, p.Name))], form.Source);
    }
}
