using System.Globalization;
using Ballast.Pricing;
using Ballast.Pricing.Batch;

namespace Ballast.Engine.Margin;

/// <summary>
/// Portfolio margin: the worst weighted PnL of the account's options over a spot × vol scenario grid
/// (Derive PMRM <c>src/risk-managers/PMRM.sol</c> / <c>PMRMLib.sol</c>, Deribit Portfolio Margin, CME SPAN risk arrays).
/// Pure and deterministic; every scenario is priced by Black-Scholes-Merton (see <see cref="AccumulateSeriesPnl"/>).
/// </summary>
/// <remarks>
/// For scenario s with relative spot move m_s, vol multiplier v_s(T) and weight w_s:
/// PnL_s = w_s · Σ_i q_i·(BSM(S(1+m_s), σ_i·v_s(T_i)) − BSM(S, σ_i)) (model-consistent: both legs from the same model, so a
/// mark that differs from the model does not leak into the scenario loss). Worst loss L = max(0, −min_s PnL_s).
/// MM requirement = mmFactor·L + mmCharge·S·N; IM requirement = imFactor·L + imCharge·S·N, where N = naked short options:
/// max(0, −Σ call quantities) + max(0, −Σ put quantities) over the account (a long of the same type covers a short of any
/// strike or expiry — a simplification of Derive's per-expiry contingency). The margin collateral includes the positions
/// at mark (portfolio margin credits longs, unlike standard margin).
/// Exactness and order independence: each scenario's PnL is a sum over series in a fixed (T, K, σ, index) order, so it does not depend on
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

    /// <summary>Computes portfolio IM and MM over an explicit scenario list (any order; 1 to <see cref="PortfolioMarginParameters.MaxScenarios"/> scenarios, moves &gt; −1).</summary>
    public static MarginResult Compute(TraderAccount account, MarginMarket market, PortfolioMarginParameters parameters, ReadOnlySpan<MarginScenario> scenarios)
    {
        MarginInputs.ThrowIfInvalid(account, market);
        if (scenarios.IsEmpty) throw new ArgumentException("at least one scenario is required", nameof(scenarios));
        var positions = account.Positions;
        double spot = market.Spot;
        int m = scenarios.Length;
        Span<double> buffer = stackalloc double[2 * PortfolioMarginParameters.MaxScenarios];
        if (m > PortfolioMarginParameters.MaxScenarios) throw new ArgumentException($"at most {PortfolioMarginParameters.MaxScenarios} scenarios", nameof(scenarios));
        Span<double> pnl = buffer[..m], spots = buffer.Slice(m, m);
        pnl.Clear();
        for (int s = 0; s < m; s++)
        {
            if (!(scenarios[s].SpotMove > -1.0)) throw new ArgumentException("scenario spot moves must be > -1", nameof(scenarios));
            spots[s] = spot * (1.0 + scenarios[s].SpotMove);
        }

        int n = positions.Count;
        var contributions = new PositionContribution[n];
        Span<SeriesKey> keys = n <= 512 ? stackalloc SeriesKey[n] : new SeriesKey[n];
        double positionValue = 0, netCalls = 0, netPuts = 0, shortCalls = 0, shortPuts = 0;
        for (int i = 0; i < n; i++)
        {
            var p = positions[i];
            positionValue += p.Value;
            if (p.Type == OptionType.Call) { netCalls += p.Quantity; if (p.Quantity < 0) shortCalls -= p.Quantity; }
            else { netPuts += p.Quantity; if (p.Quantity < 0) shortPuts -= p.Quantity; }
            keys[i] = new SeriesKey(p.TimeToExpiryYears, p.Strike, p.Vol, i);
        }

        // Group positions of one series (same T, K and vol; calls and puts together) in a fixed total order, so each
        // scenario's PnL is the same sum whatever the input order of scenarios.
        keys.Sort();
        Span<SeriesExposure> series = n <= 512 ? stackalloc SeriesExposure[n] : new SeriesExposure[n];
        int seriesCount = 0;
        for (int g = 0; g < n;)
        {
            double callQuantity = 0, putQuantity = 0;
            int h = g;
            for (; h < n && keys[h].SameSeries(keys[g]); h++)
            {
                var p = positions[keys[h].Index];
                if (p.Type == OptionType.Call) callQuantity += p.Quantity; else putQuantity += p.Quantity;
            }

            if (callQuantity != 0 || putQuantity != 0)
                series[seriesCount++] = new SeriesExposure(keys[g].Strike, keys[g].TimeToExpiryYears, keys[g].Vol, callQuantity, putQuantity);
            g = h;
        }

        AccumulateSeriesPnl(series[..seriesCount], market, parameters, scenarios, spots, pnl);

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
        Span<double> positionPnls = n <= 512 ? stackalloc double[n] : new double[n];
        PositionPnlInScenario(positions, market, parameters, ws, positionPnls);
        for (int i = 0; i < positions.Count; i++)
        {
            var p = positions[i];
            double positionPnl = positionPnls[i];
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
    /// Adds the unweighted scenario PnL of every series to each scenario's accumulator, in series order. Allocation-free
    /// (stack buffers). <paramref name="scenarioSpots"/> holds S(1+m_s) for each scenario.
    /// </summary>
    /// <remarks>
    /// Pricing: the pricing library's batch path, <see cref="BatchPricer.BlackScholesMerton"/> (SIMD; equal to the scalar
    /// <see cref="BlackScholesMerton"/> to 1e-12 relative), over blocks of up to <see cref="BatchBlock"/> elements: per series one
    /// call at (S, σ) and one per scenario at (S_s, σ·v_s(T)). Puts use put-call parity P = C − S e^(−qT) + K e^(−rT), so
    /// P_s − P_0 = (C_s − C_0) − e^(−qT)(S_s − S): a call and a put of one series share the pricing, and a series whose calls and
    /// puts cancel (a synthetic forward) needs none. The PnL of series j in scenario s is
    /// (calls + puts)·(C_s − C_0) − puts·e^(−qT)·(S_s − S), added in series order, so each scenario's sum does not depend on
    /// where the scenario sits in the list. Pinned against <see cref="BlackScholesMerton.Price"/> in the tests.
    /// </remarks>
    public static void AccumulateSeriesPnl(ReadOnlySpan<SeriesExposure> series, MarginMarket market, PortfolioMarginParameters parameters,
        ReadOnlySpan<MarginScenario> scenarios, ReadOnlySpan<double> scenarioSpots, Span<double> pnl)
    {
        int m = scenarios.Length, stride = m + 1;
        if (stride > BatchBlock) throw new ArgumentException($"at most {BatchBlock - 1} scenarios", nameof(scenarios));
        int perBlock = BatchBlock / stride;
        var batch = new BatchBuffers(stackalloc OptionType[BatchBlock], stackalloc double[BatchBlock * 8], market);
        batch.Types.Fill(OptionType.Call);
        Span<double> spots = batch.Spots, strikes = batch.Strikes, times = batch.Times, vols = batch.Vols, prices = batch.Prices;
        double spot = market.Spot;

        for (int first = 0; first < series.Length; first += perBlock)
        {
            int count = Math.Min(perBlock, series.Length - first), length = count * stride;
            for (int j = 0; j < count; j++)
            {
                var x = series[first + j];
                int at = j * stride;
                var (up, down) = parameters.VolMultipliers(x.TimeToExpiryYears);
                double volUp = x.Vol * up, volDown = x.Vol * down;
                strikes.Slice(at, stride).Fill(x.Strike);
                times.Slice(at, stride).Fill(x.TimeToExpiryYears);
                spots[at] = spot;
                vols[at] = x.Vol;
                for (int s = 0; s < m; s++)
                {
                    spots[at + 1 + s] = scenarioSpots[s];
                    vols[at + 1 + s] = scenarios[s].Vol switch { VolShockDirection.Up => volUp, VolShockDirection.Down => volDown, _ => x.Vol };
                }
            }

            batch.Price(length);

            for (int j = 0; j < count; j++)
            {
                var x = series[first + j];
                int at = j * stride;
                double optionQuantity = x.CallQuantity + x.PutQuantity;
                double putForwardQuantity = -x.PutQuantity * Math.Exp(-market.DividendYield * x.TimeToExpiryYears);
                double callBase = prices[at];
                for (int s = 0; s < m; s++)
                {
                    pnl[s] += optionQuantity * (prices[at + 1 + s] - callBase) + putForwardQuantity * (scenarioSpots[s] - spot);
                }
            }
        }
    }

    /// <summary>Weighted PnL of each position in one scenario, batch-priced (two elements per position: base and shocked).</summary>
    private static void PositionPnlInScenario(IReadOnlyList<MarginPosition> positions, MarginMarket market, PortfolioMarginParameters parameters,
        in MarginScenario scenario, Span<double> destination)
    {
        var batch = new BatchBuffers(stackalloc OptionType[BatchBlock], stackalloc double[BatchBlock * 8], market);
        double shockedSpot = market.Spot * (1.0 + scenario.SpotMove);
        const int perBlock = BatchBlock / 2;
        for (int first = 0; first < positions.Count; first += perBlock)
        {
            int count = Math.Min(perBlock, positions.Count - first);
            for (int j = 0; j < count; j++)
            {
                var p = positions[first + j];
                batch.Types[2 * j] = batch.Types[2 * j + 1] = p.Type;
                batch.Strikes[2 * j] = batch.Strikes[2 * j + 1] = p.Strike;
                batch.Times[2 * j] = batch.Times[2 * j + 1] = p.TimeToExpiryYears;
                batch.Spots[2 * j] = market.Spot;
                batch.Spots[2 * j + 1] = shockedSpot;
                batch.Vols[2 * j] = p.Vol;
                batch.Vols[2 * j + 1] = p.Vol * parameters.VolMultiplier(scenario.Vol, p.TimeToExpiryYears);
            }

            batch.Price(2 * count);
            for (int j = 0; j < count; j++)
            {
                var p = positions[first + j];
                destination[first + j] = p.Quantity == 0 ? 0.0 : scenario.Weight * p.Quantity * (batch.Prices[2 * j + 1] - batch.Prices[2 * j]);
            }
        }
    }

    /// <summary>Stack buffers for one <see cref="BatchPricer"/> call of up to <see cref="BatchBlock"/> elements.</summary>
    private readonly ref struct BatchBuffers
    {
        public readonly Span<OptionType> Types;
        public readonly Span<double> Spots, Strikes, Rates, Yields, Times, Vols, Prices, UnusedGreeks;

        public BatchBuffers(Span<OptionType> types, Span<double> area, MarginMarket market)
        {
            Types = types;
            Spots = area[..BatchBlock];
            Strikes = area.Slice(BatchBlock, BatchBlock);
            Rates = area.Slice(2 * BatchBlock, BatchBlock);
            Yields = area.Slice(3 * BatchBlock, BatchBlock);
            Times = area.Slice(4 * BatchBlock, BatchBlock);
            Vols = area.Slice(5 * BatchBlock, BatchBlock);
            Prices = area.Slice(6 * BatchBlock, BatchBlock);
            UnusedGreeks = area.Slice(7 * BatchBlock, BatchBlock); // the kernel only writes Greeks; one sink serves all five
            Rates.Fill(market.Rate);
            Yields.Fill(market.DividendYield);
        }

        /// <summary>Prices the first <paramref name="length"/> elements into <see cref="Prices"/>.</summary>
        public void Price(int length) => BatchPricer.BlackScholesMerton(
            new BlackScholesBatchInputs(Types[..length], Spots[..length], Strikes[..length], Rates[..length], Yields[..length], Times[..length], Vols[..length]),
            new GreeksBatchOutputs(Prices[..length], UnusedGreeks[..length], UnusedGreeks[..length], UnusedGreeks[..length], UnusedGreeks[..length], UnusedGreeks[..length]));
    }

    /// <summary>Elements priced per batch call (the batch kernel's own chunk size); bounds the scenario count at 127.</summary>
    public const int BatchBlock = 128;

    /// <summary>Sort key grouping the positions of one series; the index makes the order total (deterministic).</summary>
    private readonly record struct SeriesKey(double TimeToExpiryYears, double Strike, double Vol, int Index) : IComparable<SeriesKey>
    {
        public int CompareTo(SeriesKey other)
        {
            int c = TimeToExpiryYears.CompareTo(other.TimeToExpiryYears);
            if (c != 0) return c;
            c = Strike.CompareTo(other.Strike);
            if (c != 0) return c;
            c = Vol.CompareTo(other.Vol);
            return c != 0 ? c : Index.CompareTo(other.Index);
        }

        public bool SameSeries(in SeriesKey other)
            => TimeToExpiryYears == other.TimeToExpiryYears && Strike == other.Strike && Vol == other.Vol;
    }
}
