using Ballast.Engine.Events;

namespace Ballast.Engine;

/// <summary>
/// The outcome of <see cref="Vault.Decide"/>: one to three events (a parameter activation may precede the command's
/// own events; a liquidation may be followed by its insolvency cover) or a <see cref="Rejection"/>. A struct so that deciding allocates nothing beyond the events.
/// </summary>
public readonly struct Decision
{
    private readonly Event? _first;
    private readonly Event? _second;
    private readonly Event? _third;

    private Decision(Event? first, Event? second, Rejection? rejection, Event? third = null)
    {
        _first = first;
        _second = second;
        _third = third;
        Rejection = rejection;
    }

    /// <summary>The refusal, or null when accepted.</summary>
    public Rejection? Rejection { get; }

    /// <summary>True when the command was accepted.</summary>
    public bool IsAccepted => Rejection is null;

    /// <summary>Number of events (0 when rejected).</summary>
    public int EventCount => _first is null ? 0 : _second is null ? 1 : _third is null ? 2 : 3;

    /// <summary>The i-th event, in application order.</summary>
    public Event this[int index] => index switch
    {
        0 when _first is not null => _first,
        1 when _second is not null => _second,
        2 when _third is not null => _third,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>The command's own event (the last one); throws when rejected.</summary>
    public Event Event => _third ?? _second ?? _first ?? throw new InvalidOperationException($"rejected: {Rejection}");

    /// <summary>The events as a new array (allocates; for tests and ledgers).</summary>
    public Event[] ToArray() => EventCount switch { 0 => [], 1 => [_first!], 2 => [_first!, _second!], _ => [_first!, _second!, _third!] };

    /// <summary>An accepted decision, with a parameter activation first when one is due.</summary>
    public static Decision Accept(Event e, Event? activation = null) => activation is null ? new(e, null, null) : new(activation, e, null);

    /// <summary>Two events applied in this order.</summary>
    public static Decision AcceptPair(Event first, Event second) => new(first, second, null);

    /// <summary>A command's event followed by an optional consequence (<paramref name="then"/>), with a parameter activation first when one is due.</summary>
    public static Decision Accept(Event e, Event? then, Event? activation)
    {
        if (then is null) return Accept(e, activation);
        return activation is null ? new(e, then, null) : new(activation, e, null, then);
    }

    /// <summary>A refusal.</summary>
    public static Decision Reject(RejectionReason reason, string message) => new(null, null, new Rejection(reason, message));

    /// <summary>A refusal.</summary>
    public static Decision Reject(Rejection rejection) => new(null, null, rejection);

    /// <inheritdoc />
    public override string ToString() => IsAccepted ? $"accepted {Event.GetType().Name}" : $"rejected {Rejection}";
}
