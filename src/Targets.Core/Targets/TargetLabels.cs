namespace Targets.Core.Targets;

/// <summary>
/// The labels that tell a locality's targets apart wherever they are named (report, listing, JSON): the clause, with the
/// part of it a target measures when the clause holds several (<c>II.2.1 (khu dân cư)</c>). Two targets that would still
/// share a label are told apart by their document when they come from different documents, else by their order.
/// </summary>
public sealed class TargetLabels
{
    private static readonly string[] Ordinals = ["thứ nhất", "thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "thứ tám", "thứ chín", "thứ mười"];

    private readonly Dictionary<TargetId, string> _labels;

    private TargetLabels(Dictionary<TargetId, string> labels) => _labels = labels;

    /// <summary>Labels a locality's targets, given in document order.</summary>
    public static TargetLabels For(IEnumerable<Target> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var labels = new Dictionary<TargetId, string>();
        foreach (var group in targets.GroupBy(OwnLabel, StringComparer.Ordinal))
        {
            var members = group.ToList();
            if (members.Count == 1)
            {
                labels[members[0].Id] = group.Key;
                continue;
            }

            var byDocument = members.Select(t => t.Document.ShortName).Distinct(StringComparer.Ordinal).Count() == members.Count;
            for (var i = 0; i < members.Count; i++)
            {
                labels[members[i].Id] = byDocument
                    ? $"{group.Key} của {members[i].Document.ShortName}"
                    : $"{group.Key}, chỉ tiêu {(i < Ordinals.Length ? Ordinals[i] : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}";
            }
        }

        return new TargetLabels(labels);
    }

    /// <summary>The label a target's own clause and part give it, before any collision is resolved.</summary>
    public static string OwnLabel(Target target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Part is { } part ? $"{target.Clause} ({part})" : target.Clause;
    }

    /// <summary>The label of a target of the locality.</summary>
    /// <exception cref="KeyNotFoundException">The target is not one of the locality's.</exception>
    public string Of(TargetId id) => _labels[id];

    /// <summary>The label of a target, or null when it is not one of the locality's.</summary>
    public string? Find(TargetId id) => _labels.GetValueOrDefault(id);

    /// <summary>Every label, by target id.</summary>
    public IReadOnlyDictionary<TargetId, string> All => _labels;
}
