using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Core.Formatting;
using Targets.Core.Periods;
using Targets.Plugins.CanTho;
using Targets.Plugins.HaiPhong;
using Targets.Plugins.QuangNinh;
using Targets.Plugins.TayNinh;
using Targets.Rules.DependencyInjection;
using Targets.Rules.Engine;
using Targets.Rules.Narratives;
using Targets.Rules.Plugins;
using Targets.Rules.Reporting;
using Targets.Spreadsheets.Reading;

namespace Targets.Cli;

/// <summary>
/// The <c>targets</c> command: <c>assess</c> evaluates a locality's figures and prints the assessment; <c>list</c> lists
/// plugins, documents and targets. Errors print one readable line to stderr and exit 2; a produced report exits 0.
/// </summary>
internal static partial class CommandLine
{
    public const int Success = 0;
    public const int Failure = 2;
    private const string DefaultLocality = "can-tho";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var locality = new Option<string?>("--locality", "-l") { Description = "Locality code (can-tho, quang-ninh, tay-ninh, hai-phong, or a --plugin-folder's code). Default: the dataset's locality, else can-tho." };
        var data = new Option<string?>("--data", "-d") { Description = "Figures: a workbook filled in from 'targets template' (.xlsx), a .csv file, or dataset JSON (schemas/dataset.schema.json). Default: the plugin's bundled sample." };
        var year = new Option<int?>("--year", "-y") { Description = "Assess as of the end of this year. Default: the dataset's asOf, else its latest year." };
        var plan = new Option<string?>("--plan") { Description = "Apply the rules to another plan period, e.g. 2016/2020 (relative baselines follow it)." };
        var format = new Option<string>("--format", "-f") { Description = "text, md or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "md", "json");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var pluginFolders = new Option<string[]>("--plugin-folder") { Description = "Load a locality plugin from a folder of JSON rule sets and templates (repeatable).", AllowMultipleArgumentsPerToken = false };
        var strict = new Option<bool>("--strict") { Description = "Refuse figures that no target reads (an indicator, a period or a date nothing reads) instead of listing them." };

        var assess = new Command("assess", "Evaluate a locality's figures against its targets and print the assessment.")
        {
            locality, data, year, plan, format, output, pluginFolders, strict,
        };
        var listFormat = new Option<string>("--format", "-f") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        listFormat.AcceptOnlyFromAmong("text", "json");
        var listLocality = new Option<string?>("--locality", "-l") { Description = "Only this locality." };
        var listOutput = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var list = new Command("list", "List plugins, their documents and targets (with indicator ids).")
        {
            listLocality, listFormat, listOutput, pluginFolders,
        };

        var root = new RootCommand("Targets: evaluate Vietnamese crime-prevention and drug-control plan targets and write the assessment.")
        {
            assess, list, TemplateCommand(stdout, stderr, pluginFolders),
        };

        assess.SetAction(parse => Guard(stderr, () => Assess(
            parse.GetValue(locality), parse.GetValue(data), parse.GetValue(year), parse.GetValue(plan),
            parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(pluginFolders) ?? [], parse.GetValue(strict), stdout)));
        list.SetAction(parse => Guard(stderr, () => List(
            parse.GetValue(listLocality), parse.GetValue(listFormat)!, parse.GetValue(listOutput), parse.GetValue(pluginFolders) ?? [], stdout)));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"error: {error.Message}");
            }

            stderr.WriteLine("Run 'targets --help' for usage.");
            return Failure;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static int Guard(TextWriter stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (TargetsException exception)
        {
            stderr.WriteLine($"error: {exception.Message}");
            return Failure;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: {exception.Message}");
            return Failure;
        }
    }

    private static ServiceProvider Services(IReadOnlyList<string> pluginFolders) =>
        new ServiceCollection().AddTargets(targets =>
        {
            targets.AddCanTho().AddQuangNinh().AddTayNinh().AddHaiPhong();
            foreach (var folder in pluginFolders)
            {
                targets.AddPluginFolder(folder);
            }
        }).BuildServiceProvider();

    private static int Assess(string? localityCode, string? dataFile, int? year, string? planText, string format, string? outputFile, IReadOnlyList<string> pluginFolders, bool strict, TextWriter stdout)
    {
        using var services = Services(pluginFolders);
        var registry = services.GetRequiredService<LocalityRegistry>();
        var dataset = dataFile is null ? null : DatasetFile.Read(dataFile, localityCode);
        var code = localityCode ?? dataset?.Locality ?? DefaultLocality;
        var plugin = registry.Get(code);
        var rules = registry.Compile(code);
        dataset ??= plugin.LoadSample();
        ReportingPeriod? planOverride = null;
        if (planText is not null)
        {
            planOverride = ReportingPeriod.TryParse(planText, out var parsedPlan, out var problem) && parsedPlan.Kind is PeriodKind.Span or PeriodKind.Year
                ? parsedPlan
                : throw new DataException(problem, new SourceLocation("--plan"));
        }

        var options = new EvaluationOptions { AsOf = year is { } y ? new DateOnly(y, 12, 31) : null, PlanOverride = planOverride };
        var assessment = rules.Evaluate(dataset, options);
        if (strict)
        {
            RefuseUnusedFigures(assessment);
        }
        Write(outputFile, stdout, stream =>
        {
            if (format == "json")
            {
                JsonReports.WriteAssessment(stream, assessment, rules, planOverride);
                return;
            }

            var text = services.GetRequiredService<NarrativeRenderer>().Render(
                assessment, rules, plugin.LoadTemplates(), format == "md" ? NarrativeFormat.Markdown : NarrativeFormat.Text, planOverride);
            stream.Write(Encoding.UTF8.GetBytes(text));
        });
        return Success;
    }

    private static int List(string? localityCode, string format, string? outputFile, IReadOnlyList<string> pluginFolders, TextWriter stdout)
    {
        using var services = Services(pluginFolders);
        var registry = services.GetRequiredService<LocalityRegistry>();
        var plugins = (localityCode is null ? registry.Plugins : [registry.Get(localityCode)])
            .Select(plugin => (plugin, registry.Compile(plugin.Manifest.Code)))
            .ToList();
        Write(outputFile, stdout, stream =>
        {
            if (format == "json")
            {
                JsonReports.WriteListing(stream, plugins);
                return;
            }

            var text = new StringBuilder();
            foreach (var (plugin, rules) in plugins)
            {
                text.Append(plugin.Manifest.Code).Append(": ").Append(plugin.Manifest.Name).Append(" — ").AppendLine(plugin.Manifest.Description);
                foreach (var set in rules.RuleSets)
                {
                    text.Append("  ").AppendLine(RequirementText.Citation(set.Document));
                    foreach (var target in set.Targets)
                    {
                        text.Append("    ").Append(target.Id.Value).Append(" [").Append(target.Clause).Append("] ")
                            .Append(RequirementText.Describe(target, rules.Catalog)).Append(", ")
                            .Append(RequirementText.Schedule(target.Schedule, target.Document.Period))
                            .Append(" — ").AppendLine(string.Join(", ", target.ReadIndicators(rules.Catalog).Select(i => i.Value)));
                    }

                    if (set.Goals.Count > 0)
                    {
                        text.Append("    (").Append(set.Goals.Count).AppendLine(" mục tiêu định tính, không đo bằng số liệu)");
                    }

                    if (set.Tasks.Count > 0)
                    {
                        text.Append("    (").Append(set.Tasks.Count).AppendLine(" nhiệm vụ có thời hạn)");
                    }
                }
            }

            stream.Write(Encoding.UTF8.GetBytes(text.ToString()));
        });
        return Success;
    }

    private static void Write(string? outputFile, TextWriter stdout, Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        if (outputFile is null)
        {
            stdout.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            stdout.Flush();
            return;
        }

        File.WriteAllBytes(outputFile, buffer.ToArray());
    }
}
