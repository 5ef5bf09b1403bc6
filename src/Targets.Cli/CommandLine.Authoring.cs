using System.CommandLine;
using Targets.Core.Errors;
using Targets.Rules.Authoring;
using Targets.Rules.Engine;
using Targets.Rules.Narratives;
using Targets.Rules.Plugins;

namespace Targets.Cli;

/// <summary>
/// The commands for plugin authors: <c>validate</c> lists every problem of a plugin folder, <c>new</c> scaffolds one that
/// works as it is, <c>schema</c> writes the JSON schemas for an editor.
/// </summary>
internal static partial class CommandLine
{
    private static IEnumerable<Command> AuthoringCommands(TextWriter stdout, TextWriter stderr)
    {
        var folder = new Option<string>("--plugin-folder") { Description = "The plugin folder to check.", Required = true };
        var validate = new Command("validate", "Check a plugin folder: every file against its schema, the rules compiled, every template, every sample evaluated and rendered. Lists every problem; exit 0 when there is none, 2 otherwise.")
        {
            folder,
        };
        validate.SetAction(parse => Guard(stderr, () => Validate(parse.GetValue(folder)!, stdout, stderr)));

        var code = new Option<string>("--code") { Description = "The locality code, kebab case: my-province.", Required = true };
        var name = new Option<string>("--name") { Description = "The locality's name as the documents write it: \"Tỉnh Của Tôi\".", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "The folder to create (new or empty). Default: ./<code>." };
        var scaffold = new Command("new", "Create a folder plugin for a locality that validates and assesses as it is, ready to fill with the province's plans.")
        {
            code, name, output,
        };
        scaffold.SetAction(parse => Guard(stderr, () => New(parse.GetValue(code)!, parse.GetValue(name)!, parse.GetValue(output), stdout)));

        var schemaOutput = new Option<string>("--output", "-o") { Description = "The folder to write the schemas into.", DefaultValueFactory = _ => "schemas" };
        var schema = new Command("schema", "Write the JSON schemas of rule sets, datasets and plugin manifests (for an editor's $schema).")
        {
            schemaOutput,
        };
        schema.SetAction(parse => Guard(stderr, () => Schemas(parse.GetValue(schemaOutput)!, stdout)));
        return [validate, scaffold, schema];
    }

    private static int Validate(string folder, TextWriter stdout, TextWriter stderr)
    {
        CheckOptions(null, null, [folder]);
        var validation = PluginValidator.Validate(folder, new NRulesRuleEngine(), new NarrativeRenderer());
        if (!validation.IsSound)
        {
            foreach (var problem in validation.Problems)
            {
                WriteError(stderr, problem);
            }

            stderr.WriteLine($"{Count(validation.Problems.Count, "problem")} in {folder}");
            return Failure;
        }

        var manifest = validation.Manifest!;
        stdout.WriteLine(
            $"ok: {manifest.Code} ({manifest.Name}): {Count(validation.RuleSets.Count, "rule set")}, {Count(validation.RuleSets.Sum(set => set.Targets.Count), "target")}, "
            + $"{Count(validation.SamplesRendered.Count, "sample")} evaluated and rendered ({string.Join(", ", validation.SamplesRendered)})");
        return Success;
    }

    private static int New(string code, string name, string? output, TextWriter stdout)
    {
        var folder = output ?? code;
        if (string.IsNullOrWhiteSpace(folder))
        {
            throw new DataException("the output path is empty", new SourceLocation("--output"));
        }

        PluginScaffold.Write(code, name, folder);
        stdout.WriteLine($"created {folder}: {string.Join(", ", PluginScaffold.Files)}");
        stdout.WriteLine($"next: targets validate --plugin-folder {folder} && targets assess --plugin-folder {folder}");
        return Success;
    }

    private static int Schemas(string output, TextWriter stdout)
    {
        CheckOptions(null, output, []);
        foreach (var file in PluginScaffold.WriteSchemas(output))
        {
            stdout.WriteLine(file);
        }

        return Success;
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";

    /// <summary>
    /// The locality of the one plugin folder given, which is then the default: assessing a folder plugin never falls back
    /// to another locality without a word. Several folders name no default: the locality must be given.
    /// </summary>
    private static string? FolderLocality(IReadOnlyList<string> pluginFolders) => pluginFolders.Count switch
    {
        0 => null,
        1 => TargetsPlugin.FromFolder(pluginFolders[0]).Manifest.Code,
        _ => throw new DataException(
            $"several plugin folders are given ({string.Join(", ", pluginFolders.Select(f => TargetsPlugin.FromFolder(f).Manifest.Code))}): say which locality to assess with --locality",
            new SourceLocation("--locality")),
    };
}
