namespace Ballast.Engine;

/// <summary>A typed refusal: the reason and a message for humans.</summary>
/// <param name="Reason">Why.</param>
/// <param name="Message">Explanation naming the offending input.</param>
public sealed record Rejection(RejectionReason Reason, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Reason}: {Message}";
}
