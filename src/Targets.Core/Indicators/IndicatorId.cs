using System.Text.RegularExpressions;

namespace Targets.Core.Indicators;

/// <summary>
/// The stable id of an indicator: dotted lower-case kebab segments such as <c>crime.social-order.cases</c>.
/// </summary>
public readonly partial record struct IndicatorId
{
    private readonly string? _value;

    /// <summary>Creates an id, refusing text that is not of the id form.</summary>
    /// <exception cref="ArgumentException">The text is not a dotted kebab-case id.</exception>
    public IndicatorId(string value)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException(
                $"'{value}' is not an indicator id: expected dotted lower-case segments such as 'crime.social-order.cases'",
                nameof(value));
        }

        _value = value;
    }

    /// <summary>The id text.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether <paramref name="value"/> has the id form.</summary>
    public static bool IsValid(string? value) => value is not null && IdPattern().IsMatch(value);

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+\z", RegexOptions.CultureInvariant)]
    internal static partial Regex IdPattern();
}
