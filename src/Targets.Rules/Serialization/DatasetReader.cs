using System.Globalization;
using System.Text.Json;
using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Core.Indicators;
using Targets.Core.Periods;

namespace Targets.Rules.Serialization;

/// <summary>
/// Reads dataset JSON (<c>schemas/dataset.schema.json</c>): syntax, schema, then periods and ids, every figure keeping
/// its file, line and path so that later checks (unknown indicator, numerator above denominator) can name it.
/// </summary>
public static class DatasetReader
{
    /// <summary>Reads a dataset from a file.</summary>
    /// <exception cref="DataException">The file is missing, malformed, or not a valid dataset.</exception>
    public static Dataset ReadFile(string path) =>
        Read(JsonInput.FromFile(path, problem => new DataException(problem, new SourceLocation(path))));

    /// <summary>Reads a dataset from UTF-8 bytes.</summary>
    /// <param name="name">The name to cite in errors.</param>
    /// <param name="utf8">The JSON.</param>
    /// <exception cref="DataException">The input is malformed or not a valid dataset.</exception>
    public static Dataset Read(string name, ReadOnlyMemory<byte> utf8) => Read(name, utf8, checkSchema: true);

    /// <summary>Reads a dataset, checking it against the schema unless it was checked when it was built (embedded content).</summary>
    internal static Dataset Read(string name, ReadOnlyMemory<byte> utf8, bool checkSchema) =>
        Read(JsonInput.FromBytes(name, utf8, problem => new DataException(problem, new SourceLocation(name))), checkSchema);

    internal static Dataset Read(JsonInput input, bool checkSchema = true)
    {
        static Exception Error(string problem, SourceLocation location) => new DataException(problem, location);
        input.CheckSyntax(Error);
        if (checkSchema)
        {
            SchemaValidator.Validate(input, TargetsSchema.Dataset, Error);
        }

        DatasetForm form;
        try
        {
            form = JsonSerializer.Deserialize(input.Utf8.Span, FormsJsonContext.Default.DatasetForm)!;
        }
        catch (JsonException exception)
        {
            throw new DataException(JsonInput.FirstSentence(exception.Message), exception.Path is { } p ? input.Locate(p) : new SourceLocation(input.Name));
        }

        var figureLocations = JsonLocator.LocateElements(input, "figures");
        var taskLocations = JsonLocator.LocateElements(input, "tasks");
        var figures = new List<Figure>(form.Figures.Count);
        for (var i = 0; i < form.Figures.Count; i++)
        {
            var figure = form.Figures[i];
            var location = figureLocations[i];
            if (!IndicatorId.IsValid(figure.Indicator))
            {
                throw new DataException($"'{figure.Indicator}' is not an indicator id", location);
            }

            if (!ReportingPeriod.TryParse(figure.Period, out var period, out var problem))
            {
                throw new DataException(problem, location);
            }

            figures.Add(new Figure(new IndicatorId(figure.Indicator), period, figure.Value, figure.AdminUnit, figure.Note, location, figure.Unit, figure.Boundary));
        }

        var tasks = (form.Tasks ?? []).Select((task, i) => TaskReport(task, taskLocations[i])).ToList();

        return new Dataset
        {
            Locality = form.Locality,
            Description = form.Description,
            AsOf = form.AsOf is null ? null : AsOf(form.AsOf, input.Locate("$.asOf")),
            AdminUnits = form.AdminUnits ?? [],
            Figures = figures,
            Tasks = tasks,
            SourceFile = input.Name,
        };
    }

    /// <summary>A task report: the whole task done on a date, or its milestones one by one (not both).</summary>
    private static TaskReport TaskReport(TaskReportForm task, SourceLocation location)
    {
        if (task.Milestones is null)
        {
            return new TaskReport(task.Task, task.CompletedOn is null ? null : Date(task.CompletedOn, location), task.Note, location);
        }

        if (task.CompletedOn is not null)
        {
            throw new DataException(
                $"task '{task.Task}' gives both 'completedOn' (the whole task) and 'milestones': report one or the other", location);
        }

        var milestones = task.Milestones.Select((milestone, j) =>
        {
            // The task's line with the milestone's own path: locating each milestone's line would walk the input once per
            // milestone.
            var at = location with { Path = $"{location.Path}.milestones[{j.ToString(CultureInfo.InvariantCulture)}]" };
            return ReportingPeriod.TryParse(milestone.Deadline, out var deadline, out var problem)
                ? new MilestoneReport(deadline, milestone.CompletedOn is null ? null : Date(milestone.CompletedOn, at), at)
                : throw new DataException(problem, at);
        }).ToList();
        return new TaskReport(task.Task, null, task.Note, location) { Milestones = milestones };
    }

    /// <summary>The dataset's as-of date, refused outside <see cref="AsOfRange"/> (a year such as 0023 is a slip, not a date).</summary>
    private static DateOnly AsOf(string text, SourceLocation location)
    {
        var date = Date(text, location);
        return AsOfRange.Problem(date.Year, $"asOf '{text}'") is { } problem ? throw new DataException(problem, location) : date;
    }

    private static DateOnly Date(string text, SourceLocation location) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new DataException($"'{text}' is not a date (expected yyyy-MM-dd)", location);
}
