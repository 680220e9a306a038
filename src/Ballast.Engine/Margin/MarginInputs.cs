using System.Globalization;

namespace Ballast.Engine.Margin;

/// <summary>
/// Boundary validation of margin inputs. The calculators assume validated input (hot path) and throw
/// <see cref="ArgumentException"/> only if called with invalid input anyway (a caller bug).
/// </summary>
public static class MarginInputs
{
    /// <summary>Largest accepted spot, strike or mark (quote units). Keeps every money product inside <see cref="decimal"/>'s range.</summary>
    public const double MaxPrice = 1e9;
    /// <summary>Largest accepted |quantity| (options).</summary>
    public const double MaxQuantity = 1e9;
    /// <summary>Largest accepted number of positions in one account (Derive caps PMRM accounts at 128 assets).</summary>
    public const int MaxPositions = 1_024;

    /// <summary>Checks the market and every position; the first problem found is returned.</summary>
    public static MarginInputValidation Validate(TraderAccount account, MarginMarket market)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!(market.Spot > 0 && market.Spot <= MaxPrice)) return Fail(MarginInputError.InvalidSpot, -1, $"spot {market.Spot} must be in (0, {MaxPrice:G}]");
        if (!(Math.Abs(market.Rate) <= 1) || !(Math.Abs(market.DividendYield) <= 1))
            return Fail(MarginInputError.InvalidRate, -1, $"rate {market.Rate} and dividend yield {market.DividendYield} must be in [-1, 1]");
        if (account.BaseCollateral < 0) return Fail(MarginInputError.NegativeBaseCollateral, -1, $"base collateral {account.BaseCollateral} must be ≥ 0");
        if (account.Positions.Count > MaxPositions) return Fail(MarginInputError.TooManyPositions, -1, $"{account.Positions.Count} positions exceed {MaxPositions}");
        for (int i = 0; i < account.Positions.Count; i++)
        {
            var p = account.Positions[i];
            if (!(p.Strike > 0 && p.Strike <= MaxPrice)) return Fail(MarginInputError.InvalidStrike, i, $"position {i}: strike {p.Strike} must be in (0, {MaxPrice:G}]");
            if (!(p.TimeToExpiryYears > 0 && p.TimeToExpiryYears <= 10)) return Fail(MarginInputError.InvalidExpiry, i, $"position {i}: time to expiry {p.TimeToExpiryYears} must be in (0, 10] years");
            if (!(Math.Abs(p.Quantity) <= MaxQuantity)) return Fail(MarginInputError.InvalidQuantity, i, $"position {i}: quantity {p.Quantity} must be finite with |q| ≤ {MaxQuantity:G}");
            if (!(p.Mark >= 0 && p.Mark <= MaxPrice)) return Fail(MarginInputError.InvalidMark, i, $"position {i}: mark {p.Mark} must be in [0, {MaxPrice:G}]");
            if (!(p.Vol > 0 && p.Vol <= 10)) return Fail(MarginInputError.InvalidVol, i, $"position {i}: vol {p.Vol} must be in (0, 10]");
        }

        return MarginInputValidation.Valid;
    }

    internal static void ThrowIfInvalid(TraderAccount account, MarginMarket market)
    {
        var v = Validate(account, market);
        if (!v.IsValid) throw new ArgumentException($"margin input not validated by the caller: {v.Message}", nameof(account));
    }

    private static MarginInputValidation Fail(MarginInputError error, int index, FormattableString message)
        => new(error, index, message.ToString(CultureInfo.InvariantCulture));
}
