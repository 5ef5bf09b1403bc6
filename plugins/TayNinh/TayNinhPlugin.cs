using Targets.Rules.DependencyInjection;
using Targets.Rules.Plugins;

namespace Targets.Plugins.TayNinh;

/// <summary>The Tây Ninh plugin (tay-ninh): its rule sets, templates and sample data, embedded in this assembly.</summary>
public sealed class TayNinhPlugin : TargetsPlugin
{
    /// <summary>Creates the plugin over the files embedded in this assembly.</summary>
    public TayNinhPlugin()
        : base(new EmbeddedContent(typeof(TayNinhPlugin).Assembly))
    {
    }
}

/// <summary>Registers the Tây Ninh plugin.</summary>
public static class TayNinhTargetsBuilderExtensions
{
    /// <summary>Adds the Tây Ninh plugin (tay-ninh) to Targets.</summary>
    public static TargetsBuilder AddTayNinh(this TargetsBuilder builder) => builder.AddPlugin<TayNinhPlugin>();
}
