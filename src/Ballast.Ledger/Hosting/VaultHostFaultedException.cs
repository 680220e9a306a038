namespace Ballast.Ledger.Hosting;

/// <summary>The host stopped after a ledger failure; its in-memory state is not trusted until a restart recovers it.</summary>
public sealed class VaultHostFaultedException(string fault) : Exception($"the vault host stopped: {fault}")
{
    /// <summary>The ledger failure that stopped the host, in one line.</summary>
    public string Fault { get; } = fault;
}
