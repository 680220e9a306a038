namespace Ballast.Ledger;
/// <summary>Marker for the ledger assembly (the durable event store lands here).</summary>
public static class LedgerAssembly { }
