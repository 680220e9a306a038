using System.Globalization;
using Ballast.Pricing;

namespace Ballast.Engine.Margin;

/// <summary>
/// Portfolio margin: the worst weighted PnL of the account's options over a spot × vol scenario grid
/// (Derive PMRM <c>src/risk-managers/PMRM.sol</c> / <c>PMRMLib.sol</c>, Deribit Portfolio Margin, CME SPAN risk arrays).
/// Pure and deterministic; every scenario is priced by Black-Scholes-Merton (see <see cref="AccumulateScenarioPnl"/>).
/// </summary>
/// <remarks>
/// For scenario s with relative spot move m_s, vol multiplier v_s(T) and weight w_s:
/// PnL_s = w_s · Σ_i q_i·(BSM(S(1+m_s), σ_i·v_s(T_i)) − BSM(S, σ_i)) (model-consistent: both legs from the same model, so a
/// mark that differs from the model does not leak into the scenario loss). Worst loss L = max(0, −min_s PnL_s).
/// MM requirement = mmFactor·L + mmCharge·S·N; IM requirement = imFactor·L + imCharge·S·N, where N = naked short options:
/// max(0, −Σ call quantities) + max(0, −Σ put quantities) over the account (a long of the same type covers a short of any
/// strike or expiry — a simplification of Derive's per-expiry contingency). The margin collateral includes the positions
/// at mark (portfolio margin credits longs, unlike standard margin).
/// Exactness and order independence: each scenario's PnL is a sum over positions in index order, so it does not depend on
/// where the scenario sits in the list; the minimum is exact (no sampling), and exact ties are broken by
/// <see cref="MarginScenario.CanonicalCompare"/>, so the reported worst scenario is also order independent.
/// </remarks>
public static class PortfolioMargin
{
    /// <summary>Computes portfolio IM and MM over the parameters' default grid for a validated account.</summary>
    public static MarginResult Compute(TraderAccount account, MarginMarket market, PortfolioMarginParameters parameters)
    {
        Span<MarginScenario> scenarios = stackalloc MarginScenario[PortfolioMarginParameters.MaxScenarios];
        int count = parameters.WriteScenarios(scenarios);
        return Compute(account, market, parameters, scenarios[..count]);
    }

    /// <summary>Computes portfolio IM and MM over an explicit scenario list (any order; must be non-empty, moves &gt; −1).</summary>
    public static MarginResult Compute(TraderAccount account, MarginMarket market, PortfolioMarginParameters parameters, ReadOnlySpan<MarginScenario> scenarios)
    {
        MarginInputs.ThrowIfInvalid(account, market);
        if (scenarios.IsEmpty) throw new ArgumentException("at least one scenario is required", nameof(scenarios));
        var positions = account.Positions;
        double spot = market.Spot;
        int m = scenarios.Length;
        Span<double> buffer = m <= 256 ? stackalloc double[3 * m] : new double[3 * m];
        Span<double> pnl = buffer[..m], spots = buffer.Slice(m, m), logSpots = buffer.Slice(2 * m, m);
        pnl.Clear();
        for (int s = 0; s < m; s++)
        {
            if (!(scenarios[s].SpotMove > -1.0)) throw new ArgumentException("scenario spot moves must be > -1", nameof(scenarios));
            spots[s] = spot * (1.0 + scenarios[s].SpotMove);
            logSpots[s] = Math.Log(spots[s]);
        }

        var contributions = new PositionContribution[positions.Count];
        double positionValue = 0, netCalls = 0, netPuts = 0, shortCalls = 0, shortPuts = 0;
        for (int i = 0; i < positions.Count; i++)
        {
            var p = positions[i];
            positionValue += p.Value;
            if (p.Type == OptionType.Call) { netCalls += p.Quantity; if (p.Quantity < 0) shortCalls -= p.Quantity; }
            else { netPuts += p.Quantity; if (p.Quantity < 0) shortPuts -= p.Quantity; }
            if (p.Quantity == 0) continue;
            double basePrice = Price(p, market, spot, p.Vol);
            contributions[i] = new PositionContribution(i, 0, 0, basePrice); // stash the base price for the second pass
            AccumulateScenarioPnl(p, market, parameters, scenarios, spots, logSpots, basePrice, pnl);
        }

        int worst = 0;
        for (int s = 0; s < scenarios.Length; s++)
        {
            pnl[s] *= scenarios[s].Weight;
            if (s == 0) continue;
            if (pnl[s] < pnl[worst] || (pnl[s] == pnl[worst] && MarginScenario.CanonicalCompare(scenarios[s], scenarios[worst]) < 0)) worst = s;
        }

        double worstLoss = Math.Max(0.0, -pnl[worst]);
        double nakedCalls = Math.Max(0.0, -netCalls), nakedPuts = Math.Max(0.0, -netPuts);
        double nakedUnits = nakedCalls + nakedPuts;
        double mmReqDouble = parameters.MaintenanceFactor * worstLoss + parameters.MaintenanceNakedShortCharge * spot * nakedUnits;
        double imReqDouble = parameters.InitialFactor * worstLoss + parameters.InitialNakedShortCharge * spot * nakedUnits;

        // Second pass: each position's weighted PnL in the worst scenario and its share of the naked-short charge.
        var ws = scenarios[worst];
        for (int i = 0; i < positions.Count; i++)
        {
            var p = positions[i];
            if (p.Quantity == 0) { contributions[i] = new PositionContribution(i, 0, 0, 0); continue; }
            double shocked = Price(p, market, spot * (1.0 + ws.SpotMove), p.Vol * parameters.VolMultiplier(ws.Vol, p.TimeToExpiryYears));
            double positionPnl = ws.Weight * p.Quantity * (shocked - contributions[i].WorstScenarioPnl);
            double nakedShare = 0;
            if (p.Quantity < 0)
            {
                nakedShare = p.Type == OptionType.Call ? -p.Quantity * nakedCalls / shortCalls : -p.Quantity * nakedPuts / shortPuts;
            }

            contributions[i] = new PositionContribution(i,
                parameters.InitialFactor * -positionPnl + parameters.InitialNakedShortCharge * spot * nakedShare,
                parameters.MaintenanceFactor * -positionPnl + parameters.MaintenanceNakedShortCharge * spot * nakedShare,
                positionPnl);
        }

        decimal positionValueMoney = MarginMoney.RoundDown(positionValue);
        decimal collateral = account.QuoteCollateral + MarginMoney.BaseCollateralValue(account.BaseCollateral, spot, parameters.BaseCollateralFactor) + positionValueMoney;
        decimal mmReq = MarginMoney.RoundUp(mmReqDouble);
        decimal imReq = Math.Max(MarginMoney.RoundUp(imReqDouble), mmReq);
        string description = positions.Count == 0
            ? "no positions"
            : string.Create(CultureInfo.InvariantCulture, $"{ws.Describe()}: PnL {pnl[worst]:F2}");
        return new MarginResult(MarginMode.Portfolio, collateral, positionValueMoney, imReq, mmReq, description,
            positions.Count == 0 ? null : ws, contributions);
    }

    /// <summary>
    /// Adds q·(scenario price − base price) of one position to every scenario's PnL accumulator (unweighted).
    /// Allocation-free. <paramref name="scenarioSpots"/> and <paramref name="scenarioLogSpots"/> hold S(1+m_s) and its log,
    /// computed once per account. Per position the discount factors, ln K and σ√T for the three vol states are computed once,
    /// so each scenario costs two <see cref="Normal.Cdf"/> calls: the Haug §1.1.6 formula that
    /// <see cref="BlackScholesMerton.Price"/> evaluates, rearranged only to hoist the scenario-independent terms
    /// (pinned against it to 1e-12 relative in the tests).
    /// </summary>
    public static void AccumulateScenarioPnl(in MarginPosition position, MarginMarket market, PortfolioMarginParameters parameters,
        ReadOnlySpan<MarginScenario> scenarios, ReadOnlySpan<double> scenarioSpots, ReadOnlySpan<double> scenarioLogSpots,
        double basePrice, Span<double> pnl)
    {
        double t = position.TimeToExpiryYears, k = position.Strike, q = position.Quantity;
        double sqrtT = Math.Sqrt(t);
        double discountedStrike = k * Math.Exp(-market.Rate * t);
        double dividendDiscount = Math.Exp(-market.DividendYield * t);
        // ln(F_s/K) = ln S_s − ln K + (r − q)T: the scenario-independent part is hoisted.
        double logMoneynessShift = (market.Rate - market.DividendYield) * t - Math.Log(k);
        double sdNone = position.Vol * sqrtT;
        double sdUp = sdNone * parameters.VolMultiplier(VolShockDirection.Up, t);
        double sdDown = sdNone * parameters.VolMultiplier(VolShockDirection.Down, t);
        bool isCall = position.Type == OptionType.Call;
        for (int s = 0; s < scenarios.Length; s++)
        {
            double sd = scenarios[s].Vol switch { VolShockDirection.Up => sdUp, VolShockDirection.Down => sdDown, _ => sdNone };
            double forwardValue = scenarioSpots[s] * dividendDiscount; // S_s e^(−qT)
            double price;
            if (sd <= 0)
            {
                // σ = 0 (vol-down floor): discounted intrinsic value of the forward, as BlackScholesMerton does.
                price = Math.Max(isCall ? forwardValue - discountedStrike : discountedStrike - forwardValue, 0.0);
            }
            else
            {
                double d1 = (scenarioLogSpots[s] + logMoneynessShift) / sd + 0.5 * sd;
                double d2 = d1 - sd;
                price = isCall
                    ? forwardValue * Normal.Cdf(d1) - discountedStrike * Normal.Cdf(d2)
                    : discountedStrike * Normal.Cdf(-d2) - forwardValue * Normal.Cdf(-d1);
            }

            pnl[s] += q * (price - basePrice);
        }
    }

    private static double Price(in MarginPosition p, MarginMarket market, double spot, double vol)
        => BlackScholesMerton.Price(p.Type, spot, p.Strike, market.Rate, market.DividendYield, p.TimeToExpiryYears, vol);
}
