namespace Ballast.Engine.Accounting;

/// <summary>
/// The one place where model numbers (double) become money (decimal). Every conversion rounds in the vault's
/// favour: amounts the vault receives are rounded up, amounts it pays are rounded down, to the asset's decimals.
/// </summary>
public static class Money
{
    /// <summary>Largest model amount converted to money; beyond it a caller has a bug or absurd input.</summary>
    public const double MaxAmount = 1e15;

    /// <summary>
    /// Rounds a finite, non-negative model amount to money with <paramref name="decimals"/> places, up when the vault
    /// receives it and down when it pays it.
    /// </summary>
    /// <param name="amount">Model amount in asset units, finite, 0 ≤ amount ≤ <see cref="MaxAmount"/>.</param>
    /// <param name="flow">Direction of the payment relative to the vault.</param>
    /// <param name="decimals">Decimal places of the asset (0-18).</param>
    /// <exception cref="ArgumentOutOfRangeException">A bug in the caller: NaN, infinite, negative or huge amount.</exception>
    public static decimal RoundInVaultFavour(double amount, MoneyFlow flow, int decimals)
    {
        if (!(amount >= 0 && amount <= MaxAmount)) throw new ArgumentOutOfRangeException(nameof(amount), amount, "money must be finite, ≥ 0 and ≤ 1e15");
        // (decimal)double keeps 15 significant digits (round-to-nearest); the directed rounding below is the one
        // that matters for who gets the last unit.
        return RoundInVaultFavour((decimal)amount, flow, decimals);
    }

    /// <summary>Rounds an exact amount to <paramref name="decimals"/> places in the vault's favour (see above).</summary>
    /// <param name="amount">Amount in asset units, ≥ 0.</param>
    /// <param name="flow">Direction of the payment relative to the vault.</param>
    /// <param name="decimals">Decimal places of the asset (0-18).</param>
    public static decimal RoundInVaultFavour(decimal amount, MoneyFlow flow, int decimals) =>
        decimal.Round(amount, decimals, flow == MoneyFlow.ToVault ? MidpointRounding.ToPositiveInfinity : MidpointRounding.ToNegativeInfinity);

    /// <summary>True when <paramref name="amount"/> has no more than <paramref name="decimals"/> decimal places.</summary>
    public static bool FitsDecimals(decimal amount, int decimals) => decimal.Round(amount, decimals) == amount;
}
