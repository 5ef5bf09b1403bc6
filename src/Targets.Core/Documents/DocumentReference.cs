using Targets.Core.Periods;

namespace Targets.Core.Documents;

/// <summary>
/// The source document a target comes from. A number or date the text does not give stays null: it is never invented.
/// </summary>
/// <param name="Id">A stable id, unique within a plugin (e.g. <c>20-CTr/TU</c>).</param>
/// <param name="Kind">Chương trình, Kế hoạch, Chỉ thị, Quyết định or Nghị quyết.</param>
/// <param name="Number">The number as printed (<c>205/KH-UBND</c>), or null when the text gives none.</param>
/// <param name="Issuer">Who issued it (<c>Thành ủy Cần Thơ</c>).</param>
/// <param name="IssuedOn">The issue date, or null when the text gives none.</param>
/// <param name="Title">The title.</param>
/// <param name="Period">The plan period.</param>
/// <param name="Source">The file it was read from.</param>
public sealed record DocumentReference(
    string Id,
    string Kind,
    string? Number,
    string Issuer,
    DateOnly? IssuedOn,
    string Title,
    ReportingPeriod Period,
    string? Source = null)
{
    /// <summary>The short citation used inside sentences: <c>Chương trình số 20-CTr/TU</c>, or <c>Chỉ thị của …</c> when unnumbered.</summary>
    public string ShortName => Number is { } number ? $"{Kind} số {number}" : $"{Kind} của {Issuer}";
}
