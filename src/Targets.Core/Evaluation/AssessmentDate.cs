using System.Globalization;
using Targets.Core.Data;
using Targets.Core.Errors;
using Targets.Core.Periods;

namespace Targets.Core.Evaluation;

/// <summary>The date an assessment stands at, and the checks on it.</summary>
public static class AssessmentDate
{
    /// <summary>
    /// The as-of date: the one asked for, else the dataset's <c>asOf</c>, else the end of the latest year any figure
    /// touches. Refused outside <see cref="AsOfRange"/>, and when nothing dates the assessment (no figures, no date).
    /// </summary>
    /// <exception cref="DataException">The date is out of range, or there is none.</exception>
    public static DateOnly Resolve(DateOnly? requested, Dataset dataset, FigureTable figures)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(figures);
        var file = dataset.SourceFile ?? "dataset";
        var asOf = requested ?? dataset.AsOf ?? (figures.LatestYear is { } latest
            ? new DateOnly(latest, 12, 31)
            : throw new DataException("the dataset has no figures and no asOf, so nothing dates the assessment: give asOf (or --year)", new SourceLocation(file)));
        if (AsOfRange.Contains(asOf.Year))
        {
            return asOf;
        }

        // What the date came from is written out for the message only: a batch resolves a date per dataset and year.
        var (what, location) = requested is not null ? ("the as-of date", new SourceLocation("as-of date"))
            : dataset.AsOf is not null ? ("asOf", new SourceLocation(file, Path: "$.asOf"))
            : ("the latest year of the figures", new SourceLocation(file));
        throw new DataException(AsOfRange.Problem(asOf.Year, string.Create(CultureInfo.InvariantCulture, $"{what} ({asOf:yyyy-MM-dd})"))!, location);
    }
}
