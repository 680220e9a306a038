namespace Ballast.Engine.Volatility;

/// <summary>
/// Which vol bound a trade's post-trade base IV / skew / vol breaks. Checked in Lyra's order
/// (vol, then base IV, then skew — derivexyz/v1-core <c>OptionMarketPricer.updateCacheAndGetTradeResult</c>);
/// the first broken bound is reported.
/// </summary>
public enum VolBoundViolation
{
    /// <summary>All bounds hold.</summary>
    None = 0,
    /// <summary>Amount not finite and &gt; 0, or a starting base IV / skew not finite and &gt; 0.</summary>
    InvalidInput,
    /// <summary>The move would leave base IV or skew at or below zero.</summary>
    NotPositive,
    /// <summary>Buy: new vol (baseIv·skew) above <c>maxVol</c>.</summary>
    VolAboveMax,
    /// <summary>Buy: new base IV above <c>maxBaseIv</c>.</summary>
    BaseIvAboveMax,
    /// <summary>Buy: new skew above <c>maxSkew</c>.</summary>
    SkewAboveMax,
    /// <summary>Sell: new vol below <c>minVol</c>.</summary>
    VolBelowMin,
    /// <summary>Sell: new base IV below <c>minBaseIv</c>.</summary>
    BaseIvBelowMin,
    /// <summary>Sell: new skew below <c>minSkew</c>.</summary>
    SkewBelowMin,
    /// <summary>Force close: new skew at or beyond <c>absMinSkew</c>/<c>absMaxSkew</c>.</summary>
    SkewOutsideAbsoluteRange,
}
