using System.Text.Json;
using System.Text.Json.Serialization;

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
    };
}
