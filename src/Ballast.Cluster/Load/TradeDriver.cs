using System.Collections.Concurrent;
using System.Diagnostics;
using Ballast.Cluster.Contracts;

namespace Ballast.Cluster.Load;

/// <summary>
/// Sends <see cref="DemoFlow"/> trades to many vault grains through any grain factory (a silo's or a client's). Each
/// vault receives its trades in order; vaults run concurrently. Every command carries an idempotency key and is retried
/// on failure, so a node dying mid-run delays trades but neither loses an acknowledged one nor executes one twice.
/// </summary>
public static class TradeDriver
{
    /// <summary>Opens (idempotently) and funds every vault, then streams the trades. <paramref name="log"/> receives progress lines.</summary>
    public static async Task<DriveResult> RunAsync(IGrainFactory grains, DriveOptions options, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(options);
        var ids = options.VaultIds();
        using var gate = new SemaphoreSlim(options.Concurrency);
        long retries = 0, acknowledged = 0, rejected = 0, failed = 0;

        async Task<VaultReply?> Send(IVaultGrain vault, VaultCommand command)
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                // A retry reuses the command's idempotency key, so it cannot execute twice.
                return await Retry.CallAsync(() => vault.Submit(command), static r => r.Status != ReplyStatus.Unavailable,
                    options.MaxAttempts, options.RetryDelay, () => Interlocked.Increment(ref retries), cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }

        var expiries = new ConcurrentDictionary<string, (long Expiry, decimal[] Strikes)>();
        await Task.WhenAll(ids.Select(async id =>
        {
            var vault = grains.GetGrain<IVaultGrain>(id);
            foreach (var setup in DemoFlow.Setup(keyPrefix: "setup")) await Send(vault, setup);
            var series = await Retry.CallAsync(() => vault.ListedSeries(), static s => s.Length > 0, options.MaxAttempts, options.RetryDelay,
                cancellationToken: cancellationToken) ?? throw new InvalidOperationException($"vault {id} lists no series");
            long near = series.Min(s => s.Expiry);
            expiries[id] = (near, series.Where(s => s.Expiry == near).Select(s => s.Strike).Distinct().ToArray());
        }));
        log?.Invoke($"{ids.Count} vaults open; sending {options.TradesPerVault} trades to each");

        var clock = Stopwatch.StartNew();
        long lastReport = 0;
        await Task.WhenAll(ids.Select(async id =>
        {
            var vault = grains.GetGrain<IVaultGrain>(id);
            var (expiry, strikes) = expiries[id];
            for (int i = 0; i < options.TradesPerVault; i++)
            {
                var reply = await Send(vault, DemoFlow.Trade(expiry, strikes, i, key: $"{options.RunTag}-trade-{i}"));
                if (reply is null) Interlocked.Increment(ref failed);
                else if (reply.Succeeded) Interlocked.Increment(ref acknowledged);
                else Interlocked.Increment(ref rejected);
                long seconds = (long)clock.Elapsed.TotalSeconds;
                if (log is not null && seconds > Interlocked.Read(ref lastReport) && Interlocked.Exchange(ref lastReport, seconds) < seconds)
                    log($"{seconds,4} s: {Interlocked.Read(ref acknowledged)} trades acknowledged, {Interlocked.Read(ref retries)} retries");
            }
        }));
        clock.Stop();

        var placement = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var status = await Retry.CallAsync(() => grains.GetGrain<IVaultGrain>(id).Status(), static _ => true, options.MaxAttempts, options.RetryDelay,
                cancellationToken: cancellationToken);
            string silo = status?.Silo ?? "(unreachable)";
            placement[silo] = placement.GetValueOrDefault(silo) + 1;
        }

        return new DriveResult(ids.Count, acknowledged, rejected, failed, retries, clock.Elapsed, placement);
    }
}
