using Targets.Rules.DependencyInjection;
using Targets.Rules.Plugins;

namespace Targets.Plugins.HaiPhong;

/// <summary>The Hải Phòng plugin (hai-phong): its rule sets, templates and sample data, embedded in this assembly.</summary>
public sealed class HaiPhongPlugin : TargetsPlugin
{
    /// <summary>Creates the plugin over the files embedded in this assembly.</summary>
    public HaiPhongPlugin()
        : base(new EmbeddedContent(typeof(HaiPhongPlugin).Assembly))
    {
    }
}

/// <summary>Registers the Hải Phòng plugin.</summary>
public static class HaiPhongTargetsBuilderExtensions
{
    /// <summary>Adds the Hải Phòng plugin (hai-phong) to Targets.</summary>
    public static TargetsBuilder AddHaiPhong(this TargetsBuilder builder) => builder.AddPlugin<HaiPhongPlugin>();
}
