using System.Text.Json;
using Targets.Core.Errors;

namespace Targets.Rules.Serialization;

/// <summary>A plugin's manifest (<c>plugin.json</c>): its locality and default sample.</summary>
/// <param name="Code">The locality code (<c>can-tho</c>).</param>
/// <param name="Name">The locality's name.</param>
/// <param name="UnitName">The administrative unit the plan covers, as reports write it.</param>
/// <param name="Description">One sentence on what the plugin holds.</param>
/// <param name="DefaultSample">The sample dataset <c>assess</c> uses by default, relative to the plugin.</param>
public sealed record PluginManifest(string Code, string Name, string? UnitName, string Description, string DefaultSample)
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
        return new PluginManifest(form.Code, form.Name, form.Unit, form.Description, form.DefaultSample);
    }
}
