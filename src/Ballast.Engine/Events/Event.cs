namespace Ballast.Engine.Events;

/// <summary>
/// A fact the vault accepted. <see cref="State.VaultState.Apply(Event)"/> is the only way state changes, and it
/// depends on nothing but the event and the state, so replaying the same events gives the same state hash.
/// </summary>
/// <param name="Time">When the deciding command was accepted, Unix seconds.</param>
public abstract record Event(long Time);
