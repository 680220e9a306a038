using System.Globalization;
using System.Text;
using Ballast.Pricing;

namespace Ballast.Engine.Margin;

/// <summary>
/// Standard (per-position) margin, after Derive's Standard Manager (derivexyz/v2-core
/// <c>src/risk-managers/StandardManager.sol</c>: <c>_getIsolatedMarginForCall</c>, <c>_getIsolatedMarginForPut</c>,
/// <c>_calcNetBasicMarginSingleExpiry</c>, <c>_calcMaxLoss</c>). Pure and deterministic.
/// </summary>
/// <remarks>
/// Semantics, per UNIT of a short position (n = −quantity &gt; 0 options; the whole position's requirement is n × this),
/// with S = spot, m = mark of one option (quote):
/// <list type="bullet">
/// <item>OTM ratio uses SPOT, not the forward: call (K − S)/S when K &gt; S else 0; put (S − K)/S when S &gt; K else 0.</item>
/// <item>IM spot fraction = max(maxSpotReq − OTM ratio, minSpotReq) (Derive keeps minSpotReq when the subtraction would go below it).</item>
/// <item>Short call: MM = m + mmCallSpotReq·S; IM = m + IM fraction·S.</item>
/// <item>Short put: MM = m + max(mmPutSpotReq·S, MMPutMtMReq·m); IM = max(m + IM fraction·S, mmOffsetScale·MM).</item>
/// <item>Longs require nothing and are not credited (Derive: "a long position doesn't have any margin").</item>
/// </list>
/// Per expiry (positions with identical T) the requirement is min(Σ isolated requirements, max settlement loss), where the max
/// settlement loss is max(0, −payoff(P)) over P ∈ {0} ∪ {strikes of that expiry}: the payoff is piecewise linear with kinks at
/// the strikes, so its minimum on [0, ∞) is at 0, at a strike, or at +∞. When net calls are short (Σ call quantity &lt; 0) the
/// loss at +∞ is unbounded and the isolated sum applies. Deviation from Derive: Derive instead adds
/// unpairedScale × forward × net short calls to the max loss (scale 1.1 MM / 1.2 IM on mainnet); Ballast follows issue 7
/// and treats that case as unbounded, which is never less strict. The max loss ignores premiums, as in Derive.
/// </remarks>
public static class StandardMargin
{
    /// <summary>Computes standard IM and MM for a validated account (see <see cref="MarginInputs.Validate"/>).</summary>
    public static MarginResult Compute(TraderAccount account, MarginMarket market, StandardMarginParameters parameters)
    {
        MarginInputs.ThrowIfInvalid(account, market);
        var positions = account.Positions;
        double spot = market.Spot;
        var contributions = new PositionContribution[positions.Count];
        double positionValue = 0;
        for (int i = 0; i < positions.Count; i++)
        {
            var p = positions[i];
            positionValue += p.Value;
            var (im, mm) = IsolatedRequirement(p, spot, parameters);
            contributions[i] = new PositionContribution(i, im, mm, 0.0);
        }

        // Expiries in ascending T; positions inside an expiry in index order: the sums are order-deterministic.
        var expiries = positions.Select(p => p.TimeToExpiryYears).Distinct().Order().ToArray();
        double totalIm = 0, totalMm = 0;
        var description = new StringBuilder();
        foreach (double t in expiries)
        {
            double sumIm = 0, sumMm = 0, netCalls = 0;
            for (int i = 0; i < positions.Count; i++)
            {
                if (positions[i].TimeToExpiryYears != t) continue;
                sumIm += contributions[i].InitialRequirement;
                sumMm += contributions[i].MaintenanceRequirement;
                if (positions[i].Type == OptionType.Call) netCalls += positions[i].Quantity;
            }

            if (sumMm == 0 && sumIm == 0) continue; // longs only: nothing to margin, nothing to describe
            string binding;
            if (netCalls < 0)
            {
                totalIm += sumIm;
                totalMm += sumMm;
                binding = string.Create(CultureInfo.InvariantCulture, $"isolated sum {sumMm:F2} (net short calls {netCalls:G6}: max loss unbounded)");
            }
            else
            {
                var (maxLoss, atPrice) = MaxSettlementLoss(positions, t);
                totalIm += Math.Min(sumIm, maxLoss);
                totalMm += Math.Min(sumMm, maxLoss);
                if (maxLoss < sumMm)
                {
                    binding = string.Create(CultureInfo.InvariantCulture, $"max settlement loss {maxLoss:F2} at price {atPrice:G10} (< isolated sum {sumMm:F2})");
                    for (int i = 0; i < positions.Count; i++)
                    {
                        if (positions[i].TimeToExpiryYears == t) contributions[i] = contributions[i] with { WorstScenarioPnl = SettlementPayoff(positions[i], atPrice) };
                    }
                }
                else
                {
                    binding = string.Create(CultureInfo.InvariantCulture, $"isolated sum {sumMm:F2} (≤ max settlement loss {maxLoss:F2} at price {atPrice:G10})");
                }
            }

            if (description.Length > 0) description.Append("; ");
            description.Append(CultureInfo.InvariantCulture, $"expiry {t * 365:0.###}d: {binding}");
        }

        decimal collateral = account.QuoteCollateral + MarginMoney.BaseCollateralValue(account.BaseCollateral, spot, parameters.BaseCollateralFactor);
        decimal mmReq = MarginMoney.RoundUp(totalMm);
        decimal imReq = Math.Max(MarginMoney.RoundUp(totalIm), mmReq); // IM ≥ MM already holds in doubles; kept exact after rounding
        return new MarginResult(MarginMode.Standard, collateral, MarginMoney.RoundDown(positionValue), imReq, mmReq,
            description.Length == 0 ? "no short positions" : description.ToString(), null, contributions);
    }

    /// <summary>Isolated (IM, MM) requirement of a whole position in quote currency; (0, 0) for longs.</summary>
    public static (double Initial, double Maintenance) IsolatedRequirement(in MarginPosition position, double spot, StandardMarginParameters parameters)
    {
        if (position.Quantity >= 0) return (0.0, 0.0);
        double n = -position.Quantity, mark = position.Mark, k = position.Strike;
        double otmRatio = position.Type == OptionType.Call
            ? (k > spot ? (k - spot) / spot : 0.0)
            : (spot > k ? (spot - k) / spot : 0.0);
        double imFraction = Math.Max(parameters.MaxSpotRequirement - otmRatio, parameters.MinSpotRequirement);
        double imPerUnit = mark + imFraction * spot;
        double mmPerUnit;
        if (position.Type == OptionType.Call)
        {
            mmPerUnit = mark + parameters.MaintenanceCallSpotRequirement * spot;
        }
        else
        {
            mmPerUnit = mark + Math.Max(parameters.MaintenancePutSpotRequirement * spot, parameters.MaintenancePutMarkRequirement * mark);
            imPerUnit = Math.Max(imPerUnit, parameters.MaintenanceOffsetScale * mmPerUnit);
        }

        return (n * imPerUnit, n * mmPerUnit);
    }

    /// <summary>
    /// Largest settlement loss (quote, ≥ 0) of the positions expiring at <paramref name="expiry"/> over settlement prices
    /// {0} ∪ strikes, and the first price (ascending) attaining it. Only meaningful when net calls are not short.
    /// </summary>
    public static (double MaxLoss, double AtPrice) MaxSettlementLoss(IReadOnlyList<MarginPosition> positions, double expiry)
    {
        double worst = Loss(positions, expiry, 0.0), at = 0.0;
        var strikes = new SortedSet<double>();
        foreach (var p in positions)
        {
            if (p.TimeToExpiryYears == expiry) strikes.Add(p.Strike);
        }

        foreach (double k in strikes)
        {
            double loss = Loss(positions, expiry, k);
            if (loss > worst) { worst = loss; at = k; }
        }

        return (worst, at);

        static double Loss(IReadOnlyList<MarginPosition> positions, double expiry, double price)
        {
            double payoff = 0;
            foreach (var p in positions)
            {
                if (p.TimeToExpiryYears == expiry) payoff += SettlementPayoff(p, price);
            }

            return Math.Max(0.0, -payoff);
        }
    }

    /// <summary>Settlement value of a whole position at underlying price <paramref name="price"/> (quote): q·max(P−K,0) or q·max(K−P,0).</summary>
    public static double SettlementPayoff(in MarginPosition position, double price)
        => position.Quantity * (position.Type == OptionType.Call ? Math.Max(price - position.Strike, 0.0) : Math.Max(position.Strike - price, 0.0));
}
