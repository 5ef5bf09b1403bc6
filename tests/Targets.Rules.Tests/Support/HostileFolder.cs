using System.Text;
using Targets.Tests.Shared;

namespace Targets.Rules.Tests.Support;

/// <summary>
/// A temporary folder in which a test builds what git cannot carry: symbolic links, FIFOs, sparse files, a copy of the
/// example plugin to spoil. Deleted with the test.
/// </summary>
internal sealed class HostileFolder : IDisposable
{
    public HostileFolder() => Root = Directory.CreateTempSubdirectory("targets-hostile-").FullName;

    public string Root { get; }

    public string this[string relative] => Path.Combine(Root, relative);

    /// <summary>A copy of the example folder plugin (<c>samples/vi-du</c>), under <paramref name="name"/>.</summary>
    public string CopyOfExamplePlugin(string name = "plugin")
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Inputs", "folder-plugin");
        var target = this[name];
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    public string Write(string relative, string text)
    {
        var path = this[relative];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Replaces <paramref name="relative"/> by a FIFO; false where the system cannot make one.</summary>
    public bool TryMakeFifo(string relative)
    {
        File.Delete(this[relative]);
        return SpecialFiles.TryMakeFifo(this[relative]);
    }

    /// <summary>Replaces <paramref name="relative"/> by a symbolic link to <paramref name="target"/>.</summary>
    public string Link(string relative, string target)
    {
        var path = this[relative];
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        File.Delete(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    /// <summary>A file of <paramref name="length"/> bytes that takes no disk: <paramref name="start"/>, then a hole.</summary>
    public string Sparse(string relative, long length, string start = "")
    {
        var path = this[relative];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        file.Write(Encoding.UTF8.GetBytes(start));
        file.SetLength(length);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
