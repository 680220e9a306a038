using System.Globalization;
using System.Text;
using Ballast.Engine.Markets;
using Ballast.Engine.Pool;
using Ballast.Engine.Pool.Events;

namespace Ballast.Engine.Tests.Pool;

/// <summary>Shared set-up for the pool tests: a senior (5 % APR) / junior pool and a tiny cash ledger around it.</summary>
internal static class PoolTestKit
{
    public const long T0 = 1_700_000_000;
    public const long Week = PoolParameters.Week;

    public static TrancheConfig[] SeniorJunior(decimal seniorApr = 0.05m) =>
        [new TrancheConfig("senior", 0, seniorApr), new TrancheConfig("junior", 1, null)];

    public static TranchePool NewPool(PoolParameters? parameters = null, decimal seniorApr = 0.05m) =>
        TranchePool.Create(SeniorJunior(seniorApr), parameters ?? PoolParameters.Default, T0);

    public static decimal RoundDown(decimal value, int decimals) => decimal.Round(value, decimals, MidpointRounding.ToZero);

    public static void Close(decimal expected, decimal actual, decimal tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected} ± {tolerance}, got {actual}");

    /// <summary>Asserts the decision was accepted, applies it and returns its events.</summary>
    public static IReadOnlyList<PoolEvent> Ok(this TranchePool pool, PoolDecision decision)
    {
        Assert.True(decision.IsAccepted, decision.ToString());
        pool.Apply(decision);
        return decision.Events;
    }

    /// <summary>Everything observable about the pool, as text, to check that a rejection changed nothing.</summary>
    public static string Snapshot(TranchePool pool)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"v{pool.Version} t{pool.LastEventTime} next{pool.NextRequestId} q{pool.QueuedDepositTotal};");
        foreach (var t in pool.Tranches)
        {
            sb.Append(c, $"{t.Name}:{t.Shares}/{t.TargetBasePrice}@{t.TargetSince};");
            foreach (var r in pool.DepositQueue(t.Name)) sb.Append(c, $"D{r};");
            foreach (var r in pool.WithdrawalQueue(t.Name)) sb.Append(c, $"W{r};");
        }

        foreach (var b in pool.Balances) sb.Append(c, $"{b};");
        foreach (var k in CircuitBreakers.All) sb.Append(c, $"{k}:{pool.CircuitBreakerActiveUntil(k)};");
        sb.Append(c, $"h{pool.History.Count}");
        return sb.ToString();
    }

    /// <summary>Seeds the pool through its queues: each (account, tranche, amount) is requested at T0 and processed a week later.</summary>
    /// <returns>The time after processing.</returns>
    public static long Seed(TranchePool pool, Ledger ledger, params (string Account, string Tranche, decimal Amount)[] deposits)
    {
        foreach (var (a, t, amt) in deposits) ledger.Apply(pool.Ok(pool.RequestDeposit(a, t, amt, pool.LastEventTime)));
        long now = pool.LastEventTime + pool.Parameters.DepositDelay + 1;
        ledger.Apply(pool.Ok(pool.ProcessQueues(ledger.Market(pool, hasLiveBoards: false), now)));
        return now;
    }
}

/// <summary>
/// The vault's cash around the pool, as the engine would keep it: quote held (<see cref="Cash"/>), each LP's wallet, and
/// an exogenous book value (option and hedge PnL). NAV = cash − queued deposits + book value.
/// </summary>
internal sealed class Ledger
{
    public decimal Cash { get; private set; }
    public decimal BookValue { get; set; }
    public Dictionary<string, decimal> Wallets { get; } = new(StringComparer.Ordinal);

    public decimal Wallet(string account) => Wallets.TryGetValue(account, out var w) ? w : 0;

    public decimal Nav(TranchePool pool) => Math.Max(0, Cash - pool.QueuedDepositTotal + BookValue);

    public PoolMarket Market(TranchePool pool, bool hasLiveBoards = true, decimal? burnable = null)
    {
        decimal nav = Nav(pool);
        decimal available = burnable ?? Math.Max(0, Cash - pool.QueuedDepositTotal);
        return PoolMarket.Calm(nav, available, hasLiveBoards);
    }

    public void Apply(IEnumerable<PoolEvent> events)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case DepositRequested d: Move(d.Account, -d.Amount); break;
                case RequestCancelled c: Move(c.Account, c.RefundedQuote); break;
                case DepositProcessed { RequestId: 0 } d: Move(d.Account, -d.Amount); break;
                case WithdrawalProcessed w: Move(w.Account, w.Payout); break;
            }
        }
    }

    private void Move(AccountId id, decimal toWallet)
    {
        string account = id.Value;
        Wallets[account] = Wallet(account) + toWallet;
        Cash -= toWallet;
    }
}

/// <summary>The pool takes the engine's <see cref="AccountId"/>; these let the pool tests name accounts with plain strings.</summary>
internal static class PoolStringAccounts
{
    public static PoolDecision RequestDeposit(this TranchePool pool, string account, string tranche, decimal amount, long now) =>
        pool.RequestDeposit(new AccountId(account), tranche, amount, now);

    public static PoolDecision RequestWithdrawal(this TranchePool pool, string account, string tranche, decimal shares, long now) =>
        pool.RequestWithdrawal(new AccountId(account), tranche, shares, now);

    public static PoolDecision Cancel(this TranchePool pool, string account, long requestId, long now) =>
        pool.Cancel(new AccountId(account), requestId, now);

    public static PoolDecision InstantDeposit(this TranchePool pool, string account, string tranche, decimal amount, PoolMarket market, long now) =>
        pool.InstantDeposit(new AccountId(account), tranche, amount, market, now);

    public static PoolDecision InstantWithdrawal(this TranchePool pool, string account, string tranche, decimal shares, PoolMarket market, long now) =>
        pool.InstantWithdrawal(new AccountId(account), tranche, shares, market, now);

    public static decimal SharesOf(this TranchePool pool, string account, string tranche) => pool.SharesOf(new AccountId(account), tranche);
}
