namespace Ballast.Engine.Hedging;

/// <summary>Why a hedge-policy parameter set was rejected.</summary>
public enum HedgeParameterError
{
    /// <summary>Valid.</summary>
    None = 0,
    /// <summary>NaN (or infinite where a finite value is required).</summary>
    NotFinite,
    /// <summary>Negative where only ≥ 0 makes sense.</summary>
    Negative,
    /// <summary>Zero or negative where only &gt; 0 makes sense.</summary>
    NotPositive,
    /// <summary>A ratio outside its allowed interval (e.g. a hedge fraction outside (0, 1]).</summary>
    OutOfRange,
    /// <summary>The parameters for the selected <see cref="HedgePolicyKind"/> are missing, or the kind is unknown.</summary>
    MissingParameters,
}

/// <summary>A typed hedge-parameter rejection: the reason and a message naming the parameter.</summary>
/// <param name="Error">The reason; <see cref="HedgeParameterError.None"/> means valid.</param>
/// <param name="Message">Human-readable explanation; empty when valid.</param>
public readonly record struct HedgeParameterValidation(HedgeParameterError Error, string Message)
{
    /// <summary>The "no problem" value.</summary>
    public static HedgeParameterValidation Valid => new(HedgeParameterError.None, "");

    /// <summary>True when <see cref="Error"/> is <see cref="HedgeParameterError.None"/>.</summary>
    public bool IsValid => Error == HedgeParameterError.None;

    /// <summary>First failing check of (condition, error, message) triples, in order; valid when none fails.</summary>
    internal static HedgeParameterValidation FirstFailure(params ReadOnlySpan<(bool Failed, HedgeParameterError Error, string Message)> checks)
    {
        foreach (var (failed, error, message) in checks)
            if (failed) return new(error, message);
        return Valid;
    }

    /// <summary>A cap: finite and ≥ 0.</summary>
    internal static (bool, HedgeParameterError, string)[] Cap(string name, double value) =>
    [
        (double.IsNaN(value) || double.IsInfinity(value), HedgeParameterError.NotFinite, $"{name} must be finite, got {value}"),
        (value < 0, HedgeParameterError.Negative, $"{name} must be >= 0, got {value}"),
    ];

    /// <summary>A maximum order size: &gt; 0, +∞ allowed (no per-order cap).</summary>
    internal static (bool, HedgeParameterError, string)[] MaxOrder(double value) =>
    [
        (double.IsNaN(value), HedgeParameterError.NotFinite, $"max order size must not be NaN"),
        (!(value > 0), HedgeParameterError.NotPositive, $"max order size must be > 0, got {value}"),
    ];
}
