using Ballast.Engine.Parameters;

namespace Ballast.Engine.Margin;

/// <summary>
/// Governance parameters of <see cref="PortfolioMargin"/>. Sources: Derive PMRM mainnet config (derivexyz/v2-core
/// <c>scripts/config-mainnet.sol</c>, <c>getPMRMParams</c>): imFactor 1.25, volRangeUp 0.6, volRangeDown 0.3,
/// shortTermPower 0.3, longTermPower 0.13, dteFloor 1 day, option contingency optionPercent 0.02. Issue 7: core spot
/// grid ±18 % in 4.5 % steps. CME SPAN: extreme moves dampened (3× the scan range, 35 % of the loss). The remaining
/// values are Ballast's choices and say so.
/// </summary>
/// <remarks>
/// Tail design: two symmetric pairs of tail spot moves at <see cref="Tail1Multiple"/> × and <see cref="Tail2Multiple"/> ×
/// <see cref="SpotRange"/> (default ±36 % and ±54 %), each with vol unchanged and its PnL multiplied by a dampening weight
/// (default 0.5 and 0.35). The 3×/35 % pair is CME SPAN's extreme-move scenario; the 2×/50 % pair is Ballast's
/// interpolation between the core grid edge (weight 1) and the SPAN extreme. The dampening keeps far-tail convexity
/// (short wings) visible without making the tail the binding scenario for ordinary books.
/// </remarks>
public sealed record PortfolioMarginParameters
{
    /// <summary>Defaults described on the type.</summary>
    public static PortfolioMarginParameters Default { get; } = new();

    /// <summary>Largest core spot move (ratio, 0.18 = ±18 %). Issue 7 default; bounds [0.01, 0.5].</summary>
    public double SpotRange { get; init; } = 0.18;
    /// <summary>Step of the core spot grid (ratio). Issue 7 default 0.045; bounds [0.005, SpotRange], SpotRange/SpotStep a whole number ≤ 20.</summary>
    public double SpotStep { get; init; } = 0.045;
    /// <summary>First tail move as a multiple of <see cref="SpotRange"/>. Ballast default 2; bounds [1, 5], × SpotRange &lt; 1.</summary>
    public double Tail1Multiple { get; init; } = 2;
    /// <summary>Dampening weight of the first tail pair's PnL. Ballast default 0.5; bounds [0, 1] (0 disables the pair).</summary>
    public double Tail1Weight { get; init; } = 0.5;
    /// <summary>Second tail move as a multiple of <see cref="SpotRange"/>. CME SPAN extreme move: 3; bounds [1, 5], × SpotRange &lt; 1.</summary>
    public double Tail2Multiple { get; init; } = 3;
    /// <summary>Dampening weight of the second tail pair. CME SPAN extreme-move cover: 0.35; bounds [0, 1].</summary>
    public double Tail2Weight { get; init; } = 0.35;
    /// <summary>Vol-up range (Derive <c>volRangeUp</c>): multiplier 1 + this·(30d/max(T,floor))^p. Default 0.6; bounds [0, 5].</summary>
    public double VolRangeUp { get; init; } = 0.6;
    /// <summary>Vol-down range (Derive <c>volRangeDown</c>): multiplier max(0, 1 − this·(30d/max(T,floor))^p). Default 0.3; bounds [0, 1].</summary>
    public double VolRangeDown { get; init; } = 0.3;
    /// <summary>Exponent p for expiries ≤ 30 days (Derive <c>shortTermPower</c>). Default 0.3; bounds [0, 2].</summary>
    public double ShortTermPower { get; init; } = 0.3;
    /// <summary>Exponent p for expiries &gt; 30 days (Derive <c>longTermPower</c>). Default 0.13; bounds [0, 2].</summary>
    public double LongTermPower { get; init; } = 0.13;
    /// <summary>Floor of the time to expiry in the vol-shock ratio, days (Derive <c>dteFloor</c> = 1 day). Bounds [0.01, 30].</summary>
    public double DaysToExpiryFloor { get; init; } = 1;
    /// <summary>Multiplier of the worst loss in the maintenance requirement (mmFactor). Default 1; bounds [0.5, InitialFactor].</summary>
    public double MaintenanceFactor { get; init; } = 1.0;
    /// <summary>Multiplier of the worst loss in the initial requirement (Derive <c>imFactor</c> 1.25). Bounds [MaintenanceFactor, 3].</summary>
    public double InitialFactor { get; init; } = 1.25;
    /// <summary>Maintenance charge per naked short option as a fraction of spot. Ballast default 0.005; bounds [0, InitialNakedShortCharge].</summary>
    public double MaintenanceNakedShortCharge { get; init; } = 0.005;
    /// <summary>Initial contingency per naked short option as a fraction of spot (Derive <c>optionPercent</c> 0.02). Bounds [MaintenanceNakedShortCharge, 0.5].</summary>
    public double InitialNakedShortCharge { get; init; } = 0.02;
    /// <summary>Fraction of base collateral's spot value counted as collateral (unshocked; see README). Default 0.8; bounds [0, 1].</summary>
    public double BaseCollateralFactor { get; init; } = 0.8;

    /// <summary>Most scenarios a parameter set may produce (core grid × 3 vol directions + 4 tails).</summary>
    public const int MaxScenarios = 41 * 3 + 4;

    /// <summary>Number of core spot moves on each side of zero (SpotRange / SpotStep, rounded).</summary>
    public int StepsPerSide => (int)Math.Round(SpotRange / SpotStep);

    /// <summary>Number of scenarios <see cref="WriteScenarios"/> produces.</summary>
    public int ScenarioCount => (2 * StepsPerSide + 1) * 3 + (Tail1Weight > 0 ? 2 : 0) + (Tail2Weight > 0 ? 2 : 0);

    /// <summary>
    /// Writes the scenario grid into <paramref name="destination"/> (length ≥ <see cref="ScenarioCount"/>) and returns the count:
    /// core spot moves −range…+range in steps (each with vol up, unchanged, down), then the tail pairs (vol unchanged, dampened).
    /// Moves are computed as k·step (not by repeated addition) so the grid is exact to one rounding.
    /// </summary>
    public int WriteScenarios(Span<MarginScenario> destination)
    {
        int n = StepsPerSide, w = 0;
        for (int k = -n; k <= n; k++)
        {
            double move = k * SpotStep;
            destination[w++] = new MarginScenario(move, VolShockDirection.Up, 1.0);
            destination[w++] = new MarginScenario(move, VolShockDirection.None, 1.0);
            destination[w++] = new MarginScenario(move, VolShockDirection.Down, 1.0);
        }

        if (Tail1Weight > 0)
        {
            destination[w++] = new MarginScenario(-Tail1Multiple * SpotRange, VolShockDirection.None, Tail1Weight);
            destination[w++] = new MarginScenario(Tail1Multiple * SpotRange, VolShockDirection.None, Tail1Weight);
        }

        if (Tail2Weight > 0)
        {
            destination[w++] = new MarginScenario(-Tail2Multiple * SpotRange, VolShockDirection.None, Tail2Weight);
            destination[w++] = new MarginScenario(Tail2Multiple * SpotRange, VolShockDirection.None, Tail2Weight);
        }

        return w;
    }

    /// <summary>The scenario grid as a new array (see <see cref="WriteScenarios"/>).</summary>
    public MarginScenario[] BuildScenarios()
    {
        var result = new MarginScenario[ScenarioCount];
        WriteScenarios(result);
        return result;
    }

    /// <summary>
    /// Vol multiplier for a shock direction and time to expiry (years): up 1 + volRangeUp·(30d/max(T, floor))^p,
    /// down max(0, 1 − volRangeDown·(30d/max(T, floor))^p), p = ShortTermPower for T ≤ 30 days else LongTermPower (issue 7, Derive PMRM).
    /// </summary>
    public double VolMultiplier(VolShockDirection direction, double timeToExpiryYears)
    {
        if (direction == VolShockDirection.None) return 1.0;
        var (up, down) = VolMultipliers(timeToExpiryYears);
        return direction == VolShockDirection.Up ? up : down;
    }

    /// <summary>Both shocked multipliers (up, down) for one time to expiry in years, sharing the one power evaluation.</summary>
    public (double Up, double Down) VolMultipliers(double timeToExpiryYears)
    {
        const double thirtyDays = 30.0 / 365.0;
        double tau = Math.Max(timeToExpiryYears, DaysToExpiryFloor / 365.0);
        double power = timeToExpiryYears <= thirtyDays ? ShortTermPower : LongTermPower;
        double scale = Math.Pow(thirtyDays / tau, power);
        return (1.0 + VolRangeUp * scale, Math.Max(0.0, 1.0 - VolRangeDown * scale));
    }

    /// <summary>Checks every bound and cross-constraint (IM ≥ MM needs InitialFactor ≥ MaintenanceFactor and IM charge ≥ MM charge).</summary>
    public ParameterValidation Validate()
    {
        var first = MarginParameterChecks.First(
            MarginParameterChecks.InRange(nameof(SpotRange), SpotRange, 0.01, 0.5),
            MarginParameterChecks.InRange(nameof(SpotStep), SpotStep, 0.005, SpotRange),
            MarginParameterChecks.InRange(nameof(Tail1Multiple), Tail1Multiple, 1, Math.Min(5, 0.999 / SpotRange)),
            MarginParameterChecks.InRange(nameof(Tail1Weight), Tail1Weight, 0, 1),
            MarginParameterChecks.InRange(nameof(Tail2Multiple), Tail2Multiple, 1, Math.Min(5, 0.999 / SpotRange)),
            MarginParameterChecks.InRange(nameof(Tail2Weight), Tail2Weight, 0, 1),
            MarginParameterChecks.InRange(nameof(VolRangeUp), VolRangeUp, 0, 5),
            MarginParameterChecks.InRange(nameof(VolRangeDown), VolRangeDown, 0, 1),
            MarginParameterChecks.InRange(nameof(ShortTermPower), ShortTermPower, 0, 2),
            MarginParameterChecks.InRange(nameof(LongTermPower), LongTermPower, 0, 2),
            MarginParameterChecks.InRange(nameof(DaysToExpiryFloor), DaysToExpiryFloor, 0.01, 30),
            MarginParameterChecks.InRange(nameof(MaintenanceFactor), MaintenanceFactor, 0.5, 3),
            MarginParameterChecks.InRange(nameof(InitialFactor), InitialFactor, MaintenanceFactor, 3),
            MarginParameterChecks.InRange(nameof(MaintenanceNakedShortCharge), MaintenanceNakedShortCharge, 0, 0.5),
            MarginParameterChecks.InRange(nameof(InitialNakedShortCharge), InitialNakedShortCharge, MaintenanceNakedShortCharge, 0.5),
            MarginParameterChecks.InRange(nameof(BaseCollateralFactor), BaseCollateralFactor, 0, 1));
        if (!first.IsValid) return first;
        double steps = SpotRange / SpotStep;
        if (Math.Abs(steps - Math.Round(steps)) > 1e-9 || Math.Round(steps) > 20)
            return new(ParameterError.CrossConstraint, "SpotRange / SpotStep must be a whole number ≤ 20");
        return ParameterValidation.Valid;
    }
}
