using System.Threading.RateLimiting;
using Ballast.Ledger;
using Ballast.Ledger.Postgres;
using Ballast.Ledger.Sqlite;
using Ballast.Server.Api;
using Ballast.Server.Auth;
using Ballast.Ledger.Hosting;
using Ballast.Server.Ops;
using Ballast.Server.Paper;
using Ballast.Server.Streaming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;
using Scalar.AspNetCore;

namespace Ballast.Server;

/// <summary>
/// Composition of the service: ledger → <see cref="VaultHost"/> → HTTP (auth, limits, problem details, /v1, stream,
/// dashboard, OpenAPI, health, metrics) → optional paper market. Options come from the <c>Ballast</c> configuration
/// section (<c>ballast serve</c> maps its flags onto it). Start reading here, then <see cref="VaultHost"/>.
/// </summary>
public static class BallastServer
{
    /// <summary>Builds and runs until Ctrl+C / SIGTERM; returns the exit code.</summary>
    public static int Run(string[] args)
    {
        var app = Build(args);
        app.Run();
        return 0;
    }

    /// <summary>Builds the application (the ledger opens when the host starts).</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Configuration["Ballast:ConfigFile"] is { Length: > 0 } configFile)
        {
            // --config FILE: a JSON file of the same shape ({ "Ballast": { ... } }); command-line flags still win.
            builder.Configuration.AddJsonFile(configFile, optional: false);
            builder.Configuration.AddCommandLine(args);
        }

        var options = builder.Configuration.GetSection("Ballast").Get<ServerOptions>() ?? new ServerOptions();
        builder.Services.AddSingleton(options);
        ThreadPool.GetMinThreads(out int minWorkers, out int minIo);
        if (options.MinWorkerThreads > minWorkers) ThreadPool.SetMinThreads(options.MinWorkerThreads, minIo);

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ");
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            k.AddServerHeader = false;
        });
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(15));

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => new ApiKeyStore(EnsureFolder(options.KeysPath)));
        builder.Services.AddSingleton(sp => OpenStore(options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("Ballast.Ledger")));
        builder.Services.AddSingleton(sp => OpenHost(options, sp));
        builder.Services.AddSingleton<ServerMetrics>();
        builder.Services.AddSingleton<SeriesCatalog>();
        builder.Services.AddSingleton<StreamHub>();
        builder.Services.AddSingleton<VaultTicker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<VaultTicker>());
        if (options.Paper) builder.Services.AddHostedService<PaperMarket>();

        builder.Services.ConfigureHttpJsonOptions(j => ApiJson.UseGenerated(j.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Ballast vault API";
            doc.Info.Description = "Options market-maker vault: market data, quotes, trades, accounts, governance, oracle. Errors are RFC 7807 problem details.";
            return Task.CompletedTask;
        }));
        builder.Services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.OnRejected = (ctx, _) => new ValueTask(Problems.Of(StatusCodes.Status429TooManyRequests, "Too many requests",
                "this key exceeded its request rate; slow down", "rate-limited").ExecuteAsync(ctx.HttpContext));
            r.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
            {
                var caller = Caller.Of(ctx);
                int perSecond = caller is null ? options.AnonymousRateLimitPerSecond : options.RateLimitPerSecond;
                string partition = caller?.Hash ?? "ip:" + ctx.Connection.RemoteIpAddress;
                // Refill every 100 ms when the rate allows it, otherwise one token per 1/rate seconds.
                bool fine = perSecond >= 10;
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, perSecond * 2),
                    TokensPerPeriod = fine ? perSecond / 10 : 1,
                    ReplenishmentPeriod = fine ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1.0 / Math.Max(1, perSecond)),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e switch
            {
                BadHttpRequestException b => b.StatusCode,
                VaultHostFaultedException => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseHttpMetrics();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseRateLimiter();

        V1Endpoints.Map(app);
        StreamEndpoint.Map(app);
        Dashboard.Map(app);
        app.MapGet("/health", (VaultHost h) => h.Fault is { } f
            ? Results.Json(new { status = "unhealthy", fault = f, ledgerHead = h.Head }, statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Ok(new { status = "healthy", ledgerHead = h.Head, stateVersion = h.Read(static s => s.Version) })).ExcludeFromDescription();
        // A bare static endpoint: the load test's baseline for what the pipeline itself costs.
        app.MapGet("/ping", () => Results.Text("pong")).ExcludeFromDescription();
        app.MapMetrics("/metrics");
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", o => o.WithTitle("Ballast API").DisableDefaultFonts().DisableTelemetry().DisableAgent().DisableMcp());

        // Open the ledger and recover the vault before the server takes requests; log where the data lives.
        var host = app.Services.GetRequiredService<VaultHost>();
        app.Logger.LogInformation("Ballast serving vault {Vault} from {Ledger}; keys in {Keys}; ledger head {Head}{Paper}",
            options.VaultId, options.Postgres is null ? Path.GetFullPath(options.LedgerPath) : "PostgreSQL", Path.GetFullPath(options.KeysPath), host.Head,
            options.Paper ? " (paper mode)" : "");
        return app;
    }

    private static string EnsureFolder(string file)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(file));
        if (dir is not null) Directory.CreateDirectory(dir);
        return file;
    }

    private static IEventStore OpenStore(ServerOptions options, TimeProvider clock, ILogger logger)
    {
        var storeOptions = new EventStoreOptions { Clock = clock };
        LedgerOpenResult opened = options.Postgres is { } cs
            ? PostgresEventStore.OpenAsync(new PostgresStoreOptions(cs) { Schema = options.PostgresSchema }, storeOptions).GetAwaiter().GetResult()
            : SqliteEventStore.OpenAsync(new SqliteStoreOptions(EnsureFolder(options.LedgerPath)), storeOptions).GetAwaiter().GetResult();
        foreach (var repair in opened.Repairs) logger.LogWarning("Ledger repaired a torn tail: {Repair}", repair.Message);
        return opened.RequireStore();
    }

    private static VaultHost OpenHost(ServerOptions options, IServiceProvider sp)
    {
        var store = sp.GetRequiredService<IEventStore>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger<VaultHost>();
        var (host, error) = VaultHost.OpenAsync(store, options.VaultId, clock, logger).GetAwaiter().GetResult();
        if (host is null) throw new InvalidOperationException(error);
        if (host.Head == 0)
        {
            foreach (var command in DefaultVault.Commands(host.Now))
            {
                var outcome = host.SubmitAsync(command).GetAwaiter().GetResult();
                if (!outcome.Succeeded) throw new InvalidOperationException($"bootstrap {command.GetType().Name} failed: {outcome.Rejection?.ToString() ?? outcome.Message}");
            }

            logger.LogInformation("Empty ledger: bootstrapped the default vault ({Events} events)", host.Head);
        }

        return host;
    }
}
