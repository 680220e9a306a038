namespace Ballast.Engine.Hedging;

/// <summary>How an order meets the book.</summary>
public enum OrderStyle
{
    /// <summary>Immediate-or-cancel against the book: pays the taker fee and slippage, fills up to the available depth.</summary>
    Taker = 0,
    /// <summary>Posted at the touch: pays the maker fee, no slippage, may fill only partly or not at all.</summary>
    Maker,
}
