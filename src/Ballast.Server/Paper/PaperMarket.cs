using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Volatility;
using Ballast.Ledger.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ballast.Server.Paper;

/// <summary>
/// Paper mode: a seeded geometric Brownian motion drives the oracle spot, and a few simulated traders buy and
/// sell random listed series, all through the same <see cref="VaultHost"/> as real clients; a <see cref="PaperDesk"/>
/// opens the pool, runs a little LP flow with a keeper and hedges the vault's delta on a simulated perp. A small
/// built-in stand-in until the simulation layer's generators are wired in.
/// </summary>
public sealed class PaperMarket(VaultHost host, ServerOptions options, ILogger<PaperMarket> logger) : BackgroundService
{
    /// <summary>Simulated seconds per tick: one hour, so the dashboard visibly moves.</summary>
    public const double SimulatedSecondsPerTick = 3600;

    /// <summary>Annualised volatility of the simulated spot.</summary>
    public const double SpotVolatility = 0.8;

    private const int Traders = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var random = new Random(options.PaperSeed);
        var oracle = new Principal(new AccountId("paper-oracle"), Role.Oracle);
        for (int i = 1; i <= Traders; i++)
        {
            var trader = new Principal(new AccountId($"paper-{i}"), Role.Trader);
            // Idempotent funding: a restart in paper mode does not fund the traders twice.
            await host.SubmitAsync(new DepositCollateral(trader, Asset.Quote, 5_000_000m), IdempotencyKeys.Scope(trader.Account.Value, "paper-funding-quote"), "paper", stoppingToken);
            await host.SubmitAsync(new DepositCollateral(trader, Asset.Base, 2_000m), IdempotencyKeys.Scope(trader.Account.Value, "paper-funding-base"), "paper", stoppingToken);
        }

        var desk = new PaperDesk(host, options.PaperSeed);
        await desk.OpenPoolAsync(stoppingToken);
        double spot = host.Read(static s => s.HasSpot ? s.Spot : DefaultVault.OpeningSpot);
        double dt = SimulatedSecondsPerTick / (365.0 * 86_400);
        logger.LogInformation("Paper market started: seed {Seed}, spot {Spot}, {Traders} traders", options.PaperSeed, spot, Traders);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(20, options.PaperTickMilliseconds)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (host.Fault is not null) return;
                // GBM step (exact discretisation): S' = S exp((-σ²/2) dt + σ √dt Z), zero drift.
                double z = Gaussian(random);
                spot *= Math.Exp(-0.5 * SpotVolatility * SpotVolatility * dt + SpotVolatility * Math.Sqrt(dt) * z);
                spot = Math.Round(spot, 2);
                await host.SubmitAsync(new UpdateSpot(oracle, spot, host.Now, 1.0, spot), null, "", stoppingToken);

                await desk.StepAsync(spot, stoppingToken);

                var series = host.Read(static s => s.BoardsByExpiry().SelectMany(b => b.Strikes.Select(k => k.Strike).Select(k => (b.Expiry, k))).ToArray());
                if (series.Length == 0) continue;
                int trades = random.Next(1, 4);
                for (int n = 0; n < trades; n++)
                {
                    var (expiry, strike) = series[random.Next(series.Length)];
                    var type = random.Next(2) == 0 ? Pricing.OptionType.Call : Pricing.OptionType.Put;
                    var direction = random.NextDouble() < 0.55 ? TradeDirection.Buy : TradeDirection.Sell;
                    double size = Math.Round(0.5 + random.NextDouble() * 4.5, 2);
                    var trader = new Principal(new AccountId($"paper-{random.Next(1, Traders + 1)}"), Role.Trader);
                    decimal limit = direction == TradeDirection.Buy ? 1_000_000m : 0m;
                    await host.SubmitAsync(new Trade(trader, new SeriesId(expiry, strike, type), direction, size, limit), null, "", stoppingToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    // Box-Muller transform (Box & Muller 1958) from two uniforms of the seeded generator.
    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
