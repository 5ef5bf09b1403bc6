using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Targets.Core.Errors;
using Targets.Core.Formatting;
using Targets.Rules.Serialization;

namespace Targets.Rules.Authoring;

/// <summary>
/// Writes a new folder plugin that validates and assesses as it is: a manifest, one rule set (a share, a change from the
/// year before, and a quota on an indicator of the plugin's own, in a unit it declares), an illustrative sample, a README
/// saying what to change, and the schemas, which every file's <c>$schema</c> points to by a path inside the folder, so that
/// an editor checks the files wherever the folder is copied.
/// </summary>
internal static partial class PluginScaffold
{
    /// <summary>The files the scaffold writes, relative to the plugin folder.</summary>
    public static IReadOnlyList<string> Files { get; } =
        ["plugin.json", "rules/ke-hoach.rules.json", "samples/sample.json", "README.md", .. SchemaFiles.Select(file => "schemas/" + file)];

    private static IEnumerable<string> SchemaFiles => Enum.GetValues<TargetsSchema>().Select(FileName);

    /// <summary>The file name a schema is shipped under: <c>ruleset.schema.json</c>.</summary>
    public static string FileName(TargetsSchema schema) => $"{schema.ToString().ToLowerInvariant()}.schema.json";

    /// <summary>Writes the schemas into a folder (created if need be) and returns the files written.</summary>
    public static IReadOnlyList<string> WriteSchemas(string folder)
    {
        Directory.CreateDirectory(folder);
        return [.. Enum.GetValues<TargetsSchema>().Select(schema =>
        {
            var path = Path.Combine(folder, FileName(schema));
            File.WriteAllText(path, SchemaValidator.Text(schema));
            return path;
        })];
    }

    /// <summary>Writes a new plugin for a locality into <paramref name="folder"/>, which must not exist or be empty.</summary>
    /// <exception cref="DataException">The code or name is not usable, or the folder holds files already.</exception>
    public static void Write(string code, string name, string folder)
    {
        if (!LocalityCode().IsMatch(code))
        {
            throw new DataException($"'{code}' is not a locality code: lower-case letters and digits in kebab case, such as 'can-tho' or 'vi-du'", new SourceLocation("--code"));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DataException("the locality's name is empty: give it as the documents write it, such as \"Cần Thơ\"", new SourceLocation("--name"));
        }

        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new DataException($"'{folder}' already holds files; choose a new or empty folder with --output", new SourceLocation("--output"));
        }

        name = name.Trim();
        var unit = VietnameseFormat.LowerFirst(name);
        Write(folder, "plugin.json", new JsonObject
        {
            ["$schema"] = "schemas/plugin.schema.json",
            ["code"] = code,
            ["name"] = name,
            ["unit"] = unit,
            ["description"] = $"Các chỉ tiêu phòng, chống tội phạm của {unit} (khung mẫu do 'targets new' tạo: thay bằng văn bản thật).",
            ["defaultSample"] = "samples/sample.json",
        });
        Write(folder, "rules/ke-hoach.rules.json", RuleSet(code, unit));
        Write(folder, "samples/sample.json", Sample(code));
        WriteSchemas(Path.Combine(folder, "schemas"));
        File.WriteAllText(Path.Combine(folder, "README.md"), Readme(code, name));
    }

    private static JsonObject RuleSet(string code, string unit) => new()
    {
        ["$schema"] = "../schemas/ruleset.schema.json",
        ["document"] = new JsonObject
        {
            ["id"] = "KH-MAU",
            ["kind"] = "Kế hoạch",
            ["number"] = null,
            ["issuer"] = $"Ủy ban nhân dân {unit}",
            ["issuedOn"] = null,
            ["title"] = "Kế hoạch phòng, chống tội phạm năm 2025 (khung mẫu: thay bằng văn bản thật)",
            ["period"] = "2025",
            ["source"] = "(tên tệp văn bản nguồn)",
        },
        ["units"] = new JsonArray("lớp"),
        ["indicators"] = new JsonArray(new JsonObject
        {
            ["id"] = $"{code}.training-classes",
            ["name"] = "Số lớp tập huấn nghiệp vụ phòng, chống tội phạm",
            ["unit"] = "lớp",
            ["direction"] = "higherIsBetter",
            ["kind"] = "count",
            ["stockOrFlow"] = "flow",
        }),
        ["targets"] = new JsonArray(
            Target($"{code}.kh-mau.1", "1", "Tỷ lệ điều tra, khám phá các loại tội phạm đạt từ 75% trở lên", "crime.clearance-rate",
                new JsonObject { ["kind"] = "level", ["comparison"] = ">=", ["value"] = 75 }, unit),
            Target($"{code}.kh-mau.2", "2", "Giảm 05% số vụ phạm tội về trật tự xã hội so với năm 2024", "crime.social-order.cases",
                new JsonObject
                {
                    ["kind"] = "change", ["baseline"] = new JsonObject { ["kind"] = "year", ["year"] = 2024 }, ["direction"] = "decrease",
                    ["measure"] = "relative", ["comparison"] = ">=", ["value"] = 5,
                }, unit),
            Target($"{code}.kh-mau.3", "3", "Tổ chức ít nhất 04 lớp tập huấn nghiệp vụ", $"{code}.training-classes",
                new JsonObject { ["kind"] = "quota", ["value"] = 4 }, unit)),
        ["goals"] = new JsonArray(new JsonObject
        {
            ["id"] = $"{code}.kh-mau.4",
            ["clause"] = "4",
            ["wording"] = "Tăng cường phối hợp giữa các lực lượng.",
            ["reason"] = "Không có con số: không đặt ngưỡng.",
        }),
    };

    private static JsonObject Target(string id, string clause, string wording, string indicator, JsonObject requirement, string unit) => new()
    {
        ["id"] = id,
        ["clause"] = clause,
        ["wording"] = wording,
        ["indicator"] = indicator,
        ["requirement"] = requirement,
        ["schedule"] = new JsonObject { ["kind"] = "year", ["year"] = 2025 },
        ["responsibility"] = new JsonObject { ["lead"] = new JsonArray($"Công an {unit}") },
    };

    private static JsonObject Sample(string code) => new()
    {
        ["$schema"] = "../schemas/dataset.schema.json",
        ["locality"] = code,
        ["description"] = "Số liệu minh họa, không phải số liệu thống kê chính thức.",
        ["asOf"] = "2025-12-31",
        ["figures"] = new JsonArray(
            Figure("crime.cases.solved", "2025", 41),
            Figure("crime.cases.prosecuted", "2025", 50),
            Figure("crime.social-order.cases", "2024", 400),
            Figure("crime.social-order.cases", "2025", 372),
            Figure($"{code}.training-classes", "2025", 3)),
    };

    private static JsonObject Figure(string indicator, string period, int value) => new() { ["indicator"] = indicator, ["period"] = period, ["value"] = value };

    private static string Readme(string code, string name) => $"""
        # Plugin {name} (`{code}`)

        Made by `targets new`: it validates and assesses as it is, with a made-up plan and illustrative figures.

        ```sh
        targets validate --plugin-folder .      # every problem, one line each
        targets assess --plugin-folder .        # the report on samples/sample.json
        ```

        To make it the province's own:

        1. `rules/`: one `*.rules.json` per plan document: the document as printed (number and date `null` when the
           text gives none), then one target per requirement, its wording copied verbatim, its clause, indicator,
           requirement and schedule, and a `reading` wherever the text is open. A unit the standard list lacks is
           declared under `units` (here `lớp`).
        2. `samples/`: the figures (label them illustrative if they are not official).
        3. `templates/<name>.scriban` (optional): overrides the default template of that name.

        The format: docs/authoring.md; the templates and what they can print: docs/templates.md; how the wording sets a
        requirement: docs/domain.md. `schemas/` holds the JSON schemas every file's `$schema` points to.

        """;

    private static void Write(string folder, string path, JsonObject json)
    {
        var full = Path.Combine(folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, json.ToJsonString(Indented) + "\n");
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex LocalityCode();
}
