namespace Ballast.Engine.Pool.Events;

/// <summary>
/// Several pool facts decided by one engine command (a queue-processing run, or a target reset before an instant
/// deposit), journaled as one engine event because an engine decision carries at most three events. Applying it
/// applies <paramref name="Changes"/> in order; a batch never nests another batch.
/// </summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Changes">The pool events, in the order they were decided.</param>
public sealed record PoolEventBatch(long Time, IReadOnlyList<PoolEvent> Changes) : PoolEvent(Time);
