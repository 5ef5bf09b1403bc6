using Targets.Core.Errors;

namespace Targets.Reports.Word.Settings;

/// <summary>A report settings file or option that cannot be used: unreadable, malformed, or with a value out of bounds.</summary>
public sealed class ReportSettingsException : TargetsException
{
    /// <summary>Creates a settings error.</summary>
    /// <param name="problem">What is wrong.</param>
    /// <param name="location">The file (and JSON path) or the option.</param>
    public ReportSettingsException(string problem, SourceLocation? location)
        : base(problem, location)
    {
    }
}
