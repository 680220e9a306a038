namespace Ballast.Engine.Hedging;

/// <summary>
/// The one place hedge numbers cross from model (double) to money (decimal): 8 decimal places, rounded against the
/// vault (costs up, buy prices up, sell prices down), so accounting never flatters the hedge.
/// Inputs must already have passed <see cref="VenueDataGuard"/> (finite).
/// </summary>
public static class HedgeMoney
{
    /// <summary>Decimal places kept for prices, fees and funding.</summary>
    public const int Decimals = 8;

    /// <summary>A cost paid by the vault (fee, funding; negative = received), rounded toward +∞.</summary>
    public static decimal Cost(double amount) => Math.Round(ToDecimal(amount), Decimals, MidpointRounding.ToPositiveInfinity);

    /// <summary>A fill price: buys (<paramref name="quantity"/> &gt; 0) rounded up, sells rounded down.</summary>
    public static decimal FillPrice(double price, decimal quantity) => Math.Round(ToDecimal(price), Decimals,
        quantity > 0 ? MidpointRounding.ToPositiveInfinity : MidpointRounding.ToNegativeInfinity);

    private static decimal ToDecimal(double value)
    {
        if (!double.IsFinite(value) || Math.Abs(value) > 7.9e27)
            throw new ArgumentOutOfRangeException(nameof(value), value, "validate venue data before converting it to money");
        return (decimal)value;
    }
}
