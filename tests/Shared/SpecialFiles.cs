using System.Diagnostics;

namespace Targets.Tests.Shared;

/// <summary>Makes the special files git cannot carry, at run time.</summary>
internal static class SpecialFiles
{
    /// <summary>Makes a FIFO at <paramref name="path"/>; false where the system cannot (no <c>mkfifo</c>).</summary>
    public static bool TryMakeFifo(string path)
    {
        try
        {
            using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false });
            mkfifo!.WaitForExit();
            return mkfifo.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
