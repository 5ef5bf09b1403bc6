namespace Targets.Core.Successions;

/// <summary>One of the units merged into a locality, other than the locality's own former unit.</summary>
/// <param name="Code">The code datasets name it by in a figure's <c>boundary</c> (<c>soc-trang</c>).</param>
/// <param name="Name">Its name as reports write it (<c>tỉnh Sóc Trăng</c>).</param>
public sealed record Predecessor(string Code, string Name);

/// <summary>
/// An administrative change of a locality: from <see cref="Date"/> it is the merger of its former unit (the one its plan
/// documents were written for) with the <see cref="Joined"/> units. Figures say which boundary they use: none (or
/// <see cref="FormerBoundary"/>) for the former unit, a joined unit's code, or <see cref="MergedBoundary"/> for the merged
/// locality. Targets keep the boundary their documents set; see <c>docs/authoring.md</c>.
/// </summary>
/// <param name="Date">The day the merger took effect (2025-07-01).</param>
/// <param name="FormerName">The former unit, as reports write it (<c>thành phố Cần Thơ (trước ngày 01/7/2025)</c>).</param>
/// <param name="MergedName">The merged locality, as reports write it (<c>thành phố Cần Thơ (từ ngày 01/7/2025)</c>).</param>
/// <param name="Joined">The other units merged into it.</param>
/// <param name="Source">Where the change is stated, for the reader.</param>
public sealed record Succession(DateOnly Date, string FormerName, string MergedName, IReadOnlyList<Predecessor> Joined, string? Source = null)
{
    /// <summary>A figure's boundary for the merged locality.</summary>
    public const string MergedBoundary = "merged";

    /// <summary>A figure's boundary for the former unit (the same as giving none).</summary>
    public const string FormerBoundary = "former";

    /// <summary>Every boundary a figure may name: former, merged and each joined unit's code.</summary>
    public IEnumerable<string> Boundaries => [FormerBoundary, MergedBoundary, .. Joined.Select(p => p.Code)];

    /// <summary>The units the merged locality is made of: the former unit (null) and each joined unit's code.</summary>
    public IEnumerable<string?> Parts => [null, .. Joined.Select(p => p.Code)];

    /// <summary>The name of a boundary (null or <see cref="FormerBoundary"/>: the former unit).</summary>
    public string NameOf(string? boundary) => boundary switch
    {
        null or FormerBoundary => FormerName,
        MergedBoundary => MergedName,
        _ => Joined.FirstOrDefault(p => p.Code == boundary)?.Name ?? boundary,
    };

    /// <inheritdoc />
    public bool Equals(Succession? other) =>
        other is not null && Date == other.Date && FormerName == other.FormerName && MergedName == other.MergedName &&
        Joined.SequenceEqual(other.Joined) && Source == other.Source;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Date, FormerName, MergedName, Joined.Count);
}
