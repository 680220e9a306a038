namespace Ballast.Engine.State;

/// <summary>
/// One part of a state snapshot: a stable name, the version its writer produces, and the pair that writes and reads
/// it. Each part of the engine's state (core, boards, accounts, and pool, hedge, margin as they are added) owns one
/// section, so adding state means adding one section (or bumping one section's version), never editing another's.
/// </summary>
/// <param name="Name">Stable section name (ASCII, ≤ 255 bytes), unique.</param>
/// <param name="Version">Version the writer produces; the reader gets the stored version and refuses newer ones.</param>
/// <param name="Write">Writes the section's state.</param>
/// <param name="Read">Reads it into a fresh state (given the stored section version); it must consume exactly the section's bytes.</param>
internal sealed record StateSnapshotSection(
    string Name, int Version, Action<VaultState, StateImageWriter> Write, Action<VaultState, StateImageReader, int> Read);
