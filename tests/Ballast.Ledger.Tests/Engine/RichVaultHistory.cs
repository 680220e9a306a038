using Ballast.Engine;
using Ballast.Engine.Accounting;
using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Hedging;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.Pool;
using Ballast.Engine.State;
using Ballast.Engine.Volatility;
using Ballast.Pricing;

namespace Ballast.Ledger.Tests.Engine;

/// <summary>
/// A seeded random history that reaches every kind of engine state: three boards (one expires and settles, one may
/// be delisted), strikes listed and delisted, full-collateral and margin traders (standard and portfolio), trades,
/// imported positions, spot and vol moves including crashes, scheduled and immediate parameter changes, insurance
/// deposits, liquidations with insolvency cover, Dutch liquidation auctions (started on under-margined accounts, bid
/// for, ended), hedge fills on several venues, funding and hedge-health reports, withdrawals, and the liquidity pool
/// (opened empty at the start or later with seed shares; LP deposits and withdrawals queued and instant, cancels,
/// keeper and guardian processing, partial withdrawals, breakers tripped by vol moves and settlements, then expiring). Commands go through <see cref="Vault.Decide"/>
/// exactly as a host sends them; <see cref="Commands"/> keeps what was sent (accepted or not) so a test can decide
/// the same commands against a restored state.
/// </summary>
/// <remarks>
/// When a part of the engine adds a command or an event, add it to <see cref="Next"/>:
/// <c>Snapshot_generator_reaches_every_command_and_event_type</c> fails until it does, and then the snapshot
/// round-trip properties check that the new state is written by some snapshot section.
/// </remarks>
public sealed class RichVaultHistory
{
    public const long T0 = 1_780_000_000;
    private static readonly long[] Expiries = [T0 + 86_400, T0 + 7 * 86_400, T0 + 30 * 86_400];
    private static readonly decimal[] Strikes = [2500m, 2750m, 3000m, 3250m, 3500m];
    private static readonly string[] Parameters =
    [
        "standardSize", "skewAdjustmentFactor", "optionPriceFeeCoefficient", "minDelta", "vegaFeeCoefficient",
        // Margin governance: in force and pending, these ride in the "parameters" section by catalog name.
        "liquidationPenaltyFraction", "auctionStartingPriceFraction", "auctionSlowSeconds", "standardBaseCollateralFactor", "liquidationAuctionThreshold",
    ];

    private static readonly string[] Venues = ["deribit", "binance-perp", "okx-spot"];
    private static readonly Principal Admin = new(new AccountId("admin"), Role.Admin);
    private static readonly Principal Governor = new(new AccountId("gov"), Role.Governor);
    private static readonly Principal Oracle = new(new AccountId("oracle"), Role.Oracle);
    private static readonly Principal Keeper = new(new AccountId("keeper"), Role.Keeper);
    private static readonly Principal[] Traders =
        [.. Enumerable.Range(0, 6).Select(i => new Principal(new AccountId($"t{i}"), Role.Trader))];

    // A well-funded portfolio-margin account that takes over auctioned positions (margin traders are too small to).
    private static readonly Principal Bidder = new(new AccountId("bidder"), Role.Trader);

    // Liquidity providers; "lp" also owns the seed shares when the pool opens on a vault that already holds capital.
    private static readonly Principal[] Lps =
        [.. new[] { "lp", "lp1", "lp2", "lp3" }.Select(a => new Principal(new AccountId(a), Role.LiquidityProvider))];

    private static readonly string[] Tranches = ["senior", "junior"];

    /// <summary>Short delays and timeouts so queues are processed, breakers fire and expire, and the guardian steps in
    /// within a few hundred steps; instant mode on so both paths run.</summary>
    private static readonly PoolParameters PoolSetup = PoolParameters.Default with
    {
        DepositDelay = 1_800, WithdrawalDelay = 1_800, GuardianDelay = 3 * 3_600, IvVarianceCircuitBreakerThreshold = 0.15,
        IvVarianceCircuitBreakerTimeout = 2 * 3_600, SkewVarianceCircuitBreakerThreshold = 0.1, SkewVarianceCircuitBreakerTimeout = 3_600,
        BoardSettlementCircuitBreakerTimeout = 3_600, LiquidityCircuitBreakerTimeout = 3_600, InstantMode = true,
    };

    private readonly Random _random;
    private double _spot = 3000;

    private RichVaultHistory(int seed) => _random = new Random(seed);

    /// <summary>Every command sent, with the time it was decided at.</summary>
    public List<(Command Command, long Now)> Commands { get; } = [];

    /// <summary>Every event of every accepted command, in order.</summary>
    public List<Event> Events { get; } = [];

    /// <summary>The live state after every event.</summary>
    public VaultState State { get; } = new();

    public long Now { get; private set; } = T0;

    /// <summary>Runs <paramref name="steps"/> random commands after a fixed opening.</summary>
    public static RichVaultHistory Run(int seed, int steps)
    {
        var h = new RichVaultHistory(seed);
        h.Send(new OpenVault(Admin, new MarketDefinition("ETH", "USDC", SettlementStyle.Linear), VaultParameters.Default));
        // Even seeds open the pool before any capital: nobody owns the NAV, so the first senior deposit takes the residual
        // and the first junior deposit then raises the senior target (TrancheTargetReset). Odd seeds open it later (NextPool).
        if (seed % 2 == 0) h.Send(OpenPool());
        h.Send(new DepositCapital(Admin, new AccountId("lp"), Asset.Quote, 5_000_000m));
        h.Send(new DepositCapital(Admin, new AccountId("lp"), Asset.Base, 500m));
        h.Send(new UpdateSpot(Oracle, 3000, h.Now, 0.99, 3001));
        foreach (long expiry in Expiries)
        {
            h.Send(new ListBoard(Governor, expiry, 0.7 + h._random.NextDouble() * 0.3));
            foreach (decimal k in Strikes) h.Send(new ListStrike(Governor, expiry, k, 0.9 + h._random.NextDouble() * 0.2));
        }

        for (int i = 0; i < Traders.Length; i++)
        {
            // Margin traders (3..5) hold little: a crash makes them liquidatable, some insolvent.
            h.Send(new DepositCollateral(Traders[i], Asset.Quote, i >= 3 ? 2_000m + h._random.Next(0, 6_000) : 20_000m + h._random.Next(0, 200_000)));
            if (i < 3) h.Send(new DepositCollateral(Traders[i], Asset.Base, 10m + h._random.Next(0, 50)));
            if (i >= 3) h.Send(new SetMarginMode(Traders[i], i == 5 ? AccountMarginMode.Portfolio : AccountMarginMode.Standard));
        }

        h.Send(new DepositCollateral(Bidder, Asset.Quote, 2_000_000m));
        h.Send(new SetMarginMode(Bidder, AccountMarginMode.Portfolio));
        for (int i = 0; i < steps; i++) h.Send(h.Next());
        return h;
    }

    /// <summary>Decides and applies one command at the current time; false when rejected.</summary>
    public bool Send(Command c)
    {
        Commands.Add((c, Now));
        var d = Vault.Decide(State, c, Now);
        if (!d.IsAccepted) return false;
        for (int i = 0; i < d.EventCount; i++)
        {
            State.Apply(d[i]);
            Events.Add(d[i]);
        }

        return true;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private SeriesId AnySeries()
    {
        var listed = State.Strikes.Keys.ToList();
        var key = listed.Count == 0 ? new StrikeKey(Expiries[1], 3000m) : Pick(listed);
        return new SeriesId(key.Expiry, key.Strike, _random.Next(2) == 0 ? OptionType.Call : OptionType.Put);
    }

    private Command Next()
    {
        var r = _random;
        Now += r.Next(0, 30);
        var trader = Pick(Traders);
        // An under-hedged vault refuses risk-increasing trades: keep such spells short so the history keeps trading.
        if (State.HedgeHealth.IsUnderHedged && r.Next(4) == 0) return new ReportHedgeHealth(Keeper, HedgeStatus.Hedged, UnderHedgeReason.None, 0m, "");
        switch (r.Next(56))
        {
            case >= 48: return NextPool();
            case >= 40: return r.Next(8) switch
            {
                < 3 => NextHedge(),
                _ => NextAuction(),
            };
            case < 3:
                // Hours pass (boards approach expiry, GWAVs age), then the oracle reports: trades need a fresh spot.
                Now += r.Next(3_600, 4 * 3_600);
                return new UpdateSpot(Oracle, Math.Round(_spot, 2), Now);
            case < 5:
                // Around 3,000 (a random walk would soon leave every strike outside the tradable delta range).
                _spot = 3000 * (1 + (r.NextDouble() - 0.5) * 0.06);
                return new UpdateSpot(Oracle, Math.Round(_spot, 2), Now, 0.96 + r.NextDouble() * 0.04, r.Next(2) == 0 ? null : Math.Round(_spot * 1.001, 2));
            case 5:
                // A crash or a squeeze: margin accounts go under, liquidations and insolvency follow.
                _spot = 3000 * (r.Next(2) == 0 ? 0.55 : 1.6);
                return new UpdateSpot(Oracle, Math.Round(_spot, 2), Now);
            case < 7:
            {
                long expiry = Pick(Expiries);
                var skews = Strikes.Where(_ => r.Next(2) == 0).Select(k => new StrikeSkew(k, 0.85 + r.NextDouble() * 0.3)).ToList();
                return new UpdateVol(Oracle, expiry, 0.5 + r.NextDouble() * 0.6, skews, Now, 0.95 + r.NextDouble() * 0.05);
            }
            case < 20:
            {
                var side = r.Next(2) == 0 ? TradeDirection.Buy : TradeDirection.Sell;
                return new Trade(trader, AnySeries(), side, Math.Round(0.1 + r.NextDouble() * 3, 2), side == TradeDirection.Buy ? decimal.MaxValue : 0m);
            }
            case 20: return new DepositCollateral(trader, r.Next(2) == 0 ? Asset.Quote : Asset.Base, Math.Round((decimal)(r.NextDouble() * 5_000), 2));
            case 21: return new WithdrawCollateral(trader, Asset.Quote, Math.Round((decimal)(r.NextDouble() * 2_000), 2));
            case 22: return new DepositCapital(Admin, new AccountId("lp"), Asset.Quote, Math.Round((decimal)(r.NextDouble() * 100_000), 2));
            case 23: return new DepositInsuranceFund(Admin, Math.Round((decimal)(r.NextDouble() * 10_000), 2));
            case 24:
            {
                string name = Pick(Parameters);
                VaultParameters.Default.TryGet(name, out double value);
                value *= 0.8 + r.NextDouble() * 0.4;
                if (ParameterCatalog.All.First(p => p.Name == name).IsInteger) value = Math.Round(value);
                return new SetParameter(Governor, name, value, r.Next(2) == 0 ? Now : Now + r.Next(60, 3_600));
            }
            case 25: return new ImportPosition(Admin, trader.Account, AnySeries(), Math.Round((decimal)(r.NextDouble() * 2 - 0.5), 2) is var s && s != 0 ? s : 0.5m);
            case < 29: return new Liquidate(r.Next(4) == 0 ? Admin : Keeper, Pick(Traders).Account);
            case 29: return new SetMarginMode(trader, (AccountMarginMode)r.Next(3));
            case 30:
            {
                var key = AnySeries();
                return r.Next(2) == 0 ? new DelistStrike(Governor, key.Expiry, key.Strike) : new ListStrike(Governor, key.Expiry, Pick(Strikes) + 125m, 1.0);
            }
            case 31: return r.Next(3) == 0 ? new DelistBoard(Governor, Pick(Expiries)) : new ListBoard(Governor, Pick(Expiries) + 3_600, 0.8);
            case < 34:
            {
                // Settle an expired board (the oracle must have observed a spot at or after expiry first).
                long due = Expiries.FirstOrDefault(e => e <= Now && State.Boards.ContainsKey(e));
                if (due == 0) return new UpdateSpot(Oracle, Math.Round(_spot, 2), Now);
                return State.SpotObservedAt >= due ? new SettleBoard(r.Next(2) == 0 ? Oracle : Admin, due) : new UpdateSpot(Oracle, Math.Round(_spot, 2), Now);
            }
            default:
                // Margin traders sell puts (the positions a crash turns into liquidations).
                return new Trade(Traders[3 + r.Next(3)], new SeriesId(Pick(Expiries), Pick(Strikes), OptionType.Put), TradeDirection.Sell, Math.Round(0.5 + r.NextDouble() * 4, 2), 0m);
        }
    }

    /// <summary>Hedge fills on several venues (opening, adding, reducing, flipping), funding paid and received, health changes.</summary>
    private Command NextHedge()
    {
        var r = _random;
        var by = r.Next(4) == 0 ? Admin : Keeper;
        switch (r.Next(6))
        {
            case < 3:
            {
                decimal quantity = Math.Round((decimal)((r.NextDouble() - 0.5) * 8), 4);
                decimal price = Math.Round((decimal)(_spot * (0.995 + r.NextDouble() * 0.01)), 2);
                return new BookHedgeFill(by, Pick(Venues), $"o{Commands.Count}", quantity, price, Math.Round((decimal)(r.NextDouble() * 3), 6));
            }
            case 3:
                // Positive = paid, negative = received; a venue with no position yet is refused (it still counts as sent).
                return new BookHedgeFunding(by, Pick(Venues), Math.Round((decimal)((r.NextDouble() - 0.4) * 40), 6), (r.NextDouble() - 0.3) * 0.5);
            default:
                return r.Next(2) == 0
                    ? new ReportHedgeHealth(by, HedgeStatus.UnderHedged, (UnderHedgeReason)r.Next(1, 5), Math.Round((decimal)(r.NextDouble() * 20), 4), $"venues failing at {Now}")
                    : new ReportHedgeHealth(by, HedgeStatus.Hedged, UnderHedgeReason.None, 0m, "");
        }
    }

    /// <summary>Dutch auctions: started on margin traders t3, t4 (accepted once a crash puts them under), bid for, ended.</summary>
    private Command NextAuction()
    {
        var r = _random;
        var by = r.Next(4) == 0 ? Admin : Keeper;
        var running = State.Auctions.Keys.ToList();
        // Only t3 and t4 are auctioned: t5 (portfolio margin) is left to incremental liquidation and its insolvency cover.
        if (running.Count == 0 || r.Next(4) == 0) return new StartLiquidationAuction(by, Traders[3 + r.Next(2)].Account);
        var account = Pick(running);
        if (r.Next(5) == 0) return new EndLiquidationAuction(by, account);
        // Some time passes so the price falls; an insolvent account only takes whole bids.
        Now += r.Next(0, 900);
        bool whole = State.Auctions[account].Insolvent || r.Next(3) == 0;
        var bidder = r.Next(4) == 0 ? Traders[3 + r.Next(3)] : Bidder;
        return new BidLiquidationAuction(bidder, account, whole ? 1m : Math.Round((decimal)(0.1 + r.NextDouble() * 0.6), 2), 1_000_000m);
    }

    private static OpenPool OpenPool() =>
        new(Admin, [new TrancheConfig("senior", 0, 0.05m), new TrancheConfig("junior", 1, null)], PoolSetup, Lps[0].Account);

    /// <summary>
    /// The pool: opened (with seed shares when capital is already there), LP deposits and withdrawals (queued or instant,
    /// whole balances and parts), cancels by the owner or another LP, queue processing by the keeper and by the admin as
    /// guardian (through breakers after the guardian delay), breaker updates.
    /// </summary>
    private Command NextPool()
    {
        var r = _random;
        if (State.Pool is not { } pool) return OpenPool();
        switch (r.Next(12))
        {
            case < 3:
            {
                decimal amount = Math.Round((decimal)(500 + r.NextDouble() * 200_000), 2);
                return new RequestLpDeposit(Pick(Lps), Pick(Tranches), amount, Instant: r.Next(4) == 0);
            }
            case < 6:
            {
                var held = pool.Balances.ToList();
                if (held.Count == 0) return new RequestLpDeposit(Pick(Lps), "junior", 10_000m);
                var (tranche, account, shares) = Pick(held);
                // The whole balance (an exit below the minimum is allowed) or a part of it (refused below the minimum).
                decimal part = r.Next(3) == 0 ? shares : Math.Round(shares * (decimal)r.NextDouble(), 6);
                return new RequestLpWithdrawal(new Principal(account, Role.LiquidityProvider), tranche, part > 0 ? part : shares, Instant: r.Next(5) == 0);
            }
            case 6:
            {
                var queued = pool.Tranches.SelectMany(t => pool.DepositQueue(t.Name).Concat(pool.WithdrawalQueue(t.Name))).ToList();
                if (queued.Count == 0) return new CancelLpRequest(Pick(Lps), pool.NextRequestId);
                var request = Pick(queued);
                // Now and then another LP tries (refused: only the owner may cancel).
                var by = r.Next(5) == 0 ? Pick(Lps) : new Principal(request.Account, Role.LiquidityProvider);
                return new CancelLpRequest(by, request.Id);
            }
            case < 10:
                // Time passes so delays run out; the admin acts as guardian, the keeper needs a fresh cache and no breaker.
                Now += r.Next(0, 900);
                return new ProcessLpQueues(r.Next(3) == 0 ? Admin : Keeper, r.Next(3) == 0 ? r.Next(1, 3) : 100);
            default:
                return new UpdateCircuitBreakers(r.Next(4) == 0 ? Admin : Keeper);
        }
    }
}
