namespace Ballast.Server.Hosting;

/// <summary>The host stopped after a ledger failure; its in-memory state is not trusted until a restart recovers it.</summary>
public sealed class VaultHostFaultedException(string fault) : Exception($"the vault host stopped: {fault}")
{
    public string Fault { get; } = fault;
}
