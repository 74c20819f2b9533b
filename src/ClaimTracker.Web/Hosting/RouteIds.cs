using System.Globalization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ClaimTracker.Web.Hosting;

/// <summary>
/// A record's address has one spelling, and only the address names the record. The route constraint <c>{id:id}</c> matches
/// 1, 2, … 2147483647 as written without sign, leading zero or space ("+1", "01" and " 1" are 404, where <c>{id:int}</c> took
/// them); and a handler's <c>id</c> is bound from the route alone, so a posted form field named "id" cannot redirect a change
/// to another record.
/// </summary>
public static class RouteIds
{
    public const string ConstraintName = "id";

    public static IServiceCollection AddCanonicalRouteIds(this IServiceCollection services) =>
        services.Configure<RouteOptions>(o => o.ConstraintMap[ConstraintName] = typeof(CanonicalId));

    /// <summary>Whether the text is an id as the app writes it.</summary>
    public static bool IsCanonical(string? text) =>
        text is { Length: > 0 and <= 10 } && text[0] is >= '1' and <= '9' && text.All(char.IsAsciiDigit)
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private sealed class CanonicalId : IRouteConstraint
    {
        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
            values.TryGetValue(routeKey, out var value) && IsCanonical(Convert.ToString(value, CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// On pages whose address holds an id, binds every handler's <c>id</c> parameter from the route only (pages without one, such
    /// as the status scale's list, post the id of the row in the form, as they should).
    /// </summary>
    public sealed class FromRouteOnly : IPageApplicationModelConvention
    {
        public void Apply(PageApplicationModel model)
        {
            if (model.ActionDescriptor.AttributeRouteInfo?.Template?.Contains("{id", StringComparison.Ordinal) != true)
            {
                return;
            }
            foreach (var parameter in model.HandlerMethods.SelectMany(h => h.Parameters).Where(p => p.ParameterName == "id"))
            {
                parameter.BindingInfo ??= new BindingInfo();
                parameter.BindingInfo.BindingSource = BindingSource.Path;
            }
        }
    }
}
