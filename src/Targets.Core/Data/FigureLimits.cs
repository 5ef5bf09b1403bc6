namespace Targets.Core.Data;

/// <summary>
/// The magnitudes a figure may have, whatever it is read from (JSON, a spreadsheet, code): far above any count or share,
/// far below decimal's range, so that shares, changes and sums over many units never overflow.
/// </summary>
public static class FigureLimits
{
    /// <summary>The largest magnitude of a figure (10^15).</summary>
    public const decimal MaxMagnitude = 1_000_000_000_000_000m;

    /// <summary>The smallest magnitude of a non-zero figure: finer figures are noise, and would make a relative change overflow.</summary>
    public const decimal MinMagnitude = 0.000001m;

    /// <summary>Why <paramref name="value"/> is out of range, or null when it is not.</summary>
    public static string? Problem(decimal value)
    {
        var magnitude = Math.Abs(value);
        return magnitude > MaxMagnitude
            ? $"the number {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is out of range: numbers lie between -1,000,000,000,000,000 and 1,000,000,000,000,000 (10^15)"
            : magnitude != 0 && magnitude < MinMagnitude
                ? $"the number {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is too small: a non-zero number is at least {MinMagnitude.ToString(System.Globalization.CultureInfo.InvariantCulture)} in size"
                : null;
    }
}
