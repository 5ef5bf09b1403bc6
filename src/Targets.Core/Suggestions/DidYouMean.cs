namespace Targets.Core.Suggestions;

/// <summary>
/// "Did you mean …?" for a name that is not known (an indicator id, a locality code, a boundary): the known names
/// closest to it by edit distance, close enough to be a slip of the keyboard rather than another name altogether.
/// </summary>
public static class DidYouMean
{
    /// <summary>The most names suggested at once.</summary>
    private const int MaxSuggestions = 3;

    /// <summary>
    /// The known names nearest to <paramref name="unknown"/> (fewest single-character insertions, deletions, substitutions
    /// or swaps of neighbours), at most three, in ordinal order among equals; empty when none is near. A name is near when
    /// the distance is at most a third of the longer name (at least 2), so that 'can-th' finds 'can-tho' but 'x' finds
    /// nothing.
    /// </summary>
    public static IReadOnlyList<string> Nearest(string unknown, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(unknown);
        ArgumentNullException.ThrowIfNull(known);
        var scored = new List<(int Distance, string Name)>();
        foreach (var name in known.Distinct(StringComparer.Ordinal))
        {
            var limit = Math.Max(2, Math.Max(name.Length, unknown.Length) / 3);
            var distance = Distance(unknown, name, limit);
            if (distance <= limit)
            {
                scored.Add((distance, name));
            }
        }

        if (scored.Count == 0)
        {
            return [];
        }

        var best = scored.Min(s => s.Distance);
        return [.. scored.Where(s => s.Distance == best).Select(s => s.Name).Order(StringComparer.Ordinal).Take(MaxSuggestions)];
    }

    /// <summary>
    /// " (did you mean 'x'?)" or " (did you mean 'x' or 'y'?)", or an empty string when nothing is near: ready to append
    /// to an error message.
    /// </summary>
    public static string Hint(string unknown, IEnumerable<string> known)
    {
        var nearest = Nearest(unknown, known);
        return nearest.Count == 0 ? string.Empty : $" (did you mean {string.Join(" or ", nearest.Select(n => $"'{n}'"))}?)";
    }

    /// <summary>
    /// The optimal string alignment distance (Levenshtein plus swaps of neighbours), giving up with
    /// <paramref name="limit"/> + 1 once every alignment is past the limit: names are short, so two rows suffice.
    /// </summary>
    private static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowBest = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowBest = Math.Min(rowBest, value);
            }

            if (rowBest > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
