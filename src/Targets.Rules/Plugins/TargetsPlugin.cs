using System.Reflection;
using System.Text;
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

    /// <summary>
    /// Rules the plugin writes in C# with NRules.Fluent (<c>NRules.Fluent.Dsl.Rule</c> subclasses, each with a constructor
    /// taking no arguments), for logic a JSON rule set expresses badly. They join the rules of the plugin's targets and
    /// match the same facts: <see cref="Core.Evaluation.MeasuredPeriod"/>, <see cref="Core.Evaluation.Verdict"/>,
    /// <see cref="Core.Evaluation.UnitVerdict"/>; they may insert <see cref="Core.Evaluation.Finding"/>s.
    /// </summary>
    IReadOnlyList<Type> RuleTypes => [];
}

/// <summary>A template's source text and where it comes from.</summary>
/// <param name="Text">The Scriban source.</param>
/// <param name="Origin">What to cite in errors.</param>
public sealed record TemplateText(string Text, string Origin)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A template from a file's bytes: UTF-8, its byte order mark (if any) dropped so that it never reaches a report.</summary>
    /// <exception cref="TemplateException">The bytes are not UTF-8.</exception>
    public static TemplateText FromUtf8(ReadOnlySpan<byte> utf8, string origin)
    {
        try
        {
            return new TemplateText(StrictUtf8.GetString(utf8.StartsWith(Bom) ? utf8[Bom.Length..] : utf8), origin);
        }
        catch (DecoderFallbackException)
        {
            throw new TemplateException("the template is not valid UTF-8; save it as UTF-8", new SourceLocation(origin));
        }
    }

    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];
}

/// <summary>A plugin whose files follow the standard layout, read from any <see cref="IPluginContent"/>.</summary>
public class TargetsPlugin : ITargetsPlugin
{
    private readonly IPluginContent _content;
    private readonly Lazy<PluginManifest> _manifest;

    /// <summary>Creates a plugin over its files.</summary>
    public TargetsPlugin(IPluginContent content)
    {
        _content = content;
        _manifest = new Lazy<PluginManifest>(() => PluginManifest.Read(content.Cite("plugin.json"), content.Read("plugin.json"), CheckSchemas));
    }

    /// <summary>
    /// Whether the files are checked against the schemas when read. Files embedded in an assembly were checked when it was
    /// built and tested (every shipped file is validated by the plugins' contract tests, and <c>targets validate</c> checks
    /// a plugin's folder before it is packed), so they are not checked again at every start: that check was a third of the
    /// command line's start-up. A folder is read as untrusted and always checked.
    /// </summary>
    private bool CheckSchemas => _content is not EmbeddedContent;

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
    public virtual IReadOnlyList<Type> RuleTypes => [];

    /// <inheritdoc />
    public IReadOnlyList<RuleSet> LoadRuleSets()
    {
        var files = _content.List("rules").Where(p => p.EndsWith(".rules.json", StringComparison.Ordinal)).ToList();
        if (files.Count == 0)
        {
            throw new RuleSetException("the plugin has no rule sets (rules/*.rules.json)", new SourceLocation(_content.Origin));
        }

        return [.. files.Select(file => RuleSetReader.Read(_content.Cite(file), _content.Read(file), CheckSchemas))];
    }

    /// <inheritdoc />
    /// <exception cref="TemplateException">Two templates share a name (one in a subfolder), or one is not UTF-8.</exception>
    /// <exception cref="RuleSetException">A template file cannot be read (see <see cref="FolderContent"/>).</exception>
    public IReadOnlyDictionary<string, TemplateText> LoadTemplates()
    {
        var templates = new Dictionary<string, TemplateText>(StringComparer.Ordinal);
        foreach (var path in _content.List("templates").Where(p => p.EndsWith(".scriban", StringComparison.Ordinal)))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var origin = _content.Cite(path);
            if (templates.TryGetValue(name, out var first))
            {
                throw new TemplateException($"a template named '{name}' is also at {first.Origin}; templates are found by bare name, so each name may appear once", new SourceLocation(origin));
            }

            templates.Add(name, TemplateText.FromUtf8(_content.Read(path).Span, origin));
        }

        return templates;
    }

    /// <inheritdoc />
    public Dataset LoadSample(string? path = null)
    {
        var sample = path ?? Manifest.DefaultSample;
        if (!_content.Exists(sample))
        {
            throw new DataException($"the plugin has no sample '{sample}'", new SourceLocation(_content.Origin));
        }

        return DatasetReader.Read(_content.Cite(sample), _content.Read(sample), CheckSchemas);
    }
}
