namespace Ballast.Engine.Margin;

/// <summary>
/// How a closed account's quote deficit is resolved, in order: its base collateral is seized at spot (as much as the deficit
/// needs), then the <see cref="InsolvencyWaterfall"/> (insurance fund, then the LPs) covers what is left. Derive's
/// insolvent-account path likewise takes every collateral asset before the security module pays.
/// </summary>
/// <param name="Shortfall">Deficit to resolve (quote, ≥ 0).</param>
/// <param name="BaseSeized">Base units taken: min(base held, ⌈deficit / spot⌉ at the base decimals).</param>
/// <param name="BaseSeizedValue">Quote credited for them: min(deficit, ⌊seized × spot⌋ at the quote decimals), so seizure never
/// credits more than the deficit and rounds in the vault's favour.</param>
/// <param name="Waterfall">Cover of the remaining deficit (Shortfall − BaseSeizedValue).</param>
public readonly record struct InsolvencyResolution(decimal Shortfall, decimal BaseSeized, decimal BaseSeizedValue, InsolvencyWaterfall Waterfall)
{
    /// <summary>Resolves <paramref name="shortfall"/> with <paramref name="baseHeld"/> base at <paramref name="spot"/> and the fund.</summary>
    /// <param name="shortfall">Deficit, quote, ≥ 0.</param>
    /// <param name="baseHeld">Base the account holds (≤ 0 seizes nothing).</param>
    /// <param name="spot">Oracle spot, quote per base, &gt; 0.</param>
    /// <param name="insuranceFund">Insurance fund balance, ≥ 0.</param>
    /// <param name="baseDecimals">Decimals of base money.</param>
    /// <param name="quoteDecimals">Decimals of quote money.</param>
    public static InsolvencyResolution Resolve(decimal shortfall, decimal baseHeld, decimal spot, decimal insuranceFund, int baseDecimals, int quoteDecimals)
    {
        if (shortfall < 0) throw new ArgumentOutOfRangeException(nameof(shortfall), "shortfall must be ≥ 0");
        if (spot <= 0) throw new ArgumentOutOfRangeException(nameof(spot), "spot must be > 0");
        decimal seized = 0m, value = 0m;
        if (shortfall > 0 && baseHeld > 0)
        {
            seized = Math.Min(baseHeld, Math.Round(shortfall / spot, baseDecimals, MidpointRounding.ToPositiveInfinity));
            value = Math.Min(shortfall, Math.Round(seized * spot, quoteDecimals, MidpointRounding.ToNegativeInfinity));
        }

        return new InsolvencyResolution(shortfall, seized, value, InsolvencyWaterfall.Cover(shortfall - value, insuranceFund));
    }
}
