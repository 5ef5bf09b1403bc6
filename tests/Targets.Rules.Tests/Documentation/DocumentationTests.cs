using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Targets.Rules.Reporting;
using Targets.Rules.Serialization;
using Targets.Tests.Shared;

namespace Targets.Rules.Tests.Documentation;

/// <summary>
/// What the docs show is what works: every JSON example can be copied as it stands, the README's .NET example is the
/// consumer CI builds, and the example plugin keeps every count and carries the shipped schemas.
/// </summary>
public sealed partial class DocumentationTests
{
    private static string Root => Golden.RepositoryRoot();

    public static TheoryData<string, int> JsonExamples()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Append(Path.Combine(Root, "README.md")).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            foreach (Match block in JsonBlock().Matches(text))
            {
                data.Add(Path.GetRelativePath(Root, file), text[..block.Index].Count(c => c == '\n') + 1);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(JsonExamples))]
    public void JsonExample_AsItStands_ParsesAndMatchesItsSchema(string file, int line)
    {
        var text = File.ReadAllText(Path.Combine(Root, file));
        var block = JsonBlock().Matches(text).Single(m => text[..m.Index].Count(c => c == '\n') + 1 == line).Groups["json"].Value;
        var name = $"{file}:{line}";
        using var json = Should.NotThrow(() => JsonDocument.Parse(block), $"the JSON example at {name} does not parse");
        var root = json.RootElement;
        var bytes = System.Text.Encoding.UTF8.GetBytes(block);
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("document", out _) && root.TryGetProperty("targets", out _))
        {
            Should.NotThrow(() => RuleSetReader.Read(name, bytes), $"the rule set at {name}");
        }
        else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("figures", out _))
        {
            Should.NotThrow(() => DatasetReader.Read(name, bytes), $"the dataset at {name}");
        }
        else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("defaultSample", out _))
        {
            Should.NotThrow(() => PluginManifest.Read(name, bytes), $"the manifest at {name}");
        }
    }

    [Fact]
    public void JsonExamples_InTheDocs_AreFound()
    {
        // The theory above must have something to check: the authoring guide alone has several.
        JsonExamples().Count(row => (string)row[0] == Path.Combine("docs", "authoring.md")).ShouldBeGreaterThan(5);
    }

    [Fact]
    public void DotNetExample_InTheReadme_IsTheConsumerProgram()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var section = readme[readme.IndexOf("### Using it from .NET", StringComparison.Ordinal)..];
        var snippet = CSharpBlock().Match(section).Groups["code"].Value;
        snippet.ShouldBe(File.ReadAllText(Path.Combine(Root, "samples", "Consumer", "Program.cs")));
    }

    [Fact]
    public void ConsumerVersion_ByDefault_IsThePackagesVersion()
    {
        var version = XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants("Version").Single().Value;
        var consumer = XDocument.Load(Path.Combine(Root, "samples", "Consumer", "Consumer.csproj")).Descendants("TargetsVersion").Single().Value;
        consumer.ShouldBe(version);
    }

    [Fact]
    public void ExamplePlugin_SummaryTemplate_KeepsEveryCount()
    {
        var template = File.ReadAllText(Path.Combine(Root, "samples", "vi-du", "templates", "summary.scriban"));
        foreach (var count in typeof(StatusCounts).GetProperties().Where(p => p.PropertyType == typeof(int)))
        {
            var snake = UpperCase().Replace(count.Name, m => (m.Index == 0 ? string.Empty : "_") + m.Value.ToLowerInvariant());
            template.ShouldMatch($@"\.{snake}\b", $"samples/vi-du/templates/summary.scriban drops the count '{snake}'");
        }
    }

    [Fact]
    public void ExamplePlugin_Schemas_AreTheShippedOnes()
    {
        // The example's files name their schemas by a path inside the folder, so that the folder can be copied anywhere.
        foreach (var schema in Directory.GetFiles(Path.Combine(Root, "schemas"), "*.json"))
        {
            File.ReadAllText(Path.Combine(Root, "samples", "vi-du", "schemas", Path.GetFileName(schema)))
                .ShouldBe(File.ReadAllText(schema), "run: targets schema --output samples/vi-du/schemas");
        }
    }

    public static TheoryData<string> PackageReadmes() =>
        [.. Directory.GetFiles(Path.Combine(Root, "src"), "README.md", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(Root, "plugins"), "README.md", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(Root, file)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(PackageReadmes))]
    public void PackageReadme_ReferencesOnlyWhatShipsAndNoRepositoryCommand(string file)
    {
        var text = File.ReadAllText(Path.Combine(Root, file));

        text.ShouldNotContain("dotnet run --project", customMessage: $"{file} tells a package's user to run the repository");
        foreach (Match link in MarkdownLink().Matches(text))
        {
            // A package README is read on the package's page, where a relative link leads nowhere.
            link.Groups["target"].Value.ShouldStartWith("https://", customMessage: $"{file} links '{link.Groups["target"].Value}', which the package does not hold");
        }
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex("^```json\n(?<json>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [GeneratedRegex("^```csharp\n(?<code>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex("[A-Z]")]
    private static partial Regex UpperCase();
}
