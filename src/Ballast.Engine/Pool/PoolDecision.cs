using Ballast.Engine.Pool.Events;

namespace Ballast.Engine.Pool;

/// <summary>The outcome of a pool decision: events to journal and apply in order, or a <see cref="PoolRejection"/>.
/// An accepted decision may carry no events (e.g. processing found nothing due).</summary>
public sealed class PoolDecision
{
    private static readonly PoolEvent[] NoEvents = [];

    private PoolDecision(IReadOnlyList<PoolEvent> events, PoolRejection? rejection)
    {
        Events = events;
        Rejection = rejection;
    }

    /// <summary>Events in application order (empty when rejected).</summary>
    public IReadOnlyList<PoolEvent> Events { get; }

    /// <summary>The refusal, or null when accepted.</summary>
    public PoolRejection? Rejection { get; }

    /// <summary>True when accepted.</summary>
    public bool IsAccepted => Rejection is null;

    /// <summary>An accepted decision.</summary>
    public static PoolDecision Accept(IReadOnlyList<PoolEvent> events) => new(events, null);

    /// <summary>An accepted decision with one event.</summary>
    public static PoolDecision Accept(PoolEvent e) => new([e], null);

    /// <summary>A refusal.</summary>
    public static PoolDecision Reject(PoolRejectionReason reason, string message) => new(NoEvents, new PoolRejection(reason, message));

    /// <inheritdoc />
    public override string ToString() => IsAccepted ? $"accepted ({Events.Count} events)" : $"rejected {Rejection}";
}
