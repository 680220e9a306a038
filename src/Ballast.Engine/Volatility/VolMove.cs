namespace Ballast.Engine.Volatility;

/// <summary>The board base IV and strike skew after a trade (or one piece of it), and whether a bound is broken.</summary>
/// <param name="NewBaseIv">Board base IV after the move (annualised decimal).</param>
/// <param name="NewSkew">Strike skew multiplier after the move.</param>
/// <param name="NewVol">NewBaseIv · NewSkew: the vol the trade (piece) is priced at (annualised decimal).</param>
/// <param name="Violation">The first broken bound, <see cref="VolBoundViolation.None"/> when the move is allowed.
/// When it is <see cref="VolBoundViolation.InvalidInput"/> the other fields echo the inputs and must not be used.</param>
public readonly record struct VolMove(double NewBaseIv, double NewSkew, double NewVol, VolBoundViolation Violation)
{
    /// <summary>True when no bound is broken.</summary>
    public bool IsAllowed => Violation == VolBoundViolation.None;
}
