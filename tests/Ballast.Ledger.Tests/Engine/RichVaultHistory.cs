using Ballast.Engine;
using Ballast.Engine.Accounting;
using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;
using Ballast.Engine.State;
using Ballast.Engine.Volatility;
using Ballast.Pricing;

namespace Ballast.Ledger.Tests.Engine;

/// <summary>
/// A seeded random history that reaches every kind of engine state: three boards (one expires and settles, one may
/// be delisted), strikes listed and delisted, full-collateral and margin traders (standard and portfolio), trades,
/// imported positions, spot and vol moves including crashes, scheduled and immediate parameter changes, insurance
/// deposits, liquidations with insolvency cover, withdrawals. Commands go through <see cref="Vault.Decide"/>
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
    private static readonly string[] Parameters = ["standardSize", "skewAdjustmentFactor", "optionPriceFeeCoefficient", "minDelta", "vegaFeeCoefficient"];
    private static readonly Principal Admin = new(new AccountId("admin"), Role.Admin);
    private static readonly Principal Governor = new(new AccountId("gov"), Role.Governor);
    private static readonly Principal Oracle = new(new AccountId("oracle"), Role.Oracle);
    private static readonly Principal Keeper = new(new AccountId("keeper"), Role.Keeper);
    private static readonly Principal[] Traders =
        [.. Enumerable.Range(0, 6).Select(i => new Principal(new AccountId($"t{i}"), Role.Trader))];

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
        switch (r.Next(40))
        {
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
                return new SetParameter(Governor, name, value * (0.8 + r.NextDouble() * 0.4), r.Next(2) == 0 ? Now : Now + r.Next(60, 3_600));
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
}
