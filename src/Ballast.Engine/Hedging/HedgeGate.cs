namespace Ballast.Engine.Hedging;

/// <summary>
/// Trade gating by hedge health, after Lyra v1's <c>canHedge</c> (derivexyz/v1-core, contracts/SNXPerpsV2PoolHedger.sol,
/// commit ea9e36ab): a trade that reduces the vault's unhedged delta is always allowed; one that increases it is
/// refused while the vault is under-hedged (hedging is impossible, so the new risk could not be laid off).
/// </summary>
public static class HedgeGate
{
    /// <summary>
    /// True when the trade may proceed. Unhedged delta = option delta + hedge; the trade is risk-increasing when it
    /// makes |unhedged delta| larger. Non-finite inputs are refused (false): a trade must not pass on bad numbers.
    /// </summary>
    /// <param name="health">Current hedge health.</param>
    /// <param name="netOptionDelta">Vault's option delta before the trade, units of underlying.</param>
    /// <param name="currentHedge">Vault's hedge position, units of underlying.</param>
    /// <param name="tradeDelta">Change of the vault's option delta the trade causes, units of underlying.</param>
    public static bool CanHedge(HedgeHealth health, double netOptionDelta, double currentHedge, double tradeDelta)
    {
        if (!double.IsFinite(netOptionDelta) || !double.IsFinite(currentHedge) || !double.IsFinite(tradeDelta)) return false;
        if (!health.IsUnderHedged) return true;
        double before = Math.Abs(netOptionDelta + currentHedge);
        double after = Math.Abs(netOptionDelta + tradeDelta + currentHedge);
        return after <= before;
    }
}
