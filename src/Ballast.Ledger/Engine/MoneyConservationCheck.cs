using Ballast.Engine.Events;
using Ballast.Engine.Markets;
using Ballast.Engine.Pool;
using Ballast.Engine.Pool.Events;
using Ballast.Engine.State;

namespace Ballast.Ledger.Engine;

/// <summary>The first event after which money did not add up.</summary>
/// <param name="Sequence">Ledger sequence of the event (or its 1-based position when replayed without a ledger).</param>
/// <param name="EventType">The event's type name.</param>
/// <param name="Asset">The asset that did not add up.</param>
/// <param name="Held">Σ of every balance of the asset the state holds (vault capital, accrued fees, traders' free and locked).</param>
/// <param name="NetDeposits">Net external deposits of the asset (capital and collateral deposits − collateral withdrawals).</param>
/// <param name="Message">One-line explanation.</param>
public sealed record MoneyConservationFailure(long Sequence, string EventType, Asset Asset, decimal Held, decimal NetDeposits, string Message);

/// <summary>
/// Jepsen's bank invariant on replay: after every event, for each asset, the sum of every balance the vault's
/// state holds equals the money that entered from outside minus the money that left, and no balance that cannot be
/// negative is negative. Feed it every event in ledger order with the state after that event.
/// </summary>
/// <remarks>
/// Balances: <see cref="VaultState.Capital"/> (LP capital and trading results), <see cref="VaultState.AccruedFees"/>
/// and each trader's free and locked money. External flows: <see cref="CapitalDeposited"/>,
/// <see cref="CollateralDeposited"/>, <see cref="CollateralWithdrawn"/>, <see cref="InsuranceFundDeposited"/> (the insurance
/// fund is counted in quote), hedge venue fees and funding (<see cref="HedgeFillBooked"/>, <see cref="HedgeFundingBooked"/>:
/// quote paid to, or received from, a venue), and the liquidity pool's LP flows (deposit requests and instant deposits in,
/// withdrawal payouts and refunds out; queued deposits are held apart from capital until processed); premiums, fees, collateral locks, liquidation penalties, insolvency cover and
/// settlement payouts (<see cref="BoardSettled"/>) move money between holders and must net to zero.
/// <see cref="VaultState.Apply(Event)"/> moves money in pairs, so the sum is conserved for any event unless decimal
/// rounding loses or invents dust (an amount with more digits than the sum can carry); an event Decide would never
/// emit — a trader paying more than it holds, a negative fee — shows up as a negative balance, i.e. money created
/// for the counterparty out of nothing. Traders' free and locked money and accrued fees must stay ≥ 0; vault capital
/// may go negative (an insolvent settlement), which the sum still accounts for.
/// </remarks>
public sealed class MoneyConservationCheck
{
    private readonly decimal[] _netDeposits = new decimal[2];
    private static readonly Asset[] Assets = [Asset.Quote, Asset.Base];

    /// <summary>Events observed.</summary>
    public long EventsChecked { get; private set; }

    /// <summary>The first failure, or null while money adds up.</summary>
    public MoneyConservationFailure? FirstFailure { get; private set; }

    /// <summary>True while no event has broken conservation.</summary>
    public bool Holds => FirstFailure is null;

    /// <summary>Net external deposits of <paramref name="asset"/> so far.</summary>
    public decimal NetDeposits(Asset asset) => _netDeposits[(int)asset];

    /// <summary>
    /// Records the external flow of <paramref name="e"/> and checks <paramref name="stateAfter"/>. Returns false
    /// (and keeps only the first failure) when money does not add up.
    /// </summary>
    /// <param name="sequence">Ledger sequence of the event, for the report.</param>
    /// <param name="e">The event just applied.</param>
    /// <param name="stateAfter">The state after applying it.</param>
    public bool Observe(long sequence, Event e, VaultState stateAfter)
    {
        switch (e)
        {
            case CapitalDeposited c: _netDeposits[(int)c.Asset] += c.Amount; break;
            case CollateralDeposited d: _netDeposits[(int)d.Asset] += d.Amount; break;
            case CollateralWithdrawn w: _netDeposits[(int)w.Asset] -= w.Amount; break;
            case InsuranceFundDeposited f: _netDeposits[(int)Asset.Quote] += f.Amount; break;
            case PoolEvent p: _netDeposits[(int)Asset.Quote] += LpCashFlow.QuoteIn(p); break;
            // Hedge venue fees and funding leave the vault to the venue (funding received enters: a negative amount).
            case HedgeFillBooked h: _netDeposits[(int)Asset.Quote] -= h.Fee; break;
            case HedgeFundingBooked h: _netDeposits[(int)Asset.Quote] -= h.Amount; break;
        }

        EventsChecked++;
        if (FirstFailure is not null) return false;
        var failure = Check(sequence, e, stateAfter);
        if (failure is null) return true;
        FirstFailure = failure;
        return false;
    }

    private MoneyConservationFailure? Check(long sequence, Event e, VaultState s)
    {
        string type = e.GetType().Name;
        foreach (var asset in Assets)
        {
            // The insurance fund is quote the vault holds apart from LP capital (margin liquidations, issue 7).
            decimal held = s.Capital(asset) + s.AccruedFees(asset) + (asset == Asset.Quote ? s.InsuranceFund : 0m);
            // LP deposits waiting in the pool's queues are quote the vault holds outside capital (issue 5).
            if (asset == Asset.Quote) held += s.Pool?.QueuedDepositTotal ?? 0m;
            if (s.AccruedFees(asset) < 0m)
                return Fail(asset, held, $"accrued {asset} fees are negative ({s.AccruedFees(asset)})");
            foreach (var account in s.Accounts.Values)
            {
                decimal free = account.Free(asset), locked = account.Locked(asset);
                // A margin-mode account may owe quote (a settled loss not yet liquidated): a debt the sum still counts.
                // A full-collateral account never may, so a negative balance there is money created from nothing.
                if (locked < 0m || (free < 0m && !account.UsesMargin))
                    return Fail(asset, held, $"account '{account.Id.Value}' holds {free} free / {locked} locked {asset}: a negative balance is money created for someone else");
                held += free + locked;
            }

            decimal net = _netDeposits[(int)asset];
            if (held != net)
                return Fail(asset, held, $"{asset} held {held} ≠ net external deposits {net} (difference {held - net})");

            MoneyConservationFailure Fail(Asset a, decimal h, string why) =>
                new(sequence, type, a, h, _netDeposits[(int)a], $"money not conserved after sequence {sequence} ({type}): {why}");
        }

        return null;
    }
}
