namespace Ballast.Engine.Pool;

/// <summary>A typed refusal by the pool: the reason and a message for humans.</summary>
/// <param name="Reason">Why.</param>
/// <param name="Message">Explanation naming the offending input.</param>
public sealed record PoolRejection(PoolRejectionReason Reason, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Reason}: {Message}";
}
