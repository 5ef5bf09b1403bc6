using Targets.Rules.DependencyInjection;
using Targets.Rules.Plugins;

namespace Targets.Plugins.CanTho;

/// <summary>The Cần Thơ plugin (can-tho): its rule sets, templates and sample data, embedded in this assembly.</summary>
public sealed class CanThoPlugin : TargetsPlugin
{
    /// <summary>Creates the plugin over the files embedded in this assembly.</summary>
    public CanThoPlugin()
        : base(new EmbeddedContent(typeof(CanThoPlugin).Assembly))
    {
    }
}

/// <summary>Registers the Cần Thơ plugin.</summary>
public static class CanThoTargetsBuilderExtensions
{
    /// <summary>Adds the Cần Thơ plugin (can-tho) to Targets.</summary>
    public static TargetsBuilder AddCanTho(this TargetsBuilder builder) => builder.AddPlugin<CanThoPlugin>();
}
