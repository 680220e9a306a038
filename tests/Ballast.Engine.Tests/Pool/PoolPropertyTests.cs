using Ballast.Engine.Pool;
using Ballast.Engine.Pool.Events;
using FsCheck.Xunit;
using static Ballast.Engine.Tests.Pool.PoolTestKit;

namespace Ballast.Engine.Tests.Pool;

/// <summary>Invariants of the pool under random scripts of requests, cancels, processing, PnL shocks and time.</summary>
public class PoolPropertyTests
{
    private static readonly string[] Accounts = ["alice", "bob", "carol"];
    private static readonly string[] TrancheNames = ["senior", "junior"];

    /// <summary>Runs a script decoded from <paramref name="script"/>, checking the invariants after every applied event.</summary>
    private static (TranchePool Pool, Ledger Ledger, long Now, List<PoolEvent> Events) Run(int[] script, PoolParameters parameters, Action<TranchePool, Ledger, long, PoolDecision>? onProcess = null)
    {
        var applied = new List<PoolEvent>();
        var pool = NewPool(parameters);
        var ledger = new Ledger();
        long now = T0;
        var owners = new Dictionary<long, string>();
        foreach (int raw in script)
        {
            uint x = (uint)raw;
            string account = Accounts[x / 8 % 3];
            string tranche = TrancheNames[x / 24 % 2];
            decimal amount = 1m + x / 48 % 300_000 / 100m;
            now += x % 5 * PoolParameters.Day;
            bool liveBoards = x / 7 % 2 == 0;
            PoolDecision d;
            switch (x % 8)
            {
                case 0:
                case 1:
                    d = pool.RequestDeposit(account, tranche, amount, now);
                    break;
                case 2:
                    decimal held = pool.SharesOf(account, tranche);
                    // Asking for more than one holds is always refused: nobody withdraws another LP's shares.
                    var steal = pool.RequestWithdrawal(account, tranche, held + 1m, now);
                    Assert.Equal(PoolRejectionReason.InsufficientShares, steal.Rejection?.Reason);
                    d = held >= 1m ? pool.RequestWithdrawal(account, tranche, RoundDown(held * (x % 3 + 1) / 3m, 12) is var s && s >= 1m ? s : held, now) : steal;
                    break;
                case 3:
                    var queued = pool.Tranches.SelectMany(t => pool.DepositQueue(t.Name).Concat(pool.WithdrawalQueue(t.Name))).ToArray();
                    if (queued.Length == 0) continue;
                    var target = queued[(int)(x / 8 % (uint)queued.Length)];
                    if (target.Account.Value != account)
                        Assert.Equal(PoolRejectionReason.NotRequestOwner, pool.Cancel(account, target.Id, now).Rejection?.Reason);
                    d = pool.Cancel(target.Account, target.Id, now);
                    break;
                case 4:
                    if (pool.Tranches.All(t => t.Shares == 0)) continue; // PnL needs someone to own it
                    ledger.BookValue += (x / 8 % 2001 - 1000) * 10m; // PnL shock of ±10,000
                    continue;
                default:
                    var authority = x % 8 == 7 ? ProcessingAuthority.Guardian : ProcessingAuthority.Keeper;
                    decimal burnable = Math.Max(0, ledger.Cash - pool.QueuedDepositTotal) * (x / 16 % 4) / 3m;
                    var market = ledger.Market(pool, liveBoards, RoundDown(burnable, 6));
                    d = pool.ProcessQueues(market, now, authority);
                    onProcess?.Invoke(pool, ledger, now, d);
                    break;
            }

            if (!d.IsAccepted) continue;
            foreach (var e in d.Events)
            {
                if (e is DepositRequested dr) owners[dr.RequestId] = dr.Account.Value;
                if (e is WithdrawalRequested wr) owners[wr.RequestId] = wr.Account.Value;
                if (e is WithdrawalProcessed { RequestId: > 0 } wp) Assert.Equal(owners[wp.RequestId], wp.Account.Value);
                if (e is RequestCancelled rc) Assert.Equal(owners[rc.RequestId], rc.Account.Value);
                pool.Apply(e);
                ledger.Apply([e]);
                applied.Add(e);
                CheckInvariants(pool, ledger, now);
            }
        }

        return (pool, ledger, now, applied);
    }

    private static void CheckInvariants(TranchePool pool, Ledger ledger, long now)
    {
        decimal nav = ledger.Nav(pool);
        var claims = pool.Claims(nav, now);
        if (pool.Tranches.Any(t => t.Shares > 0)) Assert.Equal(nav, claims.Sum(c => c.Claim));
        Assert.All(claims, c => Assert.True(c.Claim >= 0 && c.SharePrice >= 0));
        foreach (var t in pool.Tranches)
        {
            decimal held = pool.Balances.Where(b => b.Tranche == t.Name).Sum(b => b.Shares);
            Assert.Equal(t.Shares, held + pool.WithdrawalQueue(t.Name).Sum(r => r.Amount));
        }

        Assert.Equal(pool.QueuedDepositTotal, pool.Tranches.Sum(t => pool.DepositQueue(t.Name).Sum(r => r.Amount)));
    }

    [Property(MaxTest = 150)]
    public void Sum_of_tranche_claims_equals_nav_and_shares_are_accounted_after_every_event(int[] script) =>
        Run(script ?? [], PoolParameters.Default);

    [Property(MaxTest = 150)]
    public void Processing_queues_does_not_change_any_tranche_share_price_except_through_fees(int[] script)
    {
        Run(script ?? [], PoolParameters.Default, (pool, ledger, now, decision) =>
        {
            if (!decision.IsAccepted) return;
            decimal navBefore = ledger.Nav(pool);
            var before = pool.Claims(navBefore, now);
            var after = pool.Clone();
            after.Apply(decision);
            // Processed deposits join NAV (their quote was already held); payouts leave it; fees stay.
            decimal navAfter = navBefore - decision.Events.OfType<WithdrawalProcessed>().Sum(w => w.Payout)
                + decision.Events.OfType<DepositProcessed>().Sum(d => d.Amount);
            var prices = after.Claims(navAfter, now);
            bool fees = decision.Events.OfType<WithdrawalProcessed>().Any(w => w.Fee > 0);
            for (int i = 0; i < before.Length; i++)
            {
                if (before[i].Shares == 0 || prices[i].Shares == 0) continue;
                // A senior claim is its target truncated to TrancheState.ClaimDecimals (1e-12 quote), so its price can move by
                // that truncation over the share supply: far below one unit of the quote asset, and no money moves with it.
                // (FsCheck found (15747524608082355723,636659624580164487,97): senior 1.00150684931486 -> 1.00150684931471.)
                decimal claimDust = 1e-12m / Math.Min(before[i].Shares, prices[i].Shares);
                Assert.True(prices[i].SharePrice >= before[i].SharePrice * (1 - 1e-20m) - claimDust,
                    $"{before[i].Tranche}: {before[i].SharePrice} -> {prices[i].SharePrice}");
                // Without fees only rounding dust (≤ 1e-12 share units per mint, ≤ 1e-6 quote per payout) can raise a price.
                if (!fees && prices[i].Shares >= 1)
                    Assert.True(prices[i].SharePrice - before[i].SharePrice <= before[i].SharePrice * 1e-9m + 1e-5m, $"{before[i].Tranche}: {before[i].SharePrice} -> {prices[i].SharePrice} without fees");
            }
        });
    }

    [Property(MaxTest = 100)]
    public void Money_is_conserved_when_everyone_exits(int[] script)
    {
        var (pool, ledger, now, applied) = Run(script ?? [], PoolParameters.Default);
        // Drain: cancel queued deposits, queue every balance for withdrawal, let the guardian process with ample liquidity.
        now += 3 * Week;
        foreach (var t in pool.Tranches)
        {
            foreach (var r in pool.DepositQueue(t.Name).ToArray()) ledger.Apply(pool.Ok(pool.Cancel(r.Account, r.Id, now)));
        }

        foreach (var (tranche, account, shares) in pool.Balances.ToArray()) ledger.Apply(pool.Ok(pool.RequestWithdrawal(account, tranche, shares, now)));
        now += 3 * Week;
        decimal bookValue = ledger.BookValue;
        if (ledger.Cash + bookValue < 0) return; // insolvent: nothing is processed (tested elsewhere)
        var final = pool.Ok(pool.ProcessQueues(ledger.Market(pool, hasLiveBoards: false, burnable: 1e12m), now, ProcessingAuthority.Guardian));
        ledger.Apply(final);
        Assert.All(pool.Tranches, t => Assert.Equal(0m, t.Shares));
        Assert.Equal(0m, pool.QueuedDepositTotal);
        // Every quote is either back in an LP's wallet or left in the pool as rounding dust (≤ 1e-6 per payout, in the pool's favour).
        decimal leftover = ledger.Nav(pool);
        decimal netToLps = ledger.Wallets.Values.Sum();
        Assert.Equal(ledger.Cash + bookValue, leftover);
        // What stays is what the pool kept: withdrawal fees and payout rounding (both in WithdrawalProcessed.Fee) paid
        // when nobody was left to own them.
        var withdrawals = applied.Concat(final).OfType<WithdrawalProcessed>().ToArray();
        Assert.InRange(leftover, 0m, withdrawals.Sum(w => w.Fee) + 1e-6m);
        Assert.Equal(bookValue - leftover, netToLps);
    }

    [Property(MaxTest = 200)]
    public void A_deposit_immediately_followed_by_a_withdrawal_returns_no_more_than_was_deposited_minus_fees(
        uint seniorSeed, uint juniorSeed, int pnl, uint deposit, bool intoSenior, bool boardsLive)
    {
        var parameters = PoolParameters.Default with { InstantMode = true };
        var pool = NewPool(parameters);
        var ledger = new Ledger();
        long now = Seed(pool, ledger, ("s", "senior", 1m + seniorSeed % 10_000_000), ("j", "junior", 1m + juniorSeed % 10_000_000));
        ledger.BookValue = pnl % 1_000_000;
        string tranche = intoSenior ? "senior" : "junior";
        decimal amount = 1m + deposit % 100_000_000 / 100m;
        var dep = pool.InstantDeposit("lp", tranche, amount, ledger.Market(pool, boardsLive), now);
        if (!dep.IsAccepted) return; // impaired senior or wiped junior: deposits wait (tested elsewhere)
        pool.Apply(dep);
        ledger.Apply(dep.Events);
        decimal shares = pool.SharesOf("lp", tranche);
        var wd = pool.InstantWithdrawal("lp", tranche, shares, ledger.Market(pool, boardsLive), now);
        Assert.True(wd.IsAccepted, wd.ToString());
        decimal payout = wd.Events.OfType<WithdrawalProcessed>().Single().Payout;
        decimal fee = boardsLive ? parameters.WithdrawalFee : 0m;
        Assert.True(payout <= amount * (1 - fee), $"paid {payout} for {amount}");
    }

    [Property(MaxTest = 100)]
    public void A_queued_deposit_and_withdrawal_return_no_more_than_was_deposited(uint deposit, int pnl)
    {
        var parameters = PoolParameters.Default with { DepositDelay = 0, WithdrawalDelay = 0 };
        var pool = NewPool(parameters, seniorApr: 0m);
        var ledger = new Ledger();
        long now = Seed(pool, ledger, ("s", "senior", 50_000m), ("j", "junior", 20_000m));
        ledger.BookValue = pnl % 15_000;
        decimal amount = 1m + deposit % 10_000_000 / 100m;
        ledger.Apply(pool.Ok(pool.RequestDeposit("lp", "junior", amount, now)));
        ledger.Apply(pool.Ok(pool.ProcessQueues(ledger.Market(pool, hasLiveBoards: false), now + 1)));
        decimal shares = pool.SharesOf("lp", "junior");
        ledger.Apply(pool.Ok(pool.RequestWithdrawal("lp", "junior", shares, now + 1)));
        ledger.Apply(pool.Ok(pool.ProcessQueues(ledger.Market(pool, hasLiveBoards: false), now + 2)));
        Assert.True(ledger.Wallet("lp") <= 0m, $"LP gained {ledger.Wallet("lp")}");
    }
}
