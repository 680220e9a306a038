using Ballast.Engine.Events;
using Ballast.Engine.Markets;

namespace Ballast.Engine.State;

/// <summary>Margin-side state: running liquidation auctions and the application of auction and insolvency events.</summary>
public sealed partial class VaultState
{
    private readonly Dictionary<AccountId, LiquidationAuctionState> _auctions = [];

    /// <summary>Running liquidation auctions by auctioned account.</summary>
    public IReadOnlyDictionary<AccountId, LiquidationAuctionState> Auctions => _auctions;

    /// <summary>True while <paramref name="account"/> is being auctioned (it may not trade or withdraw).</summary>
    public bool IsInAuction(AccountId account) => _auctions.Count > 0 && _auctions.ContainsKey(account);

    private void ApplyMarginEvent(Event e)
    {
        switch (e)
        {
            case LiquidationAuctionStarted s: _auctions.Add(s.Account, new LiquidationAuctionState(s.Time, s.Insolvent)); break;
            case LiquidationAuctionEnded x: _auctions.Remove(x.Account); break;
            case AuctionBidFilled b: ApplyAuctionBid(b); break;
            case InsolvencyCovered i: ApplyInsolvencyCover(i); break;
            default: throw new InvalidOperationException($"not a margin event: {e.GetType().Name}");
        }
    }

    /// <summary>Positions and collateral move between two traders; the vault's positions and Greek cache are unchanged.</summary>
    private void ApplyAuctionBid(AuctionBidFilled b)
    {
        var account = _accounts[b.Account];
        var bidder = GetOrAddAccount(b.Bidder);
        foreach (var change in b.Transferred)
        {
            account.AddToPosition(change.Series, change.TraderChange);
            bidder.AddToPosition(change.Series, -change.TraderChange);
        }

        account.AddFree(Asset.Quote, b.Payment - b.TakenQuote);
        account.AddFree(Asset.Base, -b.TakenBase);
        bidder.AddFree(Asset.Quote, b.TakenQuote - b.Payment + b.InsurancePayout + b.SocialisedLoss);
        bidder.AddFree(Asset.Base, b.TakenBase);
        InsuranceFund -= b.InsurancePayout;
        _capital[(int)Asset.Quote] -= b.SocialisedLoss;
        if (b.EndsAuction) _auctions.Remove(b.Account);
    }

    /// <summary>Seized base goes to the vault's capital against quote; the fund and the LPs pay the rest of the deficit.</summary>
    private void ApplyInsolvencyCover(InsolvencyCovered i)
    {
        var account = _accounts[i.Account];
        account.AddFree(Asset.Base, -i.BaseSeized);
        _capital[(int)Asset.Base] += i.BaseSeized;
        _capital[(int)Asset.Quote] -= i.BaseSeizedValue + i.SocialisedLoss;
        InsuranceFund -= i.InsurancePayout;
        account.AddFree(Asset.Quote, i.Shortfall);
    }

    // ---- snapshot section "auctions" (see VaultState.Snapshot): running liquidation auctions, in dictionary order ----

    private void WriteAuctionsSection(StateImageWriter w)
    {
        w.Int(_auctions.Count);
        foreach (var (account, auction) in _auctions) { w.String(account.Value); w.Long(auction.StartedAt); w.Bool(auction.Insolvent); }
    }

    private void ReadAuctionsSection(StateImageReader r)
    {
        // An entry is at least a length prefix, the start time and the flag: 4 + 8 + 1 bytes.
        for (int i = r.Count(13); i > 0; i--)
        {
            var account = new AccountId(r.String());
            // Bids and the end look the account up; the writer puts "accounts" before "auctions", so it is already read.
            if (!_accounts.ContainsKey(account)) throw new StateImageReader.Malformed($"auction of unknown account '{account.Value}'");
            _auctions.Add(account, new LiquidationAuctionState(r.Long(), r.Bool()));
        }
    }
}
