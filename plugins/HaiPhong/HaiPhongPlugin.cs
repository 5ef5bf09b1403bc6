using Targets.Plugins.HaiPhong.Rules;
using Targets.Rules.DependencyInjection;
using Targets.Rules.Plugins;

namespace Targets.Plugins.HaiPhong;

/// <summary>
/// The Hải Phòng plugin (hai-phong): its rule sets, templates and sample data, embedded in this assembly, and one rule
/// written in C#: the accountability of each quận, huyện whose new addicts rose (<see cref="NewAddictsRoseAccountability"/>).
/// </summary>
public sealed class HaiPhongPlugin : TargetsPlugin
{
    /// <summary>Creates the plugin over the files embedded in this assembly.</summary>
    public HaiPhongPlugin()
        : base(new EmbeddedContent(typeof(HaiPhongPlugin).Assembly))
    {
    }

    /// <inheritdoc />
    public override IReadOnlyList<Type> RuleTypes { get; } = [typeof(NewAddictsRoseAccountability)];
}

/// <summary>Registers the Hải Phòng plugin.</summary>
public static class HaiPhongTargetsBuilderExtensions
{
    /// <summary>Adds the Hải Phòng plugin (hai-phong) to Targets.</summary>
    public static TargetsBuilder AddHaiPhong(this TargetsBuilder builder) => builder.AddPlugin<HaiPhongPlugin>();
}
