using System.Reflection;
using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Rules.Engine;
using Targets.Rules.RuleSets;
using Targets.Rules.Serialization;

namespace Targets.Rules.Plugins;

/// <summary>
/// A locality plugin: its locality, its rule sets (one per source document), its narrative templates and its sample
/// data. Implement it directly, or derive from <see cref="TargetsPlugin"/> and ship the files as resources or a folder.
/// </summary>
public interface ITargetsPlugin
{
    /// <summary>The manifest: locality code and name, default sample.</summary>
    PluginManifest Manifest { get; }

    /// <summary>The locality.</summary>
    Locality Locality { get; }

    /// <summary>Reads the rule sets.</summary>
    /// <exception cref="RuleSetException">A rule set is malformed or invalid.</exception>
    IReadOnlyList<RuleSet> LoadRuleSets();

    /// <summary>The plugin's own templates, by name (without extension), overriding the defaults.</summary>
    IReadOnlyDictionary<string, TemplateText> LoadTemplates();

    /// <summary>The sample datasets the plugin ships, by relative path.</summary>
    IReadOnlyList<string> Samples { get; }

    /// <summary>Reads a sample dataset (the default one when <paramref name="path"/> is null).</summary>
    /// <exception cref="DataException">The sample is malformed.</exception>
    Dataset LoadSample(string? path = null);
}

/// <summary>A template's source text and where it comes from.</summary>
/// <param name="Text">The Scriban source.</param>
/// <param name="Origin">What to cite in errors.</param>
public sealed record TemplateText(string Text, string Origin);

/// <summary>A plugin whose files follow the standard layout, read from any <see cref="IPluginContent"/>.</summary>
public class TargetsPlugin : ITargetsPlugin
{
    private readonly IPluginContent _content;
    private readonly Lazy<PluginManifest> _manifest;

    /// <summary>Creates a plugin over its files.</summary>
    public TargetsPlugin(IPluginContent content)
    {
        _content = content;
        _manifest = new Lazy<PluginManifest>(() => PluginManifest.Read(content.Cite("plugin.json"), content.Read("plugin.json")));
    }

    /// <summary>A plugin shipped as a folder of JSON rule sets and templates.</summary>
    public static TargetsPlugin FromFolder(string folder) => new(new FolderContent(folder));

    /// <summary>A plugin shipped as resources embedded in an assembly.</summary>
    public static TargetsPlugin FromAssembly(Assembly assembly) => new(new EmbeddedContent(assembly));

    /// <inheritdoc />
    public PluginManifest Manifest => _manifest.Value;

    /// <inheritdoc />
    public Locality Locality => new(Manifest.Code, Manifest.Name, Manifest.UnitName, Manifest.Succession);

    /// <inheritdoc />
    public IReadOnlyList<string> Samples => _content.List("samples");

    /// <inheritdoc />
    public IReadOnlyList<RuleSet> LoadRuleSets()
    {
        var files = _content.List("rules").Where(p => p.EndsWith(".rules.json", StringComparison.Ordinal)).ToList();
        if (files.Count == 0)
        {
            throw new RuleSetException("the plugin has no rule sets (rules/*.rules.json)", new SourceLocation(_content.Origin));
        }

        return [.. files.Select(file => RuleSetReader.Read(_content.Cite(file), _content.Read(file)))];
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, TemplateText> LoadTemplates() =>
        _content.List("templates")
            .Where(p => p.EndsWith(".scriban", StringComparison.Ordinal))
            .ToDictionary(
                p => Path.GetFileNameWithoutExtension(p),
                p => new TemplateText(System.Text.Encoding.UTF8.GetString(_content.Read(p).Span), _content.Cite(p)),
                StringComparer.Ordinal);

    /// <inheritdoc />
    public Dataset LoadSample(string? path = null)
    {
        var sample = path ?? Manifest.DefaultSample;
        if (!_content.Exists(sample))
        {
            throw new DataException($"the plugin has no sample '{sample}'", new SourceLocation(_content.Origin));
        }

        return DatasetReader.Read(_content.Cite(sample), _content.Read(sample));
    }
}
