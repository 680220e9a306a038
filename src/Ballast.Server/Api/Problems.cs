using Ballast.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Ballast.Server.Api;

/// <summary>RFC 7807 problem details for every error the API returns. <c>type</c> names the Ballast reason.</summary>
public static class Problems
{
    public const string TypeBase = "urn:ballast:problem:";

    public static IResult Of(int status, string title, string detail, string reason) =>
        Results.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail, Type = TypeBase + reason });

    public static IResult BadRequest(string detail, string reason = "invalid-input") => Of(StatusCodes.Status400BadRequest, "Bad request", detail, reason);

    public static IResult NotFound(string detail, string reason = "not-found") => Of(StatusCodes.Status404NotFound, "Not found", detail, reason);

    public static IResult Unauthorized() => Of(StatusCodes.Status401Unauthorized, "Unauthorized", "send a valid API key as 'Authorization: Bearer KEY' or 'X-Api-Key: KEY'", "unauthorized");

    public static IResult Forbidden(string detail) => Of(StatusCodes.Status403Forbidden, "Forbidden", detail, "forbidden");

    public static IResult Unavailable(string detail) => Of(StatusCodes.Status503ServiceUnavailable, "Service unavailable", detail, "unavailable");

    /// <summary>An engine refusal: 400 for malformed input, 404 for unknown things, 403 for roles, 422 for every business rule.</summary>
    public static IResult Rejected(Rejection rejection)
    {
        int status = rejection.Reason switch
        {
            RejectionReason.InvalidInput or RejectionReason.InvalidSize or RejectionReason.InvalidParameter => StatusCodes.Status400BadRequest,
            RejectionReason.UnknownSeries or RejectionReason.UnknownBoard => StatusCodes.Status404NotFound,
            RejectionReason.Unauthorized => StatusCodes.Status403Forbidden,
            RejectionReason.VaultNotOpen => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        return Of(status, "Rejected: " + rejection.Reason, rejection.Message, Kebab(rejection.Reason.ToString()));
    }

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
