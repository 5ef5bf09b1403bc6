using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Core.Formatting;
using Targets.Core.Periods;
using Targets.Core.Targets;
using Targets.Plugins.CanTho;
using Targets.Plugins.HaiPhong;
using Targets.Plugins.QuangNinh;
using Targets.Plugins.TayNinh;
using Targets.Reports.Html;
using Targets.Reports.Word;
using Targets.Reports.Word.Settings;
using Targets.Rules.DependencyInjection;
using Targets.Rules.Engine;
using Targets.Rules.Files;
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
        var plan = new Option<string?>("--plan") { Description = "Evaluate another plan period, e.g. 2016/2020: only the rule sets whose own period it is, when there are any; otherwise every rule set, its relative baselines following." };
        var format = new Option<string>("--format", "-f") { Description = "text, md, json, html (one self-contained page) or docx (a Word report; needs --output).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "md", "json", "html", "docx");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var document = new DocumentOptions();
        var pluginFolders = new Option<string[]>("--plugin-folder") { Description = "Load a locality plugin from a folder of JSON rule sets and templates (repeatable).", AllowMultipleArgumentsPerToken = false };
        var strict = new Option<bool>("--strict") { Description = "Refuse figures that no target reads (an indicator, a period or a date nothing reads) instead of listing them." };

        var assess = new Command("assess", "Evaluate a locality's figures against its targets and print the assessment.")
        {
            locality, data, year, plan, format, output, pluginFolders, strict, document.Issuer, document.ParentIssuer, document.Place, document.SettingsFile,
        };
        var listFormat = new Option<string>("--format", "-f") { Description = "text, json, or md (the README's target tables).", DefaultValueFactory = _ => "text" };
        listFormat.AcceptOnlyFromAmong("text", "json", "md");
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
        foreach (var command in AuthoringCommands(stdout, stderr))
        {
            root.Add(command);
        }

        assess.SetAction(parse => Guard(stderr, () => Assess(
            parse.GetValue(locality), parse.GetValue(data), parse.GetValue(year), parse.GetValue(plan),
            parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(pluginFolders) ?? [], parse.GetValue(strict), stdout, () => document.Settings(parse))));
        list.SetAction(parse => Guard(stderr, () => List(
            parse.GetValue(listLocality), parse.GetValue(listFormat)!, parse.GetValue(listOutput), parse.GetValue(pluginFolders) ?? [], stdout)));

        return Guard(stderr, () =>
        {
            // Response files are off: '@name' is a value like any other, never the contents of a file spliced into the
            // command line (which printed files to stderr and could slip in an --output).
            var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors)
                {
                    WriteError(stderr, error.Message);
                }

                stderr.WriteLine("Run 'targets --help' for usage.");
                return Failure;
            }

            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        });
    }

    /// <summary>
    /// Runs a command, turning every exception into one <c>error:</c> line and exit 2: a <see cref="TargetsException"/>
    /// or a file system error as it is, anything else (a defect) as an internal error, never a stack trace.
    /// </summary>
    internal static int Guard(TextWriter stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (TargetsException exception)
        {
            WriteError(stderr, exception.Message);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            WriteError(stderr, exception.Message);
        }
#pragma warning disable CA1031 // The last resort: a defect still ends in one line and exit 2, not a stack trace.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            WriteError(stderr, $"internal error (a defect in Targets, please report it): {exception.GetType().Name}: {exception.Message}");
        }

        return Failure;
    }

    /// <summary>
    /// Prints one error line. The message carries text from files and paths, so control characters (a terminal escape, a
    /// newline that would forge a second error line) and bidirectional overrides are written escaped, as <c>\u001B</c>.
    /// </summary>
    private static void WriteError(TextWriter stderr, string message) => stderr.WriteLine($"error: {Escape(message)}");

    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => escaped.Append("\\n"),
                '\r' => escaped.Append("\\r"),
                '\t' => escaped.Append("\\t"),
                _ when char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u2028' or '\u2029'
                    => escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    /// <summary>Refuses option values no command can use, each with one line naming the option.</summary>
    private static void CheckOptions(int? year, string? outputFile, IReadOnlyList<string> pluginFolders, string? dataFile = null)
    {
        // The years an assessment may stand at are the same however the date is given (AsOfRange).
        if (year is { } y && AsOfRange.Problem(y, $"the year {y.ToString(CultureInfo.InvariantCulture)}") is { } problem)
        {
            throw new DataException(problem, new SourceLocation("--year"));
        }

        if (outputFile is not null && string.IsNullOrWhiteSpace(outputFile))
        {
            throw new DataException("the output path is empty", new SourceLocation("--output"));
        }

        if (pluginFolders.Any(string.IsNullOrWhiteSpace))
        {
            throw new DataException("the plugin folder path is empty", new SourceLocation("--plugin-folder"));
        }

        if (outputFile is not null && dataFile is not null && OpenedFile.SameFile(dataFile, outputFile))
        {
            throw new DataException($"the output '{outputFile}' is the dataset being read ('{dataFile}'); writing the report there would overwrite the figures", new SourceLocation("--output"));
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

    private static int Assess(
        string? localityCode, string? dataFile, int? year, string? planText, string format, string? outputFile, IReadOnlyList<string> pluginFolders, bool strict, TextWriter stdout, Func<ReportSettings> reportSettings)
    {
        CheckOptions(year, outputFile, pluginFolders, dataFile);
        if (format == "docx" && outputFile is null)
        {
            throw new TargetsException("a Word document is binary and is not written to the terminal: give --output FILE.docx", new SourceLocation("--format docx"));
        }

        var settings = format == "docx" ? reportSettings() : ReportSettings.Empty;
        using var services = Services(pluginFolders);
        var registry = services.GetRequiredService<LocalityRegistry>();
        // A single plugin folder's own locality is read only when nothing else names one, so that a broken folder beside
        // the locality asked for does not stop it.
        var csvLocality = dataFile is not null && localityCode is null && Path.GetExtension(dataFile).Equals(".csv", StringComparison.OrdinalIgnoreCase)
            ? FolderLocality(pluginFolders)
            : localityCode;
        var dataset = dataFile is null ? null : DatasetFile.Read(dataFile, csvLocality);
        var code = localityCode ?? dataset?.Locality ?? FolderLocality(pluginFolders) ?? DefaultLocality;
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
            switch (format)
            {
                case "json":
                    JsonReports.WriteAssessment(stream, assessment, rules, planOverride);
                    return;
                case "html":
                    HtmlReport.Write(ReportBuilder.Build(assessment, rules, planOverride), stream);
                    return;
                case "docx":
                    WordReport.Write(ReportBuilder.Build(assessment, rules, planOverride), settings, stream);
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
        CheckOptions(null, outputFile, pluginFolders);
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

            if (format == "md")
            {
                stream.Write(Encoding.UTF8.GetBytes(TargetsMarkdown.Summary(plugins.Select(p => (p.plugin, p.Item2, FullListing(p.plugin))))));
                return;
            }

            var text = new StringBuilder();
            foreach (var (plugin, rules) in plugins)
            {
                text.Append(plugin.Manifest.Code).Append(": ").Append(plugin.Manifest.Name).Append(" — ").AppendLine(plugin.Manifest.Description);
                var labels = TargetLabels.For(rules.RuleSets.SelectMany(set => set.Targets));
                foreach (var set in rules.RuleSets)
                {
                    text.Append("  ").AppendLine(RequirementText.Citation(set.Document));
                    foreach (var target in set.Targets)
                    {
                        text.Append("    ").Append(target.Id.Value).Append(" [").Append(labels.Of(target.Id)).Append("] ")
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

    /// <summary>Where a bundled plugin's full listing lives in this repository (<c>plugins/CanTho/TARGETS.md</c>); null for others.</summary>
    private static string? FullListing(ITargetsPlugin plugin)
    {
        const string prefix = "Targets.Plugins.";
        var assembly = plugin.GetType().Assembly.GetName().Name;
        return assembly is not null && assembly.StartsWith(prefix, StringComparison.Ordinal) ? $"plugins/{assembly[prefix.Length..]}/TARGETS.md" : null;
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

    /// <summary>The options of the Word report's heading: each overrides the same value in the settings file.</summary>
    private sealed class DocumentOptions
    {
        public Option<string?> Issuer { get; } = new("--issuer") { Description = "docx: the issuing body (cơ quan ban hành), e.g. \"Ban Chỉ đạo 138 thành phố Cần Thơ\". Default: a visible placeholder." };

        public Option<string?> ParentIssuer { get; } = new("--parent-issuer") { Description = "docx: the body above the issuer (cơ quan chủ quản), if any." };

        public Option<string?> Place { get; } = new("--place") { Description = "docx: the place name before the date (địa danh), e.g. \"Cần Thơ\". Default: a visible placeholder." };

        public Option<string?> SettingsFile { get; } = new("--report-settings") { Description = "docx: a JSON file { issuer, parentIssuer, place, recipients }." };

        public ReportSettings Settings(ParseResult parse)
        {
            var file = parse.GetValue(SettingsFile);
            var settings = file is null ? ReportSettings.Empty : ReportSettings.ReadFile(file);
            return settings.With(parse.GetValue(Issuer), parse.GetValue(ParentIssuer), parse.GetValue(Place));
        }
    }
}
