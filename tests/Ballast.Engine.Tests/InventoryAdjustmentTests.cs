using Ballast.Engine.Parameters;
using Ballast.Engine.Quoting;
using FsCheck.Xunit;

namespace Ballast.Engine.Tests;

public class InventoryAdjustmentTests
{
    // γ_Δ = 1e-4, γ_V = 1e-3, σ_S = 0.8, σ_V = 60 vol points/√yr, h = 1 day = 1/365 year
    private static readonly VaultParameters On = VaultParameters.Default with
    {
        DeltaRiskAversion = 1e-4,
        VegaRiskAversion = 1e-3,
        SpotVolatility = 0.8,
        VolOfVol = 60,
        InventoryHorizon = 86_400,
    };

    [Fact]
    public void Adding_delta_risk_is_charged_by_the_change_in_the_quadratic_penalty()
    {
        // ½·1e-4·0.8²·2000²·(1/365) = 128/365 per Δ²; Δ 10 → 20: (400 − 100)·128/365 = 38,400/365 = 105.2054794520548
        double charge = InventoryAdjustment.Compute(10, 20, 0, 0, 2_000, On);
        Assert.Equal(38_400.0 / 365, charge, 1e-12);
    }

    [Fact]
    public void Reducing_vega_risk_earns_a_discount()
    {
        // ½·1e-3·60²·(1/365) = 1.8/365 per V²; V −500 → −300: (90,000 − 250,000)·1.8/365 = −288,000/365 = −789.04…
        double charge = InventoryAdjustment.Compute(0, 0, -500, -300, 2_000, On);
        Assert.Equal(-288_000.0 / 365, charge, 1e-10);
    }

    [Fact]
    public void Delta_and_vega_charges_add()
    {
        double both = InventoryAdjustment.Compute(10, 20, -500, -300, 2_000, On);
        Assert.Equal((38_400.0 - 288_000.0) / 365, both, 1e-10);
    }

    [Fact]
    public void Charge_equals_post_penalty_minus_pre_penalty()
    {
        double pre = InventoryAdjustment.Penalty(-3, 120, 1_500, On);
        double post = InventoryAdjustment.Penalty(4, -80, 1_500, On);
        Assert.Equal(post - pre, InventoryAdjustment.Compute(-3, 4, 120, -80, 1_500, On), 1e-12);
    }

    [Fact]
    public void Reservation_shift_is_Avellaneda_Stoikov_minus_q_gamma_sigma_squared_tau()
    {
        // r − s = −q·γ·(σ_S·S)²·h = −10·1e-4·(0.8·2000)²/365 = −2560/365
        Assert.Equal(-2_560.0 / 365, InventoryAdjustment.ReservationShiftPerUnitDelta(10, 2_000, On), 1e-12);
    }

    [Property(MaxTest = 300)]
    public void Is_zero_when_both_risk_aversions_are_zero(int preDelta, int postDelta, int preVega, int postVega, ushort spot)
    {
        Assert.Equal(0.0, InventoryAdjustment.Compute(preDelta, postDelta, preVega, postVega, spot, VaultParameters.Default));
    }

    [Property(MaxTest = 300)]
    public void A_risk_reducing_trade_never_costs_extra(int preDelta, short deltaShrink, int preVega, short vegaShrink, ushort spot, byte gammaD, byte gammaV)
    {
        // post = pre·k with |k| ≤ 1 reduces (or keeps) |Δ| and |V|
        double postDelta = preDelta * (deltaShrink / 32_768.0);
        double postVega = preVega * (vegaShrink / 32_768.0);
        var p = On with { DeltaRiskAversion = gammaD / 1e4, VegaRiskAversion = gammaV / 1e4 };
        Assert.True(InventoryAdjustment.Compute(preDelta, postDelta, preVega, postVega, 1 + spot, p) <= 0);
    }

    [Property(MaxTest = 300)]
    public void A_risk_increasing_trade_never_earns_a_discount(int postDelta, short deltaShrink, int postVega, short vegaShrink, ushort spot, byte gammaD, byte gammaV)
    {
        double preDelta = postDelta * (deltaShrink / 32_768.0);
        double preVega = postVega * (vegaShrink / 32_768.0);
        var p = On with { DeltaRiskAversion = gammaD / 1e4, VegaRiskAversion = gammaV / 1e4 };
        Assert.True(InventoryAdjustment.Compute(preDelta, postDelta, preVega, postVega, 1 + spot, p) >= 0);
    }
}
