using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Pool;
using Ballast.Engine.Pool.Events;
using Ballast.Engine.Tests.Support;

namespace Ballast.Engine.Tests.PoolWiring;

/// <summary>
/// The standard test book (<see cref="TestVault"/>: 10M USDC capital from "lp", one 28-day board) with a senior (5 % APR)
/// / junior pool opened on top: the 10M becomes "lp"'s junior seed shares.
/// </summary>
internal static class PoolVault
{
    public const long Day = TestVault.Day;
    public static readonly Principal Keeper = new(new AccountId("keeper"), Role.Keeper);
    public static readonly Principal Carol = Lp("carol");
    public static readonly Principal Dave = Lp("dave");

    public static Principal Lp(string name) => new(new AccountId(name), Role.LiquidityProvider);

    public static TrancheConfig[] SeniorJunior => [new TrancheConfig("senior", 0, 0.05m), new TrancheConfig("junior", 1, null)];

    public static TestVault Open(PoolParameters? parameters = null)
    {
        var v = TestVault.Open();
        v.Ok(new OpenPool(TestVault.Admin, SeniorJunior, parameters ?? PoolParameters.Default, new AccountId("lp")));
        return v;
    }

    public static TranchePool Pool(this TestVault v) => v.State.Pool!;

    public static NavResult Nav(this TestVault v) => v.State.PoolNav(v.Now, v.State.Parameters);

    public static decimal SharePrice(this TestVault v, string tranche) => v.Pool().SharePrice(tranche, v.Nav().Nav, v.Now);

    /// <summary>Time passes with spot republished so the Greek cache stays fresh.</summary>
    public static void Wait(this TestVault v, long seconds, double spot = 3000)
    {
        // The cache goes stale after 3 h: publish spot at least every 2 h.
        long left = seconds;
        while (left > 0)
        {
            long step = Math.Min(left, 2 * 3_600);
            v.Tick(step, spot);
            left -= step;
        }
    }

    public static Decision Process(this TestVault v, Principal? by = null) => v.Run(new ProcessLpQueues(by ?? Keeper));

    /// <summary>Net quote that entered the vault from outside, LP flows included.</summary>
    public static decimal QuoteIn(this TestVault v)
    {
        decimal total = v.MoneyIn(Asset.Quote);
        foreach (var e in v.Events) total += e is PoolEvent p ? LpCashFlow.QuoteIn(p) : 0m;
        return total;
    }

    /// <summary>Every quote the vault holds, LP queued deposits included.</summary>
    public static decimal QuoteHeld(this TestVault v) => v.TotalMoney(Asset.Quote) + (v.State.Pool?.QueuedDepositTotal ?? 0m);

    public static void AssertClaimsSumToNav(this TestVault v)
    {
        var nav = v.Nav();
        Assert.True(nav.IsValid, nav.Message);
        var claims = v.Pool().Claims(nav.Nav, v.Now);
        Assert.Equal(nav.Nav, claims.Sum(c => c.Claim));
        Assert.All(claims, c => Assert.True(c.SharePrice >= 0, $"{c.Tranche} price {c.SharePrice}"));
    }

    public static IEnumerable<PoolEvent> Flatten(Event e) =>
        e is PoolEventBatch b ? b.Changes : e is PoolEvent p ? [p] : [];
}
