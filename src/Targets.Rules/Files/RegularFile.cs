using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace Targets.Rules.Files;

/// <summary>
/// The one way Targets reads an input file (a plugin's manifest, rule sets, templates and samples, and a dataset named on
/// the command line, in JSON or, through Targets.Spreadsheets, as a workbook or CSV file): a regular file only, its size
/// checked before a byte is read, then read through a buffer that never grows beyond the limit. A FIFO, a device, a socket or a folder is refused with one line instead of being opened in a
/// way that blocks (a FIFO with no writer) or never ends (<c>/dev/zero</c>); a sparse 10 GB file is refused by its size.
/// </summary>
public static class RegularFile
{
    private const double Megabyte = 1024 * 1024;

    /// <summary>Reads a whole regular file of at most <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The largest size accepted.</param>
    /// <param name="limited">What the limit is for, in the plural (<c>inputs</c>, <c>templates</c>), for the error.</param>
    /// <param name="error">Makes the exception for a problem, which the caller locates at the file.</param>
    public static byte[] ReadAll(string path, long maxBytes, string limited, Func<string, Exception> error)
    {
        var (handle, length) = Open(path, error);
        using var owned = handle;
        if (length > maxBytes)
        {
            throw error(TooLarge(length, maxBytes, limited));
        }

        // One byte beyond the size the file reported shows whether it grew while it was read.
        var buffer = new byte[length + 1];
        var total = 0;
        try
        {
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (total > maxBytes)
                    {
                        throw error(TooLarge(null, maxBytes, limited));
                    }

                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
                }

                var read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw error($"the file cannot be read ({exception.Message})");
        }

        if (total > maxBytes)
        {
            throw error(TooLarge(null, maxBytes, limited));
        }

        return total == buffer.Length ? buffer : buffer[..total];
    }

    private static (SafeFileHandle Handle, long Length) Open(string path, Func<string, Exception> error)
    {
        OpenedFile opened;
        try
        {
            opened = OpenedFile.OpenWithoutBlocking(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw error("the file does not exist");
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or IOException or UnauthorizedAccessException)
        {
            throw error($"the path cannot be read ({exception.Message})");
        }

        if (opened.Kind == FileKind.Regular)
        {
            return (opened.Handle!, opened.Length);
        }

        opened.Handle?.Dispose();
        throw error(opened.Kind switch
        {
            FileKind.Directory => "this is a folder, not a file",
            FileKind.Fifo => "this is a FIFO (named pipe), not a regular file; only regular files are read",
            FileKind.CharacterDevice or FileKind.BlockDevice => "this is a device, not a regular file; only regular files are read",
            FileKind.Socket => "this is a socket, not a regular file; only regular files are read",
            _ => "this is not a regular file; only regular files are read",
        });
    }

    /// <summary>The refusal of a file above its limit, with both sizes in megabytes and bytes.</summary>
    public static string TooLarge(long? length, long maxBytes, string limited)
    {
        var limit = $"{limited} are limited to {(maxBytes / Megabyte).ToString("0", CultureInfo.InvariantCulture)} MB ({maxBytes.ToString("#,##0", CultureInfo.InvariantCulture)} bytes)";
        return length is { } known
            ? $"the file is {(known / Megabyte).ToString("0.0", CultureInfo.InvariantCulture)} MB ({known.ToString("#,##0", CultureInfo.InvariantCulture)} bytes); {limit}"
            : $"the file is larger than the limit: {limit}";
    }
}
