namespace Ballast.Engine.Volatility;

/// <summary>The trader's side of a trade (the vault takes the opposite side).</summary>
public enum TradeDirection
{
    /// <summary>The trader buys options from the vault: base IV and skew go up.</summary>
    Buy,
    /// <summary>The trader sells options to the vault: base IV and skew go down.</summary>
    Sell,
}
