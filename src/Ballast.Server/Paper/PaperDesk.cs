using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Pool;
using Ballast.Ledger.Hosting;

namespace Ballast.Server.Paper;

/// <summary>
/// The paper market's liquidity and hedging side: at start an admin opens the pool (a senior and a junior tranche, short
/// queue delays so requests clear within seconds of wall-clock time); each tick a few simulated LPs queue deposits and
/// withdrawals, a keeper fires breakers and processes the queues, and a delta hedger books perp fills when the vault's
/// net delta leaves a band. Everything goes through the same <see cref="VaultHost"/> and engine commands as real clients.
/// </summary>
public sealed class PaperDesk(VaultHost host, int seed)
{
    /// <summary>Venue id of the simulated perpetual the paper hedger trades on.</summary>
    public const string Venue = "paper-perp";

    /// <summary>Net delta band (units of underlying) inside which the hedger does nothing.</summary>
    public const double DeltaBand = 0.5;

    /// <summary>Perp taker fee (ratio of notional).</summary>
    public const decimal FeeRate = 0.0005m;

    /// <summary>Annualised perp funding rate the paper venue charges longs (ratio per year).</summary>
    public const double FundingRatePerYear = 0.10;

    /// <summary>Wall-clock seconds a paper LP request waits before a keeper may process it.</summary>
    public const long QueueDelaySeconds = 2;

    private const int Lps = 3;
    private const int FundingEveryTicks = 20;
    private static readonly string[] TrancheNames = ["senior", "junior"];

    private readonly Random _random = new(unchecked(seed * 31 + 7));
    private readonly Principal _admin = new(new AccountId("paper-admin"), Role.Admin);
    private readonly Principal _keeper = new(new AccountId("paper-keeper"), Role.Keeper);
    private long _tick;
    private long _fillId;

    /// <summary>Opens the pool unless a previous run already did (the rejection is the idempotency).</summary>
    public async Task OpenPoolAsync(CancellationToken cancel)
    {
        if (host.Read(static s => s.Pool is not null)) return;
        var parameters = PoolParameters.Default with
        {
            DepositDelay = QueueDelaySeconds,
            WithdrawalDelay = QueueDelaySeconds,
            GuardianDelay = 60,
            QuoteDecimals = host.Read(static s => s.Market?.QuoteDecimals ?? PoolParameters.Default.QuoteDecimals),
        };
        TrancheConfig[] tranches = [new("senior", 0, 0.05m), new("junior", 1, null)];
        await host.SubmitAsync(new OpenPool(_admin, tranches, parameters, new AccountId("paper-seed")), null, "", cancel);
    }

    /// <summary>One tick of LP flow, queue keeping and hedging at <paramref name="spot"/>.</summary>
    public async Task StepAsync(double spot, CancellationToken cancel)
    {
        _tick++;
        // A pool the start could not open (e.g. no spot yet) is opened on a later tick.
        if (host.Read(static s => s.Pool is null)) await OpenPoolAsync(cancel);
        if (host.Read(static s => s.Pool is not null))
        {
            await LpFlowAsync(cancel);
            await host.SubmitAsync(new UpdateCircuitBreakers(_keeper), null, "", cancel);
            await host.SubmitAsync(new ProcessLpQueues(_keeper, 20), null, "", cancel);
        }

        await HedgeAsync(spot, cancel);
    }

    private async Task LpFlowAsync(CancellationToken cancel)
    {
        // About one LP action every third tick: mostly deposits, sometimes a partial withdrawal of what the LP holds.
        if (_random.NextDouble() > 0.35) return;
        var lp = new Principal(new AccountId($"paper-lp-{_random.Next(1, Lps + 1)}"), Role.LiquidityProvider);
        string tranche = TrancheNames[_random.Next(TrancheNames.Length)];
        decimal held = host.Read((lp.Account, tranche), static (s, a) => s.Pool?.SharesOf(a.Account, a.tranche) ?? 0m);
        if (held > 10m && _random.NextDouble() < 0.4)
        {
            decimal shares = Math.Round(held * (decimal)(0.1 + 0.4 * _random.NextDouble()), 6, MidpointRounding.ToZero);
            await host.SubmitAsync(new RequestLpWithdrawal(lp, tranche, shares), null, "", cancel);
            return;
        }

        decimal amount = Math.Round((decimal)(5_000 + 45_000 * _random.NextDouble()), 2);
        await host.SubmitAsync(new RequestLpDeposit(lp, tranche, amount), null, "", cancel);
    }

    private async Task HedgeAsync(double spot, CancellationToken cancel)
    {
        if (spot <= 0) return;
        double netDelta = host.Read(static s => s.HasSpot ? s.NetDelta : 0.0);
        // Band hedge (Lyra's hedger style): trade back to zero net delta once |delta| leaves the band.
        if (double.IsFinite(netDelta) && Math.Abs(netDelta) > DeltaBand)
        {
            decimal quantity = Math.Round((decimal)(-netDelta), 4);
            decimal price = Math.Round((decimal)spot, 2);
            decimal fee = Math.Round(Math.Abs(quantity) * price * FeeRate, 6, MidpointRounding.AwayFromZero);
            if (quantity != 0m)
                await host.SubmitAsync(new BookHedgeFill(_keeper, Venue, $"paper-{++_fillId}", quantity, price, fee), null, "", cancel);
        }

        // Perp funding every few ticks: longs pay shorts at the annual rate over the ticks' simulated hours.
        decimal position = host.Read(static s => s.HedgePosition);
        if (_tick % FundingEveryTicks == 0 && position != 0m)
        {
            double years = FundingEveryTicks * PaperMarket.SimulatedSecondsPerTick / (365.0 * 86_400);
            decimal amount = Math.Round(position * (decimal)(spot * FundingRatePerYear * years), 6);
            if (amount != 0m) await host.SubmitAsync(new BookHedgeFunding(_keeper, Venue, amount, FundingRatePerYear), null, "", cancel);
        }
    }
}
