namespace Ballast.Engine.Parameters;

/// <summary>Why a parameter value or a whole parameter set was rejected.</summary>
public enum ParameterError
{
    /// <summary>No rejection.</summary>
    None = 0,
    /// <summary>The name is not in <see cref="ParameterCatalog.All"/>.</summary>
    UnknownName,
    /// <summary>NaN or infinite.</summary>
    NotFinite,
    /// <summary>Below the documented minimum.</summary>
    BelowMinimum,
    /// <summary>Above the documented maximum.</summary>
    AboveMaximum,
    /// <summary>A whole number was required.</summary>
    NotInteger,
    /// <summary>A relation between parameters is broken (min ≤ max, 1x point before 2x point, ...).</summary>
    CrossConstraint,
}

/// <summary>A typed parameter rejection: the reason and a human-readable message.</summary>
/// <param name="Error">The reason; <see cref="ParameterError.None"/> means valid.</param>
/// <param name="Message">Human-readable explanation naming the parameter(s); null when valid.</param>
public readonly record struct ParameterValidation(ParameterError Error, string? Message)
{
    /// <summary>The "no problem" value.</summary>
    public static ParameterValidation Valid => new(ParameterError.None, null);

    /// <summary>True when <see cref="Error"/> is <see cref="ParameterError.None"/>.</summary>
    public bool IsValid => Error == ParameterError.None;
}
