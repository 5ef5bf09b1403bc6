using System.IO.Compression;

namespace Targets.Reports.Word.Packaging;

/// <summary>
/// Rewrites a package so that its bytes depend on its content only. The packaging layer stamps every zip entry with the
/// time it was written; the copy keeps the entries, their order and their content, and stamps them all with one fixed
/// date (the earliest a zip entry can hold), so that the same report gives the same file today and tomorrow.
/// </summary>
internal static class StablePackage
{
    /// <summary>The time written on every entry: 1 January 1980, the start of the zip format's clock.</summary>
    public static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Copy(Stream package, Stream output)
    {
        package.Position = 0;
        using var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = EntryTime;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }
}
