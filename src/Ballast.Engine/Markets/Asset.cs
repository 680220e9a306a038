namespace Ballast.Engine.Markets;

/// <summary>The two assets a vault holds.</summary>
public enum Asset
{
    /// <summary>The quote asset (e.g. USDC), the unit of prices and strikes.</summary>
    Quote,

    /// <summary>The base asset (the underlying, e.g. ETH).</summary>
    Base,
}
