using System.Reflection;
using Targets.Core.Errors;

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

/// <summary>Plugin files in a folder: a locality ships its plugin as JSON and templates, without compiling anything.</summary>
public sealed class FolderContent : IPluginContent
{
    private readonly string _root;

    /// <summary>Reads the plugin files under <paramref name="folder"/>.</summary>
    /// <exception cref="RuleSetException">The folder does not exist.</exception>
    public FolderContent(string folder)
    {
        _root = Path.GetFullPath(folder);
        if (!Directory.Exists(_root))
        {
            throw new RuleSetException("the plugin folder does not exist", new SourceLocation(folder));
        }
    }

    /// <inheritdoc />
    public string Origin => _root;

    /// <inheritdoc />
    public IReadOnlyList<string> List(string folder)
    {
        var directory = Path.Combine(_root, folder);
        return Directory.Exists(directory)
            ? [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Select(file => Path.GetRelativePath(_root, file).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)]
            : [];
    }

    /// <inheritdoc />
    public bool Exists(string path) => File.Exists(Resolve(path));

    /// <inheritdoc />
    public ReadOnlyMemory<byte> Read(string path)
    {
        var full = Resolve(path);
        return File.Exists(full)
            ? File.ReadAllBytes(full)
            : throw new RuleSetException($"the plugin has no file '{path}'", new SourceLocation(Origin));
    }

    /// <inheritdoc />
    public string Cite(string path) => Path.GetRelativePath(Environment.CurrentDirectory, Resolve(path));

    /// <summary>Resolves a relative path, refusing any that leaves the plugin folder.</summary>
    private string Resolve(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_root, path));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new RuleSetException($"'{path}' lies outside the plugin folder", new SourceLocation(_root));
    }
}
