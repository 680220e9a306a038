using Ballast.Engine.Greeks;
using Ballast.Engine.Margin;
using Ballast.Engine.Markets;
using Ballast.Engine.State;

namespace Ballast.Engine.Accounting;

/// <summary>
/// The seam between the vault state and the pure margin calculators: builds the <see cref="TraderAccount"/> view of a
/// margin-mode account and computes its margin. Marks are the engine's own model prices: Black-Scholes-Merton at the
/// Greek cache's vol (base IV × skew at the strike's last refresh), the cache's spot and the vault's rate, i.e.
/// <see cref="StrikeState.CallGreeks"/>/<see cref="StrikeState.PutGreeks"/> prices; the portfolio scenarios shock that
/// same vol. Collateral is the account's free quote and base (nothing is locked in margin modes).
/// </summary>
public static class AccountMargin
{
    /// <summary>Smallest time to expiry given to the calculators (one second, in years): an expired but unsettled
    /// position is margined at its intrinsic value instead of being rejected as invalid input.</summary>
    public const double MinYearsToExpiry = 1.0 / GreekCalculator.SecondsPerYear;

    /// <summary>
    /// The calculators configured by the governance parameters in force at <paramref name="now"/> (scheduled changes count
    /// only once due, exactly as <see cref="Vault.Decide"/> sees them).
    /// </summary>
    public static MarginCalculator CalculatorAt(VaultState state, long now) => state.ParametersAt(now, out _).ToMarginCalculator();

    /// <summary>The calculator's mode for a margin-mode account (<see cref="AccountMarginMode.FullCollateral"/> is never margined).</summary>
    public static MarginMode CalculatorMode(AccountMarginMode mode) =>
        mode == AccountMarginMode.Portfolio ? MarginMode.Portfolio : MarginMode.Standard;

    /// <summary>Market inputs of the margin calculators: oracle spot, the vault's rate, no carry (as the Greek cache).</summary>
    public static MarginMarket MarketOf(VaultState state) => new(state.Spot, state.Parameters.RateAndCarry);

    /// <summary>The account's positions in canonical series order (expiry, strike, call before put).</summary>
    public static List<(SeriesId Series, decimal Position)> SortedPositions(AccountState account)
    {
        var rows = new List<(SeriesId Series, decimal Position)>(account.Positions.Count);
        foreach (var (series, position) in account.Positions) rows.Add((series, position));
        rows.Sort(static (a, b) => SeriesOrder.Compare(a.Series, b.Series));
        return rows;
    }

    /// <summary>Margin of a margin-mode account as it stands at <paramref name="now"/>; null with a rejection when it cannot be computed.</summary>
    public static MarginResult? TryCompute(VaultState state, AccountState account, long now, out Rejection? rejection)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(account);
        var view = TryView(state, account.MarginMode, account.Free(Asset.Quote), account.Free(Asset.Base), SortedPositions(account), now, out rejection);
        return view is null ? null : CalculatorAt(state, now).Compute(view, MarketOf(state));
    }

    /// <summary>
    /// The calculators' view of an account with the given balances and positions (a hypothetical "after" state for the
    /// trade and withdrawal checks); null with a rejection when spot is missing or an input is out of the calculators' range.
    /// </summary>
    internal static TraderAccount? TryView(VaultState state, AccountMarginMode mode, decimal quote, decimal baseUnits,
        IReadOnlyList<(SeriesId Series, decimal Position)> positions, long now, out Rejection? rejection)
    {
        rejection = null;
        if (!state.HasSpot)
        {
            rejection = new Rejection(RejectionReason.OracleUnavailable, "margin needs a spot price");
            return null;
        }

        var list = new MarginPosition[positions.Count];
        for (int i = 0; i < list.Length; i++)
        {
            var (series, q) = positions[i];
            var strike = state.Strikes[series.StrikeKey];
            double years = Math.Max(GreekCalculator.YearsToExpiry(series.Expiry, now), MinYearsToExpiry);
            double mark = Math.Max(strike.GreeksOf(series.Type).Price, 0.0);
            list[i] = new MarginPosition(series.Type, strike.StrikeValue, years, (double)q, mark, strike.CachedVol);
        }

        var view = new TraderAccount(quote, baseUnits, list, CalculatorMode(mode));
        var validation = MarginInputs.Validate(view, MarketOf(state));
        if (validation.IsValid) return view;
        rejection = new Rejection(RejectionReason.PricingFailed, $"margin inputs out of range: {validation.Message}");
        return null;
    }
}
