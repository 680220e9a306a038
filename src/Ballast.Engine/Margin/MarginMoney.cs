namespace Ballast.Engine.Margin;

/// <summary>
/// The one place where model numbers (<see cref="double"/>) become money (<see cref="decimal"/>) in the margin engine.
/// Every conversion rounds in the protocol's favour at <see cref="Scale"/> decimal places (1e-8 quote units):
/// requirements and liabilities up, collateral and asset values down.
/// </summary>
public static class MarginMoney
{
    /// <summary>Decimal places of money amounts produced from model numbers.</summary>
    public const int Scale = 8;
    private const decimal Unit = 100_000_000m;

    /// <summary>A requirement or liability: rounded UP to 1e-8. The double is first nudged one ulp up so the
    /// decimal conversion (15 significant digits) cannot round it below its true value.</summary>
    public static decimal RoundUp(double amount)
    {
        if (amount == 0) return 0m;
        decimal d = (decimal)Math.BitIncrement(amount);
        return decimal.Ceiling(d * Unit) / Unit;
    }

    /// <summary>A value credited to the trader (collateral value, long position value): rounded DOWN to 1e-8,
    /// after nudging the double one ulp down.</summary>
    public static decimal RoundDown(double amount)
    {
        if (amount == 0) return 0m;
        decimal d = (decimal)Math.BitDecrement(amount);
        return decimal.Floor(d * Unit) / Unit;
    }

    /// <summary>Rounds an exact decimal down to 1e-8 (toward −∞).</summary>
    public static decimal Floor(decimal amount) => decimal.Floor(amount * Unit) / Unit;

    /// <summary>Rounds an exact decimal up to 1e-8 (toward +∞).</summary>
    public static decimal Ceiling(decimal amount) => decimal.Ceiling(amount * Unit) / Unit;

    /// <summary>Margin value of base collateral: base units × spot × haircut factor, rounded down to 1e-8 quote.</summary>
    public static decimal BaseCollateralValue(decimal baseUnits, double spot, double factor)
    {
        if (baseUnits == 0 || factor == 0) return 0m;
        return Floor(baseUnits * (decimal)Math.BitDecrement(spot * factor));
    }
}
