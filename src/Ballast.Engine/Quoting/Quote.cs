using Ballast.Engine.Commands;
using Ballast.Engine.Markets;
using Ballast.Engine.Volatility;

namespace Ballast.Engine.Quoting;

/// <summary>
/// A firm price for (series, side, size) at one state version. Model amounts are quote units (double); the money
/// actually moved is <see cref="Payment"/> in <see cref="PaymentAsset"/>, rounded once in the vault's favour.
/// Buy: <c>Total = max(Premium + Fees + InventoryAdjustment, 0)</c> is what the trader pays.
/// Sell: <c>Total = max(Premium − Fees − InventoryAdjustment, 0)</c> is what the trader receives
/// (Lyra v1 OptionMarket: fees are added to a buyer's cost and deducted from a seller's proceeds, floored at 0).
/// </summary>
public readonly record struct Quote
{
    /// <summary>The series quoted.</summary>
    public SeriesId Series { get; init; }
    /// <summary>The trader's side.</summary>
    public TradeDirection Direction { get; init; }
    /// <summary>Options, rounded to 8 decimals.</summary>
    public decimal Size { get; init; }
    /// <summary>Spot used, quote units.</summary>
    public double Spot { get; init; }
    /// <summary>Vol the premium is priced at: post-trade vol, or the GWAV-shocked vol for a force close.</summary>
    public double Vol { get; init; }
    /// <summary>The board's base IV after the trade.</summary>
    public double NewBaseIv { get; init; }
    /// <summary>The strike's skew after the trade.</summary>
    public double NewSkew { get; init; }
    /// <summary>Model value of the options at <see cref="Vol"/>: price per option × size, quote units.</summary>
    public double Premium { get; init; }
    /// <summary>Lyra option-price fee, quote units.</summary>
    public double OptionPriceFee { get; init; }
    /// <summary>Lyra spot-price fee, quote units.</summary>
    public double SpotPriceFee { get; init; }
    /// <summary>Lyra vega-utilisation fee, quote units (0 unless |net std vega| rises).</summary>
    public double VegaUtilFee { get; init; }
    /// <summary>Lyra variance fee, quote units.</summary>
    public double VarianceFee { get; init; }
    /// <summary>Sum of the four fees, quote units.</summary>
    public double Fees => OptionPriceFee + SpotPriceFee + VegaUtilFee + VarianceFee;
    /// <summary>Inventory (reservation-price) charge, quote units; negative is a discount for risk-reducing flow.</summary>
    public double InventoryAdjustment { get; init; }
    /// <summary>Model total (see the type's remarks), quote units.</summary>
    public double Total { get; init; }
    /// <summary>Asset the trade is paid in (quote for linear, base for inverse markets).</summary>
    public Asset PaymentAsset { get; init; }
    /// <summary>Money moved, <see cref="PaymentAsset"/> units: Total converted at spot if inverse, rounded in the vault's favour.</summary>
    public decimal Payment { get; init; }
    /// <summary>Part of the payment recorded as accrued fees, <see cref="PaymentAsset"/> units (rounded down).</summary>
    public decimal FeesPayment { get; init; }
    /// <summary>True when priced as a force close (a closing trade that a limit would otherwise block).</summary>
    public bool IsForceClose { get; init; }
    /// <summary>Delta of the trade from the trader's side (± size × option delta), base units.</summary>
    public double Delta { get; init; }
    /// <summary>Gamma of the trade from the trader's side.</summary>
    public double Gamma { get; init; }
    /// <summary>Vega of the trade from the trader's side, quote per 1.00 vol.</summary>
    public double Vega { get; init; }
    /// <summary>Standard vega of the trade from the trader's side, quote per vol point (30-day normalised).</summary>
    public double StandardVega { get; init; }
    /// <summary>Theta of the trade from the trader's side, quote per year.</summary>
    public double Theta { get; init; }
    /// <summary>When the spot oracle observed the spot used, Unix seconds.</summary>
    public long OracleTimestamp { get; init; }
    /// <summary>The vault's state version the quote was computed at.</summary>
    public long StateVersion { get; init; }
    /// <summary>When the quote expires, Unix seconds.</summary>
    public long ExpiresAt { get; init; }

    /// <summary>The ticket a <see cref="Trade"/> command can carry to reference this quote.</summary>
    public QuoteTicket Ticket => new(StateVersion, ExpiresAt);
}
