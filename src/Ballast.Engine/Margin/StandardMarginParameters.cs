using Ballast.Engine.Parameters;

namespace Ballast.Engine.Margin;

/// <summary>
/// Governance parameters of <see cref="StandardMargin"/>. Defaults are Derive's mainnet SRM option margin
/// parameters (derivexyz/v2-core <c>scripts/config-mainnet.sol</c>, <c>getSRMParams</c>, ETH/BTC markets):
/// maxSpotReq 0.15, minSpotReq 0.13, mmCallSpotReq 0.09, mmPutSpotReq 0.09, MMPutMtMReq 0.09, mmOffsetScale 1.05,
/// base marginFactor 0.8 (ETH). All ratios are plain fractions (0.09 = 9 % of spot).
/// </summary>
public sealed record StandardMarginParameters
{
    /// <summary>Derive mainnet defaults.</summary>
    public static StandardMarginParameters Default { get; } = new();

    /// <summary>IM spot fraction for an at-the-money or in-the-money short (Derive <c>maxSpotReq</c>). Default 0.15; bounds [0, 1].</summary>
    public double MaxSpotRequirement { get; init; } = 0.15;
    /// <summary>IM spot-fraction floor for a far out-of-the-money short (Derive <c>minSpotReq</c>). Default 0.13; bounds [MM spot fractions, MaxSpotRequirement].</summary>
    public double MinSpotRequirement { get; init; } = 0.13;
    /// <summary>MM spot fraction for a short call (Derive <c>mmCallSpotReq</c>). Default 0.09; bounds [0, MinSpotRequirement].</summary>
    public double MaintenanceCallSpotRequirement { get; init; } = 0.09;
    /// <summary>MM spot fraction for a short put (Derive <c>mmPutSpotReq</c>). Default 0.09; bounds [0, MinSpotRequirement].</summary>
    public double MaintenancePutSpotRequirement { get; init; } = 0.09;
    /// <summary>MM mark fraction for a short put (Derive <c>MMPutMtMReq</c>). Default 0.09; bounds [0, 1].</summary>
    public double MaintenancePutMarkRequirement { get; init; } = 0.09;
    /// <summary>Short-put IM is at least this multiple of its MM (Derive <c>mmOffsetScale</c>). Default 1.05; bounds [1, 2].</summary>
    public double MaintenanceOffsetScale { get; init; } = 1.05;
    /// <summary>Fraction of base collateral's spot value counted as margin collateral (Derive SRM <c>marginFactor</c>, ETH 0.8). Bounds [0, 1].</summary>
    public double BaseCollateralFactor { get; init; } = 0.8;

    /// <summary>Checks every bound and the cross-constraints that make IM ≥ MM hold for every position.</summary>
    public ParameterValidation Validate()
    {
        return MarginParameterChecks.First(
            MarginParameterChecks.InRange(nameof(MaxSpotRequirement), MaxSpotRequirement, 0, 1),
            MarginParameterChecks.InRange(nameof(MinSpotRequirement), MinSpotRequirement, 0, MaxSpotRequirement),
            // IM ≥ MM for calls needs minSpotReq ≥ mmCallSpotReq; for puts the 1.05·MM floor guarantees it.
            MarginParameterChecks.InRange(nameof(MaintenanceCallSpotRequirement), MaintenanceCallSpotRequirement, 0, MinSpotRequirement),
            MarginParameterChecks.InRange(nameof(MaintenancePutSpotRequirement), MaintenancePutSpotRequirement, 0, MinSpotRequirement),
            MarginParameterChecks.InRange(nameof(MaintenancePutMarkRequirement), MaintenancePutMarkRequirement, 0, 1),
            MarginParameterChecks.InRange(nameof(MaintenanceOffsetScale), MaintenanceOffsetScale, 1, 2),
            MarginParameterChecks.InRange(nameof(BaseCollateralFactor), BaseCollateralFactor, 0, 1));
    }
}
