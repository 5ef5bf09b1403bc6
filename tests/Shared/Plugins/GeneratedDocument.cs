using System.Text;
using Targets.Rules.Reporting;

namespace Targets.Tests.Shared;

/// <summary>Checked-in documents whose generated part is written from the rule sets (a plugin's TARGETS.md, the README).</summary>
internal static class GeneratedDocument
{
    /// <summary>
    /// The generated part <paramref name="part"/> of <paramref name="documentPath"/> must be exactly
    /// <paramref name="generated"/>: the document says what the rule sets say, never a hand edit that drifted from them.
    /// Set <c>UPDATE_GOLDEN=1</c> to rewrite the part; the hand-written text around it is kept.
    /// </summary>
    public static void PartMatches(string documentPath, string part, string generated)
    {
        File.Exists(documentPath).ShouldBeTrue($"{documentPath} is missing");
        var current = File.ReadAllText(documentPath, Encoding.UTF8);
        var expected = TargetsMarkdown.Splice(current, part, generated);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(documentPath, expected, new UTF8Encoding(false));
            return;
        }

        current.ShouldBe(expected, $"{documentPath} has drifted from the rule sets at line {Golden.FirstDifferentLine(expected, current)}; run UPDATE_GOLDEN=1 dotnet test to rewrite its generated part");
    }
}
