using System.Reflection;
using System.Globalization;
using System.IO.Enumeration;
using Targets.Core.Errors;
using Targets.Rules.Files;
using Targets.Rules.Serialization;

namespace Targets.Rules.Plugins;

/// <summary>
/// The files of a plugin, by relative path with forward slashes (<c>plugin.json</c>, <c>rules/x.rules.json</c>,
/// <c>templates/x.scriban</c>, <c>samples/x.json</c>), wherever they are kept.
/// </summary>
public interface IPluginContent
{
    /// <summary>What to cite in errors (a folder path, or an assembly name).</summary>
    string Origin { get; }

    /// <summary>The files under a folder (<c>rules/</c>), in ordinal order.</summary>
    IReadOnlyList<string> List(string folder);

    /// <summary>Whether a file exists.</summary>
    bool Exists(string path);

    /// <summary>A file's bytes.</summary>
    /// <exception cref="RuleSetException">The file does not exist.</exception>
    ReadOnlyMemory<byte> Read(string path);

    /// <summary>How to cite a file in errors.</summary>
    string Cite(string path);
}

/// <summary>Plugin files embedded in an assembly under the logical names <c>plugin/&lt;path&gt;</c>.</summary>
public sealed class EmbeddedContent : IPluginContent
{
    private const string Prefix = "plugin/";
    private readonly Assembly _assembly;
    private readonly IReadOnlyList<string> _paths;

    /// <summary>Reads the plugin files embedded in <paramref name="assembly"/>.</summary>
    public EmbeddedContent(Assembly assembly)
    {
        _assembly = assembly;
        _paths = [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(name => name[Prefix.Length..].Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public string Origin => _assembly.GetName().Name ?? "plugin assembly";

    /// <inheritdoc />
    public IReadOnlyList<string> List(string folder) => [.. _paths.Where(p => p.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal))];

    /// <inheritdoc />
    public bool Exists(string path) => _paths.Contains(path, StringComparer.Ordinal);

    /// <inheritdoc />
    public ReadOnlyMemory<byte> Read(string path)
    {
        using var stream = _assembly.GetManifestResourceStream(Prefix + path)
            ?? throw new RuleSetException($"the plugin has no file '{path}'", new SourceLocation(Origin));
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <inheritdoc />
    public string Cite(string path) => $"{Origin}:{path}";
}

/// <summary>
/// Plugin files in a folder: a locality ships its plugin as JSON and templates, without compiling anything. The folder is
/// untrusted (a province may run another's), so every read is confined: no path may leave the folder, no file or folder
/// under it may be a symbolic link (a link could reach a file outside, or loop back on itself), only regular files are
/// read (never a FIFO, device or socket), each file's size is checked before it is read (<see cref="MaxTemplateBytes"/>
/// for templates, 32 MB for JSON), and a folder may hold at most <see cref="MaxEntriesPerFolder"/> entries. Nothing is
/// read until a file is asked for, so a broken folder only fails the locality that needs it.
/// </summary>
public sealed class FolderContent : IPluginContent
{
    /// <summary>The most entries (files and subfolders, at any depth) one of a plugin's folders (<c>rules/</c>, <c>templates/</c>, <c>samples/</c>) may hold.</summary>
    public const int MaxEntriesPerFolder = 1_000;

    /// <summary>The largest template file read: a template is a page of text, never megabytes.</summary>
    public const long MaxTemplateBytes = 1024 * 1024;

    private readonly string _folder;
    private readonly string _root;

    /// <summary>Reads the plugin files under <paramref name="folder"/>; nothing is read until a file is asked for.</summary>
    /// <exception cref="ArgumentException">The path is empty or not a valid path.</exception>
    public FolderContent(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _folder = folder;
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
    }

    /// <inheritdoc />
    public string Origin => _root;

    /// <inheritdoc />
    /// <exception cref="RuleSetException">The folder is missing, holds a link, or holds too many entries.</exception>
    public IReadOnlyList<string> List(string folder)
    {
        var directory = Resolve(folder);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false, ReturnSpecialDirectories = false };
        var entries = new FileSystemEnumerable<(string Path, bool IsDirectory, bool IsLink)>(
            directory,
            (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.IsDirectory, (entry.Attributes & FileAttributes.ReparsePoint) != 0),
            options)
        {
            // Never into a link: a link to '.' would make the listing endless. Such a link is refused below anyway.
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        var files = new List<string>();
        var count = 0;
        try
        {
            foreach (var (path, isDirectory, isLink) in entries)
            {
                var relative = Relative(path);
                if (isLink)
                {
                    throw LinkRefused(relative);
                }

                if (++count > MaxEntriesPerFolder)
                {
                    throw new RuleSetException(
                        $"the folder '{folder}' holds more than {MaxEntriesPerFolder.ToString("#,##0", CultureInfo.InvariantCulture)} files and folders, the most a plugin folder may hold",
                        new SourceLocation(Cite(folder)));
                }

                if (!isDirectory)
                {
                    files.Add(relative);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RuleSetException($"the folder '{folder}' cannot be listed ({exception.Message})", new SourceLocation(Cite(folder)));
        }

        return [.. files.Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public bool Exists(string path)
    {
        var full = FullPath(path);
        return File.Exists(full) || new FileInfo(full).LinkTarget is not null;
    }

    /// <inheritdoc />
    /// <exception cref="RuleSetException">The file is missing, a link, not a regular file, or too large.</exception>
    public ReadOnlyMemory<byte> Read(string path)
    {
        var full = Resolve(path);
        var (limit, limited) = path.StartsWith("templates/", StringComparison.Ordinal) ? (MaxTemplateBytes, "templates") : (JsonInput.MaxBytes, "inputs");
        return RegularFile.ReadAll(full, limit, limited, problem => new RuleSetException(problem, new SourceLocation(Cite(path))));
    }

    /// <inheritdoc />
    public string Cite(string path) => Path.GetRelativePath(Environment.CurrentDirectory, FullPath(path));

    /// <summary>The full path of a relative path, refusing any that leaves the plugin folder as written.</summary>
    private string FullPath(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_root, path));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new RuleSetException($"'{path}' lies outside the plugin folder", new SourceLocation(_folder));
    }

    /// <summary>
    /// The full path of a relative path whose every part below the plugin folder exists as itself, not as a link: after
    /// this, the path cannot lead outside the folder.
    /// </summary>
    private string Resolve(string path)
    {
        var full = FullPath(path);
        if (!Directory.Exists(_root))
        {
            throw new RuleSetException("the plugin folder does not exist", new SourceLocation(_folder));
        }

        var part = _root;
        foreach (var name in Path.GetRelativePath(_root, full).Split(Path.DirectorySeparatorChar))
        {
            part = Path.Combine(part, name);
            if (new FileInfo(part).LinkTarget is not null)
            {
                throw LinkRefused(Relative(part));
            }
        }

        return full;
    }

    private string Relative(string full) => Path.GetRelativePath(_root, full).Replace('\\', '/');

    private RuleSetException LinkRefused(string relative) => new(
        "this is a symbolic link; a plugin folder's files and folders must be real, never links (a link could lead outside the folder)",
        new SourceLocation(Cite(relative)));
}
