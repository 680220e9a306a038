using Ballast.Engine.Accounting;
using Ballast.Engine.Commands;
using Ballast.Engine.Events;
using Ballast.Engine.Hedging;
using Ballast.Engine.Markets;
using Ballast.Engine.State;

namespace Ballast.Engine;

/// <summary>
/// Issue 6 hedge accounting inside the vault: fills, funding and hedge health become the vault's own events. Venue I/O
/// stays outside (the host runs <see cref="HedgeRouter.Execute"/> and books its outcome with these commands), so the
/// ledger holds every hedge fact and a replay rebuilds the same hedge book.
/// </summary>
public static partial class Vault
{
    /// <summary>Longest venue id, characters.</summary>
    public const int MaxVenueIdLength = 64;

    /// <summary>Largest |hedge position| on one venue and largest |fill|, units of underlying.</summary>
    public const decimal MaxHedgeQuantity = 1_000_000_000m;

    private const int MaxOrderIdLength = 128, MaxHealthMessageLength = 1_000;
    private const decimal MaxHedgePrice = 1_000_000_000_000m, MaxHedgeMoney = 1_000_000_000_000_000m;

    private static Decision DecideHedge(VaultState state, Command command, long now, Event? activation) => command switch
    {
        BookHedgeFill f => DecideHedgeFill(state, f, now, activation),
        BookHedgeFunding f => DecideHedgeFunding(state, f, now, activation),
        _ => DecideHedgeHealth(state, (ReportHedgeHealth)command, now, activation),
    };

    private static Decision DecideHedgeFill(VaultState state, BookHedgeFill c, long now, Event? activation)
    {
        if (c.By.Role is not (Role.Keeper or Role.Admin)) return Unauthorized(c.By, "book hedge fills");
        if (CheckVenueId(c.VenueId) is { } badVenue) return badVenue;
        if (c.OrderId is null || c.OrderId.Length > MaxOrderIdLength)
            return Decision.Reject(RejectionReason.InvalidInput, $"order id must be given and at most {MaxOrderIdLength} characters");
        if (c.Quantity == 0m || Math.Abs(c.Quantity) > MaxHedgeQuantity || !Money.FitsDecimals(c.Quantity, HedgeMoney.Decimals))
            return Decision.Reject(RejectionReason.InvalidSize, $"hedge quantity {c.Quantity} must be non-zero, |q| ≤ {MaxHedgeQuantity}, with at most {HedgeMoney.Decimals} decimals");
        if (c.Price <= 0m || c.Price > MaxHedgePrice || !Money.FitsDecimals(c.Price, HedgeMoney.Decimals))
            return Decision.Reject(RejectionReason.InvalidInput, $"fill price {c.Price} must be in (0, {MaxHedgePrice}] with at most {HedgeMoney.Decimals} decimals");
        if (c.Fee < 0m || c.Fee > MaxHedgeMoney)
            return Decision.Reject(RejectionReason.InvalidInput, $"fee {c.Fee} must be in [0, {MaxHedgeMoney}]");
        decimal after = state.Hedges.PositionOn(c.VenueId).Quantity + c.Quantity;
        if (Math.Abs(after) > MaxHedgeQuantity)
            return Decision.Reject(RejectionReason.InvalidSize, $"position on {c.VenueId} would be {after}, beyond ±{MaxHedgeQuantity}");

        // A venue fee is a cost to the vault: booked at the quote decimals rounded up, never flattering the hedge (HedgeMoney's rule).
        decimal fee = RoundUp(c.Fee, state.Market!.QuoteDecimals);
        if (state.Capital(Asset.Quote) - fee < 0m && fee > 0m)
            return Decision.Reject(RejectionReason.InsufficientLiquidity, $"the vault's quote capital {state.Capital(Asset.Quote)} cannot pay the hedge fee {fee}");
        return Decision.Accept(new HedgeFillBooked(now, c.VenueId, c.OrderId, c.Quantity, c.Price, fee), activation);
    }

    private static Decision DecideHedgeFunding(VaultState state, BookHedgeFunding c, long now, Event? activation)
    {
        if (c.By.Role is not (Role.Keeper or Role.Admin)) return Unauthorized(c.By, "book hedge funding");
        if (CheckVenueId(c.VenueId) is { } badVenue) return badVenue;
        if (!state.Hedges.Venues.ContainsKey(c.VenueId))
            return Decision.Reject(RejectionReason.InvalidInput, $"no hedge was booked on venue '{c.VenueId}'; funding needs a position");
        if (!double.IsFinite(c.RatePerYear)) return Decision.Reject(RejectionReason.InvalidInput, $"funding rate {c.RatePerYear} must be finite");
        if (c.Amount == 0m || Math.Abs(c.Amount) > MaxHedgeMoney)
            return Decision.Reject(RejectionReason.InvalidInput, $"funding amount {c.Amount} must be non-zero with |amount| ≤ {MaxHedgeMoney}");
        decimal amount = RoundUp(c.Amount, state.Market!.QuoteDecimals);
        if (amount > 0m && state.Capital(Asset.Quote) - amount < 0m)
            return Decision.Reject(RejectionReason.InsufficientLiquidity, $"the vault's quote capital {state.Capital(Asset.Quote)} cannot pay funding {amount}");
        return amount == 0m
            ? Decision.Reject(RejectionReason.InvalidInput, $"funding amount {c.Amount} rounds to zero at {state.Market!.QuoteDecimals} decimals")
            : Decision.Accept(new HedgeFundingBooked(now, c.VenueId, amount, c.RatePerYear), activation);
    }

    private static Decision DecideHedgeHealth(VaultState state, ReportHedgeHealth c, long now, Event? activation)
    {
        if (c.By.Role is not (Role.Keeper or Role.Admin)) return Unauthorized(c.By, "report hedge health");
        if (!Enum.IsDefined(c.Status) || !Enum.IsDefined(c.Reason))
            return Decision.Reject(RejectionReason.InvalidInput, $"unknown hedge status {c.Status} or reason {c.Reason}");
        if ((c.Status == HedgeStatus.Hedged) != (c.Reason == UnderHedgeReason.None))
            return Decision.Reject(RejectionReason.InvalidInput, $"status {c.Status} does not go with reason {c.Reason}: a reason is given exactly when under-hedged");
        if (c.Status == HedgeStatus.Hedged && c.UnhedgedQuantity != 0m)
            return Decision.Reject(RejectionReason.InvalidInput, $"a hedged vault has no unhedged quantity (got {c.UnhedgedQuantity})");
        if (Math.Abs(c.UnhedgedQuantity) > MaxHedgeQuantity || !Money.FitsDecimals(c.UnhedgedQuantity, HedgeMoney.Decimals))
            return Decision.Reject(RejectionReason.InvalidSize, $"unhedged quantity {c.UnhedgedQuantity} must be within ±{MaxHedgeQuantity} with at most {HedgeMoney.Decimals} decimals");
        if (c.Message is null || c.Message.Length > MaxHealthMessageLength)
            return Decision.Reject(RejectionReason.InvalidInput, $"message must be given and at most {MaxHealthMessageLength} characters");
        _ = state;
        return Decision.Accept(new HedgeHealthReported(now, c.Status, c.Reason, c.UnhedgedQuantity, c.Message), activation);
    }

    private static Decision? CheckVenueId(string? venueId) =>
        string.IsNullOrWhiteSpace(venueId) || venueId.Length > MaxVenueIdLength
            ? Decision.Reject(RejectionReason.InvalidInput, $"venue id must be non-empty and at most {MaxVenueIdLength} characters")
            : null;

    private static decimal RoundUp(decimal amount, int decimals) => Math.Round(amount, decimals, MidpointRounding.ToPositiveInfinity);
}
