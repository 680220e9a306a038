namespace Ballast.Cluster.Contracts;

/// <summary>A consistent read of a vault grain.</summary>
/// <param name="VaultId">Grain key and ledger stream id.</param>
/// <param name="Head">Ledger sequence of the last durable event.</param>
/// <param name="StateVersion">The engine state's version.</param>
/// <param name="StateHash">The engine's canonical SHA-256 state hash (hex).</param>
/// <param name="Silo">Address of the silo hosting the activation (shows placement).</param>
/// <param name="Fault">Why the host stopped taking commands, or null while healthy.</param>
[GenerateSerializer, Immutable]
public sealed record VaultStatus(
    [property: Id(0)] string VaultId, [property: Id(1)] long Head, [property: Id(2)] long StateVersion, [property: Id(3)] string StateHash,
    [property: Id(4)] string Silo, [property: Id(5)] string? Fault);
