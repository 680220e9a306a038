namespace Ballast.Engine.Markets;

/// <summary>The market a vault makes: one underlying quoted in one asset, with one settlement style.</summary>
/// <param name="Underlying">Ticker of the base asset, letters and digits only (e.g. "ETH"); first part of series names.</param>
/// <param name="QuoteAsset">Ticker of the quote asset (e.g. "USDC").</param>
/// <param name="Settlement">Linear (quote-settled) or inverse (base-settled).</param>
/// <param name="QuoteDecimals">Decimal places of quote-asset money (USDC: 6).</param>
/// <param name="BaseDecimals">Decimal places of base-asset money (8 here; ETH has 18 on chain, 8 is ample for accounting).</param>
public sealed record MarketDefinition(string Underlying, string QuoteAsset, SettlementStyle Settlement, int QuoteDecimals = 6, int BaseDecimals = 8)
{
    /// <summary>Decimal places of money in <paramref name="asset"/>.</summary>
    public int DecimalsOf(Asset asset) => asset == Asset.Quote ? QuoteDecimals : BaseDecimals;

    /// <summary>The asset premiums and payoffs are paid in.</summary>
    public Asset PaymentAsset => Settlement == SettlementStyle.Linear ? Asset.Quote : Asset.Base;

    /// <summary>Null when the definition is usable, else the reason it is not.</summary>
    public string? Problem()
    {
        if (!IsTicker(Underlying)) return $"underlying '{Underlying}' must be 1-16 letters or digits";
        if (!IsTicker(QuoteAsset)) return $"quote asset '{QuoteAsset}' must be 1-16 letters or digits";
        if (QuoteDecimals is < 0 or > 18) return "quote decimals must be within [0, 18]";
        if (BaseDecimals is < 0 or > 18) return "base decimals must be within [0, 18]";
        if (!Enum.IsDefined(Settlement)) return "unknown settlement style";
        return null;
    }

    private static bool IsTicker(string? s)
    {
        if (string.IsNullOrEmpty(s) || s.Length > 16) return false;
        foreach (char c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c)) return false;
        }

        return true;
    }
}
