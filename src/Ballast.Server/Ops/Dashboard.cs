using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ballast.Server.Ops;

/// <summary>The dashboard: static files embedded in this assembly (no CDN), served at <c>/</c> and <c>/dashboard/*</c>.</summary>
public static class Dashboard
{
    private static readonly ConcurrentDictionary<string, byte[]?> Cache = new(StringComparer.Ordinal);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Serve("index.html")).ExcludeFromDescription();
        app.MapGet("/dashboard/{file}", (string file) => Serve(file)).ExcludeFromDescription();
    }

    private static IResult Serve(string file)
    {
        var bytes = Cache.GetOrAdd(file, static f =>
        {
            using var s = typeof(Dashboard).Assembly.GetManifestResourceStream("dashboard/" + f);
            if (s is null) return null;
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        });
        if (bytes is null) return Api.Problems.NotFound($"no dashboard file '{file}'");
        string type = Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            _ => "application/octet-stream",
        };
        return Results.Bytes(bytes, type);
    }
}
