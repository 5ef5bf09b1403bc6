using Targets.Rules.DependencyInjection;
using Targets.Rules.Plugins;

namespace Targets.Plugins.QuangNinh;

/// <summary>The Quảng Ninh (Cẩm Phả) plugin (quang-ninh): its rule sets, templates and sample data, embedded in this assembly.</summary>
public sealed class QuangNinhPlugin : TargetsPlugin
{
    /// <summary>Creates the plugin over the files embedded in this assembly.</summary>
    public QuangNinhPlugin()
        : base(new EmbeddedContent(typeof(QuangNinhPlugin).Assembly))
    {
    }
}

/// <summary>Registers the Quảng Ninh (Cẩm Phả) plugin.</summary>
public static class QuangNinhTargetsBuilderExtensions
{
    /// <summary>Adds the Quảng Ninh (Cẩm Phả) plugin (quang-ninh) to Targets.</summary>
    public static TargetsBuilder AddQuangNinh(this TargetsBuilder builder) => builder.AddPlugin<QuangNinhPlugin>();
}
