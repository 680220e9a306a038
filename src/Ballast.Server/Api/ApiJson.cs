using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Ballast.Server.Api;

/// <summary>JSON settings of the API: camelCase, strict numbers, unknown members refused.</summary>
public static class ApiJson
{
    /// <summary>For reading request bodies.</summary>
    public static JsonSerializerOptions Strict { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 16,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ApiJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    /// <summary>
    /// For responses and the stream: web defaults (camelCase) with the generated metadata first, read-only so that
    /// type metadata is built once and cached.
    /// </summary>
    public static JsonSerializerOptions Responses { get; } = CreateResponses();

    /// <summary>Puts the generated metadata first in <paramref name="options"/> (the HTTP JSON options of minimal APIs).</summary>
    public static void UseGenerated(JsonSerializerOptions options) => options.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);

    private static JsonSerializerOptions CreateResponses()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        UseGenerated(options);
        options.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());
        options.MakeReadOnly();
        return options;
    }
}
