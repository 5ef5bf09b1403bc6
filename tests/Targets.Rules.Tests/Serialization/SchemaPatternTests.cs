using System.Text;
using System.Text.Json.Nodes;
using NJsonSchema;
using Targets.Core.Errors;
using Targets.Rules.Serialization;

namespace Targets.Rules.Tests.Serialization;

/// <summary>
/// Every pattern of the shipped schemas refuses a trailing newline. The validator runs .NET regular expressions, where a
/// bare <c>$</c> also matches before a final newline: <c>"can-tho\n"</c> passed as a second Cần Thơ.
/// </summary>
public sealed class SchemaPatternTests
{
    /// <summary>A value each pattern accepts; a new pattern without one fails the test below.</summary>
    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["locality"] = "can-tho",
        ["code"] = "vi-du",
        ["asOf"] = "2023-12-31",
        ["completedOn"] = "2023-12-31",
        ["issuedOn"] = "2021-12-16",
        ["indicator"] = "crime.social-order.cases",
        ["indicatorId"] = "crime.social-order.cases",
        ["targetId"] = "can-tho.20-ctr-tu.2.1.a",
        ["period"] = "2016/2020",
        ["deadline"] = "2023-01",
        ["boundary"] = "soc-trang",
        ["date"] = "2025-07-01",
    };

    public static TheoryData<string, string, string> Patterns()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var schema in Enum.GetValues<TargetsSchema>())
        {
            // A pattern used twice under one name (a plugin's code and a joined unit's code) is one case.
            foreach (var (name, pattern) in PatternsIn(JsonNode.Parse(SchemaValidator.Text(schema))!, null).Distinct())
            {
                data.Add(schema.ToString(), name, pattern);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public async Task Pattern_ValueWithATrailingNewline_IsRefused(string schema, string property, string pattern)
    {
        Examples.ShouldContainKey(property, $"{schema}: add an example for the pattern of '{property}'");
        var check = await JsonSchema.FromJsonAsync(new JsonObject { ["type"] = "string", ["pattern"] = pattern }.ToJsonString());

        check.Validate(Quoted(Examples[property])).ShouldBeEmpty();
        check.Validate(Quoted(Examples[property] + "\n")).ShouldNotBeEmpty();
    }

    [Fact]
    public void ReadDataset_LocalityWithATrailingNewline_IsRefused() =>
        Should.Throw<DataException>(() => DatasetReader.Read("data.json", Encoding.UTF8.GetBytes("""{ "locality": "can-tho\n", "figures": [] }""")))
            .Message.ShouldContain("'locality' ('can-tho\n') does not have the expected form");

    [Fact]
    public void ReadManifest_CodeWithATrailingNewline_IsRefused() =>
        Should.Throw<RuleSetException>(() => PluginManifest.Read("plugin.json", Encoding.UTF8.GetBytes("""{ "code": "can-tho\n", "name": "x", "description": "x", "defaultSample": "s.json" }""")))
            .Message.ShouldContain("'code'");

    private static string Quoted(string text) => JsonValue.Create(text).ToJsonString();

    private static IEnumerable<(string Name, string Pattern)> PatternsIn(JsonNode node, string? name)
    {
        if (node is JsonObject obj)
        {
            if (obj["pattern"] is JsonValue pattern && name is not null)
            {
                yield return (name, pattern.GetValue<string>());
            }

            foreach (var (key, child) in obj)
            {
                foreach (var found in child is null ? [] : PatternsIn(child, key))
                {
                    yield return found;
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var found in array.OfType<JsonNode>().SelectMany(child => PatternsIn(child, name)))
            {
                yield return found;
            }
        }
    }
}
