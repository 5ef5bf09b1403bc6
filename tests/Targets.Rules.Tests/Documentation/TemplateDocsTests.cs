using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Targets.Core.Evaluation;
using Targets.Plugins.CanTho;
using Targets.Plugins.HaiPhong;
using Targets.Plugins.QuangNinh;
using Targets.Plugins.TayNinh;
using Targets.Rules.Engine;
using Targets.Rules.Narratives;
using Targets.Rules.Plugins;
using Targets.Rules.Reporting;
using Targets.Tests.Shared;

namespace Targets.Rules.Tests.Documentation;

/// <summary>
/// docs/templates.md cannot drift from the code: its model section is generated from the report model's types and their
/// XML documentation, every default template has a section, and every section's example renders, as an override of that
/// template, on every shipped plugin's sample (Scriban's strict variables make a misspelt variable an error).
/// </summary>
public sealed partial class TemplateDocsTests
{
    private const string Begin = "<!-- model: generated from Targets.Rules.Reporting by tests/Targets.Rules.Tests/Documentation/TemplateDocsTests.cs; UPDATE_GOLDEN=1 dotnet test rewrites it -->";
    private const string End = "<!-- end of model -->";

    private static string DocPath => Path.Combine(Golden.RepositoryRoot(), "docs", "templates.md");

    [Fact]
    public void ModelSection_TemplatesDoc_IsTheReportModel()
    {
        var doc = File.ReadAllText(DocPath);
        var start = doc.IndexOf(Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, "docs/templates.md lacks the model section's opening marker");
        end.ShouldBeGreaterThan(start);
        var expected = doc[..(start + Begin.Length)] + "\n\n" + ModelSection() + "\n" + doc[end..];
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(DocPath, expected, new UTF8Encoding(false));
            doc = expected;
        }

        doc.ShouldBe(expected, "the model in docs/templates.md differs from Targets.Rules.Reporting; review and run UPDATE_GOLDEN=1 dotnet test");
    }

    [Fact]
    public void Sections_EveryDefaultTemplate_HasOneWithAnExample()
    {
        var examples = Examples();
        examples.Keys.Order(StringComparer.Ordinal).ShouldBe(NarrativeRenderer.DefaultTemplateNames.Order(StringComparer.Ordinal));
    }

    public static TheoryData<string> TemplateNames() => [.. NarrativeRenderer.DefaultTemplateNames];

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Example_AsAnOverride_RendersOnEveryShippedSample(string name)
    {
        var example = new TemplateText(Examples()[name], $"docs/templates.md ({name})");
        var templates = new Dictionary<string, TemplateText>(StringComparer.Ordinal) { [name] = example };
        foreach (var plugin in new ITargetsPlugin[] { new CanThoPlugin(), new QuangNinhPlugin(), new TayNinhPlugin(), new HaiPhongPlugin() })
        {
            var rules = new NRulesRuleEngine().Compile(plugin.Locality, plugin.LoadRuleSets(), plugin.RuleTypes);
            var assessment = rules.Evaluate(plugin.LoadSample());
            foreach (var format in new[] { NarrativeFormat.Text, NarrativeFormat.Markdown })
            {
                var report = Should.NotThrow(() => new NarrativeRenderer().Render(assessment, rules, templates, format), $"{name} on {plugin.Locality.Code}");
                report.ShouldNotBeNullOrWhiteSpace();
            }
        }
    }

    /// <summary>Each template's example: the first <c>scriban</c> block under its <c>### `name`</c> heading.</summary>
    private static Dictionary<string, string> Examples()
    {
        var doc = File.ReadAllText(DocPath);
        return SectionWithExample().Matches(doc).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["example"].Value, StringComparer.Ordinal);
    }

    /// <summary>The model as Markdown: one table per type reachable from <see cref="Report"/>, in the order first met.</summary>
    internal static string ModelSection()
    {
        var docs = XDocument.Load(Path.ChangeExtension(typeof(Report).Assembly.Location, ".xml"));
        var members = docs.Descendants("member").ToDictionary(m => (string)m.Attribute("name")!, m => m);
        var text = new StringBuilder();
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>([typeof(Report)]);
        while (queue.TryDequeue(out var type))
        {
            text.Append("### ").Append(type.Name).Append("\n\n").Append(Summary(members, "T:" + type.FullName)).Append("\n\n");
            text.Append("| variable | type | meaning |\n|---|---|---|\n");
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
            {
                var meaning = Summary(members, $"P:{type.FullName}.{property.Name}");
                if (meaning.Length == 0)
                {
                    meaning = members.TryGetValue("T:" + type.FullName, out var typeDoc)
                        ? Clean(typeDoc.Elements("param").FirstOrDefault(p => (string)p.Attribute("name")! == property.Name))
                        : string.Empty;
                }

                text.Append("| `").Append(Snake(property.Name)).Append("` | ").Append(TypeName(property.PropertyType, seen, queue)).Append(" | ")
                    .Append(meaning.Length == 0 ? "(undocumented)" : meaning).Append(" |\n");
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static string TypeName(Type type, HashSet<Type> seen, Queue<Type> queue)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying, seen, queue) + " or null";
        }

        if (type != typeof(string) && type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } list)
        {
            return "list of " + TypeName(list.GetGenericArguments()[0], seen, queue);
        }

        if (type.Namespace == typeof(Report).Namespace && seen.Add(type))
        {
            queue.Enqueue(type);
        }

        return type switch
        {
            _ when type == typeof(string) => "text",
            _ when type == typeof(int) => "whole number",
            _ when type == typeof(decimal) => "number",
            _ when type == typeof(bool) => "true/false",
            _ when type == typeof(DateOnly) => "date",
            _ when type == typeof(AssessmentStatus) => "status (compare its `status_code` text instead)",
            _ when type.Namespace == typeof(Report).Namespace => $"[{type.Name}](#{type.Name.ToLowerInvariant()})",
            _ => type.Name,
        };
    }

    private static string Summary(Dictionary<string, XElement> members, string key) =>
        members.TryGetValue(key, out var member) ? Clean(member.Element("summary")) : string.Empty;

    /// <summary>A doc comment as one line of Markdown: <c>&lt;c&gt;</c> as code, references by their last name.</summary>
    private static string Clean(XElement? element)
    {
        if (element is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            text.Append(node switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "c" } c => "`" + c.Value + "`",
                XElement { Name.LocalName: "see" or "seealso" } see => "`" + ((string?)see.Attribute("cref") ?? (string?)see.Attribute("langword") ?? string.Empty).Split('.', ':').Last() + "`",
                XElement other => other.Value,
                _ => string.Empty,
            });
        }

        return Whitespace().Replace(text.ToString(), " ").Trim().Replace("|", "\\|", StringComparison.Ordinal);
    }

    private static string Snake(string name) => UpperCase().Replace(name, m => (m.Index == 0 ? string.Empty : "_") + m.Value.ToLowerInvariant());

    [GeneratedRegex("""^### `(?<name>[a-z-]+)`$(?:(?!^### ).)*?^```scriban\n(?<example>.*?)^```$""", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex SectionWithExample();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("[A-Z]")]
    private static partial Regex UpperCase();
}
