using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.Quoting;
using Ballast.Engine.State;
using Ballast.Engine.Volatility;
using Ballast.Pricing;

namespace Ballast.Engine.Tests.Support;

/// <summary>
/// A vault driven through Decide/Apply like a host would, recording every applied event for replay.
/// Default book: ETH/USDC linear, 10M USDC capital, spot 3000, one board 28 days out (base IV 0.8) with strikes
/// 2500..3500 step 250 (skew 1), trader "alice" with 1M USDC and 100 ETH.
/// </summary>
public sealed class TestVault
{
    public const long T0 = 1_780_000_000; // 2026-05-28T20:26:40Z
    public const long Day = 86_400;
    public static readonly long Expiry = T0 + 28 * Day;
    public static readonly Principal Admin = new(new AccountId("admin"), Role.Admin);
    public static readonly Principal Governor = new(new AccountId("gov"), Role.Governor);
    public static readonly Principal Oracle = new(new AccountId("oracle"), Role.Oracle);
    public static readonly Principal Alice = new(new AccountId("alice"), Role.Trader);
    public static readonly Principal Bob = new(new AccountId("bob"), Role.Trader);

    public VaultState State { get; } = new();
    public List<Event> Events { get; } = [];
    public long Now { get; set; } = T0;

    public static SeriesId Call(decimal strike) => new(Expiry, strike, OptionType.Call);
    public static SeriesId Put(decimal strike) => new(Expiry, strike, OptionType.Put);

    public static TestVault Open(VaultParameters? parameters = null, SettlementStyle settlement = SettlementStyle.Linear, bool book = true)
    {
        var v = new TestVault();
        v.Ok(new OpenVault(Admin, new MarketDefinition("ETH", "USDC", settlement), parameters ?? VaultParameters.Default));
        if (!book) return v;
        v.Ok(new DepositCapital(Admin, new AccountId("lp"), Asset.Quote, 10_000_000m));
        v.Ok(new ListBoard(Governor, Expiry, 0.8));
        for (decimal k = 2500; k <= 3500; k += 250) v.Ok(new ListStrike(Governor, Expiry, k, 1.0));
        v.Ok(new UpdateSpot(Oracle, 3000, v.Now));
        v.Ok(new DepositCollateral(Alice, Asset.Quote, 1_000_000m));
        v.Ok(new DepositCollateral(Alice, Asset.Base, 100m));
        return v;
    }

    public Decision Decide(Command c) => Vault.Decide(State, c, Now);

    /// <summary>Decides and applies; returns the decision (rejections change nothing).</summary>
    public Decision Run(Command c)
    {
        var d = Decide(c);
        for (int i = 0; i < d.EventCount; i++)
        {
            State.Apply(d[i]);
            Events.Add(d[i]);
        }

        return d;
    }

    public Decision Ok(Command c)
    {
        var d = Run(c);
        Assert.True(d.IsAccepted, $"{c.GetType().Name} rejected: {d.Rejection}");
        return d;
    }

    public Rejection Rejected(Command c, RejectionReason reason)
    {
        string before = State.StateHash();
        var d = Run(c);
        Assert.False(d.IsAccepted, $"{c.GetType().Name} was accepted");
        Assert.Equal(reason, d.Rejection!.Reason);
        Assert.Equal(before, State.StateHash());
        return d.Rejection;
    }

    public Quote Quote(SeriesId series, TradeDirection side, double size, AccountId? account = null)
    {
        var r = Vault.Quote(State, series, side, size, Now, account);
        Assert.True(r.IsQuoted, $"no quote: {r.Rejection}");
        return r.Quote;
    }

    public Decision Buy(SeriesId series, double size, Principal? who = null) =>
        Ok(new Trade(who ?? Alice, series, TradeDirection.Buy, size, decimal.MaxValue));

    public Decision Sell(SeriesId series, double size, Principal? who = null) =>
        Ok(new Trade(who ?? Alice, series, TradeDirection.Sell, size, 0m));

    /// <summary>Advances time and publishes a fresh spot (keeps oracle and cache fresh).</summary>
    public void Tick(long seconds, double spot)
    {
        Now += seconds;
        Ok(new UpdateSpot(Oracle, spot, Now));
    }

    /// <summary>A fresh state rebuilt from the recorded events.</summary>
    public VaultState Replay()
    {
        var s = new VaultState();
        foreach (var e in Events) s.Apply(e);
        return s;
    }

    /// <summary>Total money of one asset held anywhere: vault capital + fees + insurance fund (quote) + every account's free and locked.</summary>
    public decimal TotalMoney(Asset asset)
    {
        decimal total = State.Capital(asset) + State.AccruedFees(asset) + (asset == Asset.Quote ? State.InsuranceFund : 0m);
        foreach (var a in State.Accounts.Values) total += a.Free(asset) + a.Locked(asset);
        return total;
    }

    /// <summary>Money that entered: deposits minus withdrawals recorded in events.</summary>
    public decimal MoneyIn(Asset asset)
    {
        decimal total = 0;
        foreach (var e in Events)
        {
            total += e switch
            {
                CapitalDeposited c when c.Asset == asset => c.Amount,
                CollateralDeposited c when c.Asset == asset => c.Amount,
                CollateralWithdrawn w when w.Asset == asset => -w.Amount,
                InsuranceFundDeposited f when asset == Asset.Quote => f.Amount,
                HedgeFillBooked h when asset == Asset.Quote => -h.Fee,
                HedgeFundingBooked h when asset == Asset.Quote => -h.Amount,
                _ => 0m,
            };
        }

        return total;
    }
}
