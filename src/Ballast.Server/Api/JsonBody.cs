using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Ballast.Server.Api;

/// <summary>
/// Reads a JSON request body strictly: JSON content type (else 415), at most the configured size (else 413),
/// well-formed with known members and the right types (else 400 naming the problem). No NaN/Infinity literals.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes) where T : class
    {
        if (!request.HasJsonContentType())
            return (null, Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "send 'Content-Type: application/json'", "unsupported-media-type"));
        if (request.ContentLength > maxBytes) return (null, TooLarge(maxBytes));
        var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes) return (null, TooLarge(maxBytes));
            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0) return (null, Problems.BadRequest("the request body is empty", "malformed-json"));
        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ApiJson.Strict);
            return value is null ? (null, Problems.BadRequest("the body must be a JSON object", "malformed-json")) : (value, null);
        }
        catch (JsonException e)
        {
            string where = e.Path is { Length: > 0 } ? $" at {e.Path}" : "";
            return (null, Problems.BadRequest($"malformed JSON or wrong type{where}: {FirstLine(e.Message)}", "malformed-json"));
        }
    }

    private static IResult TooLarge(int max) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"the body exceeds {max} bytes", "payload-too-large");

    private static string FirstLine(string s)
    {
        int i = s.IndexOf(" Path:", StringComparison.Ordinal);
        return i > 0 ? s[..i] : s;
    }
}
