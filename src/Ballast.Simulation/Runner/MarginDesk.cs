using Ballast.Engine;
using Ballast.Engine.Accounting;
using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.State;
using Ballast.Engine.Volatility;
using Ballast.Pricing;
using Ballast.Simulation.Flow;
using Ballast.Simulation.Metrics;
using Ballast.Simulation.Randomness;

namespace Ballast.Simulation.Runner;

/// <summary>
/// The margined side of a simulated market: option sellers in standard or portfolio margin and a keeper agent that liquidates
/// them. Every action is an engine command (<see cref="SetMarginMode"/>, <see cref="DepositCollateral"/>, <see cref="Trade"/>,
/// <see cref="Liquidate"/>) sent through the path's own command funnel, so margin checks, liquidation sizing, penalties and
/// the insurance waterfall are the engine's, not re-implemented here.
/// </summary>
internal sealed class MarginDesk
{
    private static readonly Principal Keeper = new(new AccountId("keeper"), Role.Keeper);
    private static readonly Principal Admin = new(new AccountId("admin"), Role.Admin);

    private readonly MarginFlowSettings _s;
    private readonly VaultState _state;
    private readonly Xoshiro256StarStar _rng;
    private readonly Func<Command, Decision> _send;
    private readonly PathResult _result;
    private readonly Principal[] _traders;

    /// <param name="settings">Margin flow (validated, Traders &gt; 0).</param>
    /// <param name="state">The path's engine state.</param>
    /// <param name="rng">A stream of its own, so margin flow does not shift the other traders' draws.</param>
    /// <param name="send">The path's command funnel (decides, applies, counts rejections); returns the decision.</param>
    /// <param name="result">Where the margin metrics go.</param>
    public MarginDesk(MarginFlowSettings settings, VaultState state, Xoshiro256StarStar rng, Func<Command, Decision> send, PathResult result)
    {
        _s = settings;
        _state = state;
        _rng = rng;
        _send = send;
        _result = result;
        _traders = new Principal[settings.Traders];
        for (int i = 0; i < _traders.Length; i++) _traders[i] = new Principal(new AccountId($"margin-{i:D3}"), Role.Trader);
    }

    /// <summary>Funds the insurance fund and the traders and sets their margin modes.</summary>
    public void Open()
    {
        if (_s.InsuranceFund > 0m) _send(new DepositInsuranceFund(Admin, _s.InsuranceFund));
        for (int i = 0; i < _traders.Length; i++)
        {
            _send(new DepositCollateral(_traders[i], Asset.Quote, _s.CollateralPerTrader));
            _send(new SetMarginMode(_traders[i], i % 2 == 0 ? AccountMarginMode.Standard : AccountMarginMode.Portfolio));
        }
    }

    /// <summary>The keeper: every account whose maintenance margin balance is negative is liquidated until the engine refuses.</summary>
    public void Keep(long now)
    {
        foreach (var trader in _traders)
        {
            if (_state.AccountOrNull(trader.Account) is not { Positions.Count: > 0 } account) continue;
            // Checked first so a healthy book does not fill the rejection counts with NotLiquidatable.
            if (AccountMargin.TryCompute(_state, account, now, out _) is not { MaintenanceMargin: < 0m }) continue;
            _result.MarginCalls++;
            for (int step = 0; step < _s.MaxLiquidationStepsPerAccount; step++)
            {
                var decision = _send(new Liquidate(Keeper, trader.Account));
                if (!decision.IsAccepted) break;
                for (int e = 0; e < decision.EventCount; e++) Record(decision[e]);
            }
        }
    }

    /// <summary>Margin traders send their sells for this step; returns the fees they paid (quote).</summary>
    public double Trade(IReadOnlyList<SeriesId> live, double hours)
    {
        if (live.Count == 0) return 0;
        double fees = 0;
        foreach (var trader in _traders)
        {
            for (int n = _rng.NextPoisson(_s.SellIntensity * hours); n > 0; n--)
            {
                var picked = live[(int)(_rng.NextDouble() * live.Count)];
                var type = _rng.NextDouble() < _s.PutShare ? OptionType.Put : OptionType.Call;
                double size = Math.Max(0.01, Math.Round(-_s.SizeMean * Math.Log(_rng.NextOpenDouble()), 2));
                var decision = _send(new Trade(trader, new SeriesId(picked.Expiry, picked.Strike, type), TradeDirection.Sell, size, 0m));
                if (!decision.IsAccepted) continue;
                _result.MarginTrades++;
                fees += (double)((TradeExecuted)decision.Event).Fees;
            }
        }

        return fees;
    }

    private void Record(Event e)
    {
        switch (e)
        {
            case AccountLiquidated l:
                _result.Liquidations++;
                _result.LiquidationPenalties += (double)l.Penalty;
                break;
            case InsolvencyCovered c:
                _result.Insolvencies++;
                _result.InsuranceFundUsed += (double)c.InsurancePayout;
                _result.BadDebt += (double)c.SocialisedLoss;
                _result.BaseSeized += (double)c.BaseSeized;
                break;
        }
    }
}
