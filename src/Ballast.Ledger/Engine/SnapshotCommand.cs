namespace Ballast.Ledger.Engine;

/// <summary>A caller-keyed command covered by a snapshot: its ledger idempotency key and the records it appended.</summary>
/// <param name="IdempotencyKey">The key as stored on the records (scoped key ‖ '#' ‖ fingerprint, see <see cref="Hosting.IdempotencyKeys"/>).</param>
/// <param name="FirstSequence">First record of the command.</param>
/// <param name="LastSequence">Last record of the command (≤ the snapshot's sequence).</param>
public readonly record struct SnapshotCommand(string IdempotencyKey, long FirstSequence, long LastSequence);
