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
        if (decimals <= 9)
        {
            // Fast path: n = ⌈amount·10^d⌉ (or ⌊·⌋). A double carries ~1e-16 relative noise (0.1 is stored as
            // 0.1000000000000000055…), so a product within 1e-13 relative of a whole number is that number — the same
            // 15-significant-digit reading the decimal conversion below makes — and only real remainders are rounded.
            double scale = Pow10[decimals];
            double product = amount * scale;
            if (product < 4.5e15)
            {
                double nearest = Math.Round(product);
                double n = Math.Abs(product - nearest) <= product * 1e-13 ? nearest
                    : flow == MoneyFlow.ToVault ? Math.Ceiling(product) : Math.Floor(product);
                return Scaled((long)n, decimals);
            }
        }

        // Slow path: (decimal)double keeps 15 significant digits, then the directed rounding.
        return RoundInVaultFavour((decimal)amount, flow, decimals);
    }

    /// <summary>Rounds a finite model amount toward zero to <paramref name="decimals"/> places (sizes, not money flows).</summary>
    /// <param name="amount">Finite amount, |amount| ≤ 1e15.</param>
    /// <param name="decimals">Decimal places (0-18).</param>
    public static decimal RoundTowardZero(double amount, int decimals)
    {
        if (amount < 0) return -RoundInVaultFavour(-amount, MoneyFlow.FromVault, decimals);
        return RoundInVaultFavour(amount, MoneyFlow.FromVault, decimals);
    }

    private static readonly double[] Pow10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

    /// <summary>n·10^(−decimals) as a decimal, built from its parts (no arithmetic).</summary>
    private static decimal Scaled(long n, int decimals) =>
        new((int)(n & 0xFFFF_FFFF), (int)(n >> 32), 0, isNegative: false, (byte)decimals);

    /// <summary>Rounds an exact amount to <paramref name="decimals"/> places in the vault's favour (see above).</summary>
    /// <param name="amount">Amount in asset units, ≥ 0.</param>
    /// <param name="flow">Direction of the payment relative to the vault.</param>
    /// <param name="decimals">Decimal places of the asset (0-18).</param>
    public static decimal RoundInVaultFavour(decimal amount, MoneyFlow flow, int decimals) =>
        decimal.Round(amount, decimals, flow == MoneyFlow.ToVault ? MidpointRounding.ToPositiveInfinity : MidpointRounding.ToNegativeInfinity);

    /// <summary>True when <paramref name="amount"/> has no more than <paramref name="decimals"/> decimal places.</summary>
    public static bool FitsDecimals(decimal amount, int decimals) => decimal.Round(amount, decimals) == amount;
}
