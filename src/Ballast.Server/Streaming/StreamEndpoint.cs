using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ballast.Server.Streaming;

/// <summary><c>GET /v1/stream</c>: server-sent events <c>vault</c> (status with Greeks), <c>quotes</c> and <c>trade</c>.</summary>
public static class StreamEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/v1/stream", async (HttpContext ctx, StreamHub hub, VaultTicker ticker) =>
        {
            ctx.Response.Headers.ContentType = "text/event-stream";
            ctx.Response.Headers.CacheControl = "no-cache";
            ctx.Response.Headers["X-Accel-Buffering"] = "no";
            var reader = hub.Subscribe(ctx.RequestAborted);
            // A new subscriber gets the current picture at once instead of waiting for the next tick.
            if (ticker.Latest is { } latest) await ctx.Response.WriteAsync(latest, Encoding.UTF8, ctx.RequestAborted);
            await ctx.Response.WriteAsync(": connected\n\n", ctx.RequestAborted);
            await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            try
            {
                while (await reader.WaitToReadAsync(ctx.RequestAborted))
                {
                    while (reader.TryRead(out var msg)) await ctx.Response.WriteAsync(msg, Encoding.UTF8, ctx.RequestAborted);
                    await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
                // The client went away or the server is stopping.
            }
        }).WithTags("streaming").ExcludeFromDescription();
}
