using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Targets.Rules.Files;

/// <summary>What kind of file system entry a path names, as <c>stat</c> tells it.</summary>
internal enum FileKind
{
    /// <summary>A regular file: the only kind Targets reads.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A named pipe: opening it for reading waits for a writer, reading it waits for data.</summary>
    Fifo,

    /// <summary>A character device (<c>/dev/zero</c>, a terminal): it may never end.</summary>
    CharacterDevice,

    /// <summary>A block device (a disk).</summary>
    BlockDevice,

    /// <summary>A Unix socket.</summary>
    Socket,

    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>
/// A path opened for reading without ever waiting: its handle (when it could be opened), its kind and its size. On Linux
/// the path is opened with <c>O_NONBLOCK</c> (so a FIFO without a writer does not block) and the kind and size come from
/// <c>statx</c> on that very handle, so nothing can be swapped in between. Windows has no FIFOs or devices among a
/// folder's files, so there the path is opened normally. Other systems are opened normally after a folder check: a FIFO
/// there would still block (no system this project runs on).
/// </summary>
internal readonly partial record struct OpenedFile(SafeFileHandle? Handle, FileKind Kind, long Length)
{
    public static OpenedFile OpenWithoutBlocking(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            return Linux.Open(path);
        }

        if (Directory.Exists(path))
        {
            return new OpenedFile(null, FileKind.Directory, 0);
        }

        if (OperatingSystem.IsWindows() && (File.GetAttributes(path) & FileAttributes.Device) != 0)
        {
            return new OpenedFile(null, FileKind.CharacterDevice, 0);
        }

        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return new OpenedFile(handle, FileKind.Regular, RandomAccess.GetLength(handle));
    }

    /// <summary>
    /// Whether two paths name the same existing file, however reached (links, <c>..</c>, hard links on Linux): the test
    /// that keeps a report from overwriting the dataset it was made from.
    /// </summary>
    public static bool SameFile(string first, string second)
    {
        if (!File.Exists(first) || !File.Exists(second))
        {
            return false;
        }

        if (OperatingSystem.IsLinux())
        {
            return Linux.Identity(first) is { } a && Linux.Identity(second) is { } b && a == b;
        }

        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return string.Equals(FinalPath(first), FinalPath(second), comparison);

        static string FinalPath(string path) => Path.GetFullPath(File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path);
    }

    /// <summary>The Linux system calls: <c>open</c> and <c>statx</c>, whose layout is the same on every architecture.</summary>
    private static class Linux
    {
        // The generic Linux values (x86, x86-64, ARM, ARM64, RISC-V).
        private const int ReadOnly = 0;
        private const int NoControllingTerminal = 0x100;
        private const int NonBlocking = 0x800;
        private const int CloseOnExec = 0x80000;
        private const int EmptyPath = 0x1000;
        private const uint TypeAndSize = 0x1 | 0x200;

        private const int NoSuchEntry = 2;
        private const int NoSuchDevice = 6;
        private const int PermissionDenied = 13;
        private const int NotPermitted = 1;
        private const int NotADirectory = 20;

        private const int CurrentDirectory = -100;
        private const uint InodeMask = 0x100;

        /// <summary>The device and inode of the file a path leads to, following links.</summary>
        public static (uint Major, uint Minor, ulong Inode)? Identity(string path) =>
            NativeMethods.statx(CurrentDirectory, path, 0, InodeMask, out var status) == 0 ? (status.DeviceMajor, status.DeviceMinor, status.Inode) : null;

        public static OpenedFile Open(string path)
        {
            var descriptor = NativeMethods.open(path, ReadOnly | NonBlocking | CloseOnExec | NoControllingTerminal);
            if (descriptor < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                return errno switch
                {
                    NoSuchEntry => throw new FileNotFoundException(null, path),
                    NotADirectory => throw new DirectoryNotFoundException(),

                    // A socket cannot be opened: open(2) answers ENXIO.
                    NoSuchDevice => new OpenedFile(null, FileKind.Socket, 0),
                    PermissionDenied or NotPermitted => throw new UnauthorizedAccessException(Marshal.GetPInvokeErrorMessage(errno)),
                    _ => throw new IOException(Marshal.GetPInvokeErrorMessage(errno)),
                };
            }

            var handle = new SafeFileHandle(descriptor, ownsHandle: true);
            if (NativeMethods.statx(descriptor, string.Empty, EmptyPath, TypeAndSize, out var status) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                handle.Dispose();
                throw new IOException(Marshal.GetPInvokeErrorMessage(errno));
            }

            var kind = (status.Mode & 0xF000) switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0x1000 => FileKind.Fifo,
                0x2000 => FileKind.CharacterDevice,
                0x6000 => FileKind.BlockDevice,
                0xC000 => FileKind.Socket,
                _ => FileKind.Other,
            };
            return new OpenedFile(handle, kind, (long)status.Size);
        }
    }

    /// <summary>The part of <c>struct statx</c> read here (the kernel's layout, 256 bytes).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(32)]
        public ulong Inode;

        [FieldOffset(40)]
        public ulong Size;

        [FieldOffset(136)]
        public uint DeviceMajor;

        [FieldOffset(140)]
        public uint DeviceMinor;
    }

    private static partial class NativeMethods
    {
#pragma warning disable IDE1006 // The C names.
        [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int open(string path, int flags);

        [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int statx(int directory, string path, int flags, uint mask, out StatxBuffer status);
#pragma warning restore IDE1006
    }
}
