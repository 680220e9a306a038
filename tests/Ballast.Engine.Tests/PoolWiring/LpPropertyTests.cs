using Ballast.Engine.Commands;
using Ballast.Engine.Pool;
using Ballast.Engine.Pool.Events;
using Ballast.Engine.Tests.Support;
using Ballast.Engine.Volatility;
using FsCheck.Xunit;
using static Ballast.Engine.Tests.PoolWiring.PoolVault;

namespace Ballast.Engine.Tests.PoolWiring;

/// <summary>Invariants of the pool inside the engine under random scripts of LP requests, trades, processing and time.</summary>
public class LpPropertyTests
{
    private static readonly Principal[] Lps = [Carol, Dave];
    private static readonly string[] Tranches = ["senior", "junior"];
    private static readonly decimal[] Strikes = [2750m, 3000m, 3250m];

    [Property(MaxTest = 20)]
    public bool Money_is_conserved_claims_sum_to_nav_and_processing_never_lowers_a_share_price(int seed)
    {
        var v = PoolVault.Open(PoolParameters.Default with { DepositDelay = 3_600, WithdrawalDelay = 3_600 });
        var r = new Random(seed);
        double spot = 3000;
        for (int step = 0; step < 40; step++)
        {
            var lp = Lps[r.Next(2)];
            string tranche = Tranches[r.Next(2)];
            Command command;
            switch (r.Next(8))
            {
                case 0:
                    command = new RequestLpDeposit(lp, tranche, 1m + r.Next(5_000_000) / 10m);
                    break;
                case 1:
                case 2:
                    decimal held = v.Pool().SharesOf(lp.Account, tranche);
                    if (held == 0) continue;
                    command = new RequestLpWithdrawal(lp, tranche, decimal.Round(held * r.Next(1, 5) / 4, 12, MidpointRounding.ToZero));
                    break;
                case 3:
                    var queued = v.Pool().Tranches.SelectMany(t => v.Pool().DepositQueue(t.Name).Concat(v.Pool().WithdrawalQueue(t.Name))).ToArray();
                    if (queued.Length == 0) continue;
                    command = new CancelLpRequest(lp, queued[r.Next(queued.Length)].Id); // may be someone else's: then rejected
                    break;
                case 4:
                    var series = r.Next(2) == 0 ? TestVault.Call(Strikes[r.Next(3)]) : TestVault.Put(Strikes[r.Next(3)]);
                    command = r.Next(2) == 0
                        ? new Trade(TestVault.Alice, series, TradeDirection.Buy, r.Next(1, 20), decimal.MaxValue)
                        : new Trade(TestVault.Alice, series, TradeDirection.Sell, r.Next(1, 20), 0m);
                    break;
                case 5:
                    spot = Math.Clamp(spot * (1 + r.Next(-100, 101) / 2000.0), 2000, 4000);
                    v.Wait(r.Next(3) * 12 * 3_600 + 3_600, spot);
                    continue;
                default:
                    command = new ProcessLpQueues(r.Next(8) == 0 ? TestVault.Admin : Keeper);
                    break;
            }

            decimal[] pricesBefore = Prices(v);
            var decision = v.Run(command);
            if (v.QuoteIn() != v.QuoteHeld()) return false;
            var nav = v.Nav();
            if (!nav.IsValid || nav.IsInsolvent) continue;
            var claims = v.Pool().Claims(nav.Nav, v.Now);
            if (claims.Sum(c => c.Claim) != nav.Nav || claims.Any(c => c.SharePrice < 0)) return false;
            if (decision.IsAccepted && command is ProcessLpQueues)
            {
                var after = Prices(v);
                for (int i = 0; i < after.Length; i++)
                {
                    // Processing moves no price except by fees and rounding, both in the pool's favour; the senior's
                    // target claim is rounded to 1e-12 with the dust going to the junior.
                    if (claims[i].Shares > 0 && pricesBefore[i] > 0 && after[i] < pricesBefore[i] - 1e-12m) return false;
                }
            }
        }

        return v.State.StateHash() == v.Replay().StateHash();
    }

    [Property(MaxTest = 30)]
    public bool A_deposit_immediately_withdrawn_returns_no_more_than_was_deposited(uint cents, bool senior, byte calls)
    {
        var v = PoolVault.Open(PoolParameters.Default with { InstantMode = true });
        if (calls > 0) v.Buy(TestVault.Call(3250), 1 + calls % 30);
        v.Wait(3_600);
        decimal amount = 1m + cents % 100_000_000 / 100m;
        string tranche = senior ? "senior" : "junior";
        decimal before = v.SharePrice(tranche);
        var deposit = v.Run(new RequestLpDeposit(Carol, tranche, amount, Instant: true));
        if (!deposit.IsAccepted) return deposit.Rejection!.Reason == RejectionReason.CircuitBreakerActive;
        decimal shares = v.Pool().SharesOf(Carol.Account, tranche);
        var paid = Flatten(v.Ok(new RequestLpWithdrawal(Carol, tranche, shares, Instant: true)).Event).OfType<WithdrawalProcessed>().Single();
        return paid.Payout <= amount && v.SharePrice(tranche) >= before - 1e-12m && v.QuoteIn() == v.QuoteHeld();
    }

    private static decimal[] Prices(TestVault v)
    {
        var nav = v.Nav();
        return nav.IsValid && !nav.IsInsolvent ? v.Pool().Claims(nav.Nav, v.Now).Select(c => c.SharePrice).ToArray() : [0m, 0m];
    }
}
