namespace Ballast.Engine.Margin;

/// <summary>Why a margin calculation's inputs were rejected (typed rejection; nothing is computed).</summary>
public enum MarginInputError
{
    /// <summary>Inputs are valid.</summary>
    None = 0,
    /// <summary>Spot is not a finite number in (0, <see cref="MarginInputs.MaxPrice"/>].</summary>
    InvalidSpot,
    /// <summary>Rate or dividend yield is not finite or outside [−1, 1] per year.</summary>
    InvalidRate,
    /// <summary>A strike is not a finite number in (0, <see cref="MarginInputs.MaxPrice"/>].</summary>
    InvalidStrike,
    /// <summary>A time to expiry is not a finite number in (0, 10] years.</summary>
    InvalidExpiry,
    /// <summary>A quantity is not finite or its magnitude exceeds <see cref="MarginInputs.MaxQuantity"/>.</summary>
    InvalidQuantity,
    /// <summary>A mark is negative, not finite or above <see cref="MarginInputs.MaxPrice"/>.</summary>
    InvalidMark,
    /// <summary>A vol is not a finite number in (0, 10].</summary>
    InvalidVol,
    /// <summary>Base collateral is negative.</summary>
    NegativeBaseCollateral,
    /// <summary>More positions than <see cref="MarginInputs.MaxPositions"/>.</summary>
    TooManyPositions,
}

/// <summary>A typed margin-input rejection: reason, offending position index (or −1) and a human-readable message.</summary>
/// <param name="Error">The reason; <see cref="MarginInputError.None"/> means valid.</param>
/// <param name="PositionIndex">Index of the offending position, −1 when the problem is not a position.</param>
/// <param name="Message">Human-readable explanation; null when valid.</param>
public readonly record struct MarginInputValidation(MarginInputError Error, int PositionIndex, string? Message)
{
    /// <summary>The "no problem" value.</summary>
    public static MarginInputValidation Valid => new(MarginInputError.None, -1, null);

    /// <summary>True when <see cref="Error"/> is <see cref="MarginInputError.None"/>.</summary>
    public bool IsValid => Error == MarginInputError.None;
}
