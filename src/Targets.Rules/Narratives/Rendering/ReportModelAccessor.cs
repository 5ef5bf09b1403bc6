using System.Reflection;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Targets.Rules.Reporting;

namespace Targets.Rules.Narratives.Rendering;

/// <summary>
/// How templates read the members of a report model type (<see cref="Report"/> and the records it is made of): the members
/// Scriban's own reflection accessor exposes, under its names, read through delegates made once per member rather than
/// through reflection on every read.
/// </summary>
/// <remarks>
/// Scriban's accessor (<paramref name="reflected"/>) decides which members there are and does all else (writes, which
/// our init-only records refuse; indexers, which they have none of): this one only reads faster. A value is boxed as
/// reflection boxes it (a <see cref="Nullable{T}"/> as its value or null), so a template sees the same objects.
/// </remarks>
/// <param name="reflected">Scriban's accessor for the type.</param>
/// <param name="getters">The getter of each member Scriban exposes, by its name.</param>
/// <param name="copiesAsImported">
/// Whether <see cref="TryCopyMembers"/> sets what <see cref="ScriptObjectExtensions.Import(IScriptObject, object?, MemberFilterDelegate?, MemberRenamerDelegate?)"/>
/// would: a type with no base but <see cref="object"/>, no public field, no public static property and no two properties of
/// one name, whose properties Import and the accessor both take in declaration order.
/// </param>
internal sealed class ReportModelAccessor(IObjectAccessor reflected, Dictionary<string, Func<object, object?>> getters, bool copiesAsImported) : IObjectAccessor
{
    /// <summary>Whether <paramref name="type"/> is a report model type (a public record of <see cref="Report"/>'s namespace), read through this accessor.</summary>
    public static bool Serves(Type type) =>
        type is { IsClass: true, IsPublic: true, IsSealed: true, IsAbstract: false } && type.Assembly == typeof(Report).Assembly && type.Namespace == typeof(Report).Namespace;

    /// <summary>
    /// The accessor of a model type, given Scriban's for it; null when some member Scriban exposes is not a property this
    /// one can read (Scriban's is then used as it is).
    /// </summary>
    public static ReportModelAccessor? Create(Type type, IObjectAccessor reflected, TemplateContext context, object target)
    {
        var (properties, count) = PropertiesByScriptName(type, context.MemberRenamer);
        var getters = new Dictionary<string, Func<object, object?>>(StringComparer.Ordinal);
        foreach (var name in reflected.GetMembers(context, default, target))
        {
            if (!properties.TryGetValue(name, out var property))
            {
                return null;
            }

            getters.Add(name, Getter(property));
        }

        const BindingFlags PublicStatic = BindingFlags.Public | BindingFlags.Static;
        var copiesAsImported = type.BaseType == typeof(object) && count == getters.Count
            && type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Length == 0 && type.GetProperties(PublicStatic).Length == 0;
        return new ReportModelAccessor(reflected, getters, copiesAsImported);
    }

    /// <summary>
    /// Sets every member of <paramref name="model"/> in <paramref name="globals"/> as Scriban's import of it does (by the
    /// same names, in the same order, writable), through the getters; false, having set nothing, when this type's members
    /// could differ from what the import sets.
    /// </summary>
    public bool TryCopyMembers(ScriptObject globals, object model)
    {
        if (!copiesAsImported)
        {
            return false;
        }

        foreach (var (name, getter) in getters)
        {
            globals.SetValue(name, getter(model), readOnly: false);
        }

        return true;
    }

    public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => reflected.GetMemberCount(context, span, target);

    public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) => reflected.GetMembers(context, span, target);

    public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) => reflected.HasMember(context, span, target, member);

    /// <summary>The getter of <paramref name="member"/>, which <see cref="TryGetValue"/> calls for it.</summary>
    public bool TryGetGetter(string member, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Func<object, object?>? getter) =>
        getters.TryGetValue(member, out getter);

    public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
    {
        if (getters.TryGetValue(member, out var getter))
        {
            value = getter(target);
            return true;
        }

        value = null;
        return false;
    }

    public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) =>
        reflected.TrySetValue(context, span, target, member, value);

    public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value) =>
        reflected.TryGetItem(context, span, target, index, out value);

    public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) =>
        reflected.TrySetItem(context, span, target, index, value);

    public bool HasIndexer => reflected.HasIndexer;

    public Type? IndexType => reflected.IndexType;

    /// <summary>
    /// The public instance properties without parameters of the type and its bases, by the name the renamer gives them;
    /// where two have one name, the most derived one, as Scriban keeps it.
    /// </summary>
    /// <returns>The properties by name, and how many properties there are (more than names when two share one).</returns>
    private static (Dictionary<string, PropertyInfo> ByName, int Count) PropertiesByScriptName(Type type, MemberRenamerDelegate renamer)
    {
        var properties = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        var count = 0;
        for (var declaring = type; declaring is not null && declaring != typeof(object); declaring = declaring.BaseType)
        {
            foreach (var property in declaring.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly))
            {
                if (property.GetMethod is { IsPublic: true, IsStatic: false } && property.GetIndexParameters().Length == 0)
                {
                    var name = renamer(property);
                    properties.TryAdd(string.IsNullOrEmpty(name) ? property.Name : name, property);
                    count++;
                }
            }
        }

        return (properties, count);
    }

    private static readonly MethodInfo TypedGetterMethod = typeof(ReportModelAccessor).GetMethod(nameof(TypedGetter), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static Func<object, object?> Getter(PropertyInfo property) =>
        (Func<object, object?>)TypedGetterMethod.MakeGenericMethod(property.DeclaringType!, property.PropertyType).Invoke(null, [property])!;

    private static Func<object, object?> TypedGetter<TTarget, TValue>(PropertyInfo property)
    {
        var get = property.GetMethod!.CreateDelegate<Func<TTarget, TValue>>();
        return target => get((TTarget)target);
    }
}
