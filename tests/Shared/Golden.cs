using System.Runtime.CompilerServices;
using System.Text;

namespace Targets.Tests.Shared;

/// <summary>
/// Golden-file assertions: the expected text is checked in beside the test that reads it. On a mismatch the actual
/// text is written next to it as <c>*.received.*</c> for review; set <c>UPDATE_GOLDEN=1</c> to accept it.
/// </summary>
internal static class Golden
{
    public static void Matches(string actual, string goldenFileName, [CallerFilePath] string testFile = "") =>
        MatchesIn(Path.GetDirectoryName(testFile)!, actual, goldenFileName);

    public static void MatchesIn(string folder, string actual, string goldenFileName)
    {
        var golden = Path.Combine(folder, goldenFileName);
        var received = Path.Combine(folder, goldenFileName.Replace(".golden.", ".received.", StringComparison.Ordinal));
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual, new UTF8Encoding(false));
        }

        File.Exists(golden).ShouldBeTrue($"golden file {golden} is missing; run with UPDATE_GOLDEN=1 to create it after review");
        var expected = File.ReadAllText(golden, Encoding.UTF8);
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            File.WriteAllText(received, actual, new UTF8Encoding(false));
            var line = FirstDifferentLine(expected, actual);
            actual.ShouldBe(expected, $"output differs from {goldenFileName} at line {line}; the actual text is in {received}");
        }
        else if (File.Exists(received))
        {
            File.Delete(received);
        }
    }

    /// <summary>The repository root (the folder holding Targets.slnx), found from a test source file.</summary>
    public static string RepositoryRoot([CallerFilePath] string testFile = "")
    {
        var folder = new DirectoryInfo(Path.GetDirectoryName(testFile)!);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Targets.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("the repository root (Targets.slnx) was not found above " + testFile);
    }

    public static int FirstDifferentLine(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i])
            {
                return i + 1;
            }
        }

        return Math.Min(a.Length, b.Length) + 1;
    }
}
