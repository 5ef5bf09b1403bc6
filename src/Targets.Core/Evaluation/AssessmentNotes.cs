using System.Globalization;
using Targets.Core.Documents;
using Targets.Core.Formatting;
using Targets.Core.Periods;

namespace Targets.Core.Evaluation;

/// <summary>Notes on an assessment as a whole, in Vietnamese: what a reader must know before reading its results.</summary>
public static class AssessmentNotes
{
    /// <summary>
    /// One note per document whose plan period the as-of date falls outside: after it, the results are those of the
    /// plan's period and nothing later is judged; before it, no target is due yet.
    /// </summary>
    public static IReadOnlyList<string> AsOfOutsidePlans(IEnumerable<DocumentReference> documents, DateOnly asOf, ReportingPeriod? planOverride = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var notes = new List<string>();
        foreach (var document in documents.DistinctBy(d => d.Id))
        {
            var plan = planOverride ?? document.Period;
            var when = $"Thời điểm đánh giá ({VietnameseFormat.ShortDate(asOf)})";
            var of = $"{RequirementText.Citation(document)} ({VietnameseFormat.Period(plan)})";
            if (asOf.Year > plan.EndYear)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{when} ở sau kỳ kế hoạch của {of}: các chỉ tiêu được đánh giá theo kết quả đến hết năm {plan.EndYear}; số liệu sau đó không được dùng để đánh giá."));
            }
            else if (asOf.Year < plan.StartYear)
            {
                notes.Add($"{when} ở trước kỳ kế hoạch của {of}: chưa có chỉ tiêu nào đến kỳ đánh giá.");
            }
        }

        return notes;
    }
}
