namespace Ballast.Engine.Hedging;

/// <summary>
/// A vault's hedge-policy choice: the kind and the parameters of that kind (the others may be null). Governance
/// stores one of these per vault; <see cref="TryCreatePolicy"/> validates it and builds the policy.
/// </summary>
/// <param name="Kind">The selected policy.</param>
public sealed record HedgePolicySettings(HedgePolicyKind Kind)
{
    /// <summary>Parameters used when <see cref="Kind"/> is <see cref="HedgePolicyKind.Lyra"/>.</summary>
    public LyraHedgeParameters? Lyra { get; init; }
    /// <summary>Parameters used when <see cref="Kind"/> is <see cref="HedgePolicyKind.WhalleyWilmott"/>.</summary>
    public WhalleyWilmottParameters? WhalleyWilmott { get; init; }
    /// <summary>Parameters used when <see cref="Kind"/> is <see cref="HedgePolicyKind.TimeBased"/>.</summary>
    public TimeBasedHedgeParameters? TimeBased { get; init; }
    /// <summary>Parameters used when <see cref="Kind"/> is <see cref="HedgePolicyKind.GammaAware"/>.</summary>
    public GammaAwareHedgeParameters? GammaAware { get; init; }

    /// <summary>Settings for one kind with its default parameters.</summary>
    public static HedgePolicySettings Default(HedgePolicyKind kind) => new(kind)
    {
        Lyra = kind == HedgePolicyKind.Lyra ? new() : null,
        WhalleyWilmott = kind == HedgePolicyKind.WhalleyWilmott ? new() : null,
        TimeBased = kind == HedgePolicyKind.TimeBased ? new() : null,
        GammaAware = kind == HedgePolicyKind.GammaAware ? new() : null,
    };

    /// <summary>Validates the selected kind's parameters and builds its policy; null policy on rejection.</summary>
    public HedgeParameterValidation TryCreatePolicy(out IHedgePolicy? policy)
    {
        policy = null;
        var validation = Kind switch
        {
            HedgePolicyKind.Lyra => Lyra?.Validate(),
            HedgePolicyKind.WhalleyWilmott => WhalleyWilmott?.Validate(),
            HedgePolicyKind.TimeBased => TimeBased?.Validate(),
            HedgePolicyKind.GammaAware => GammaAware?.Validate(),
            _ => null,
        };
        if (validation is null)
            return new(HedgeParameterError.MissingParameters, $"no parameters for hedge policy '{Kind}'");
        if (!validation.Value.IsValid) return validation.Value;

        policy = Kind switch
        {
            HedgePolicyKind.Lyra => new LyraHedgePolicy(Lyra!),
            HedgePolicyKind.WhalleyWilmott => new WhalleyWilmottHedgePolicy(WhalleyWilmott!),
            HedgePolicyKind.TimeBased => new TimeBasedHedgePolicy(TimeBased!),
            _ => new GammaAwareHedgePolicy(GammaAware!),
        };
        return HedgeParameterValidation.Valid;
    }
}
