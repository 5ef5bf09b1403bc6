using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Targets.Core.Errors;
using Targets.Core.Evaluation;
using Targets.Rules.Files;
using Targets.Rules.Plugins;
using Targets.Spreadsheets.Templates;

namespace Targets.Cli;

/// <summary>Figures as offices keep them: the <c>template</c> command, and <c>--strict</c> for figures no target reads.</summary>
internal static partial class CommandLine
{
    /// <summary>The most units a --units file may name (a whole country has 3,321 communes).</summary>
    private const int MaxUnits = 10_000;

    /// <summary>The largest --units file read: 4 MB, far more than 10,000 names one a line.</summary>
    private const long MaxUnitsFileBytes = 4L * 1024 * 1024;

    private static Command TemplateCommand(TextWriter stdout, TextWriter stderr, Option<string[]> pluginFolders)
    {
        var locality = new Option<string>("--locality", "-l") { Description = "Locality code (can-tho, quang-ninh, tay-ninh, hai-phong, or a --plugin-folder's code).", Required = true };
        var year = new Option<int>("--year", "-y") { Description = "The year the figures are for: the template asks for every figure an assessment as of its end reads.", Required = true };
        var units = new Option<string?>("--units") { Description = "A text file naming the units that report (one per line, UTF-8), for targets that hold for each unit." };
        var output = new Option<string?>("--output", "-o") { Description = "The .xlsx to write. Default: <locality>-<year>.xlsx in the current folder." };
        var command = new Command("template", "Write the .xlsx an office fills in: one row per figure the locality's targets need, with Vietnamese names, locked indicator ids, validated cells and instructions.")
        {
            locality, year, units, output, pluginFolders,
        };
        command.SetAction(parse => Guard(stderr, () => WriteTemplate(
            parse.GetValue(locality)!, parse.GetValue(year), parse.GetValue(units), parse.GetValue(output), parse.GetValue(pluginFolders) ?? [], stdout)));
        return command;
    }

    private static int WriteTemplate(string localityCode, int year, string? unitsFile, string? outputFile, IReadOnlyList<string> pluginFolders, TextWriter stdout)
    {
        CheckOptions(year, outputFile, pluginFolders);
        using var services = Services(pluginFolders);
        var rules = services.GetRequiredService<LocalityRegistry>().Compile(localityCode);
        var units = unitsFile is null ? [] : ReadUnits(unitsFile);
        var path = outputFile ?? string.Create(CultureInfo.InvariantCulture, $"{localityCode}-{year}.xlsx");
        IReadOnlyList<TemplateRow> rows = [];
        Write(path, stdout, stream => rows = FigureTemplate.Write(stream, rules, year, units));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {rows.Count} figures to fill in for {rules.Locality.UnitName ?? rules.Locality.Name}, {year}"));
        return Success;
    }

    /// <summary>
    /// The units named in a --units file (UTF-8, read as every input is, <see cref="RegularFile"/>): one per line, blank
    /// lines and lines starting with # left out, each once.
    /// </summary>
    private static List<string> ReadUnits(string path)
    {
        var bytes = RegularFile.ReadAll(path, MaxUnitsFileBytes, "units files", problem => new DataException(problem, new SourceLocation(path)));
        var units = new List<string>();
        var lineNumber = 0;
        foreach (var line in Encoding.UTF8.GetString(bytes).Split('\n'))
        {
            lineNumber++;
            var unit = line.Trim().TrimStart('\uFEFF').Trim();
            if (unit.Length == 0 || unit.StartsWith('#'))
            {
                continue;
            }

            if (units.Contains(unit, StringComparer.Ordinal))
            {
                throw new DataException($"the unit '{unit}' is named twice", new SourceLocation(path, lineNumber));
            }

            units.Add(units.Count < MaxUnits ? unit : throw new DataException(string.Create(CultureInfo.InvariantCulture, $"more than {MaxUnits} units"), new SourceLocation(path, lineNumber)));
        }

        return units;
    }

    /// <summary>With --strict, a figure no target can read is an error naming it and why, not a line in the report.</summary>
    private static void RefuseUnusedFigures(Assessment assessment)
    {
        var refused = assessment.UnusedFigures.Where(u => u.IsRefusedWhenStrict).ToList();
        if (refused.Count == 0)
        {
            return;
        }

        var first = refused[0];
        var more = refused.Count == 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" ({refused.Count - 1} more figures are not read either)");
        throw new DataException(
            $"--strict: no target reads '{first.Figure.Indicator}' for {first.Figure.Period}{(first.Figure.AdminUnit is { } unit ? $" ({unit})" : string.Empty)}: {first.Explanation}{more}",
            first.Figure.Source);
    }
}
