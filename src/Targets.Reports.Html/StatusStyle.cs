using Targets.Core.Evaluation;

namespace Targets.Reports.Html;

/// <summary>
/// The CSS class of a status, taken from the enum (never from a string in the data). Colour only repeats what the words
/// beside it say.
/// </summary>
internal static class StatusStyle
{
    public static string Of(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Met => "st-met",
        AssessmentStatus.Exceeded => "st-exceeded",
        AssessmentStatus.NotMet => "st-notmet",
        AssessmentStatus.OnTrack => "st-ontrack",
        AssessmentStatus.AtRisk => "st-atrisk",
        AssessmentStatus.Pending => "st-pending",
        _ => "st-nodata",
    };

    /// <summary>The CSS class of a task's standing, by its code in the model.</summary>
    public static string OfTask(string statusCode) => statusCode switch
    {
        "doneOnTime" => "st-met",
        "doneLate" => "st-atrisk",
        "overdue" => "st-notmet",
        _ => "st-nodata",
    };
}
