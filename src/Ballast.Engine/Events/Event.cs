using System.Text.Json.Serialization;

namespace Ballast.Engine.Events;

/// <summary>
/// A fact the vault accepted. <see cref="State.VaultState.Apply(Event)"/> is the only way state changes, and it
/// depends on nothing but the event and the state, so replaying the same events gives the same state hash.
/// </summary>
/// <remarks>Serialisable with System.Text.Json as <c>Event</c> (a "type" discriminator names the concrete event), so a ledger
/// can store and replay events without knowing every type.</remarks>
/// <param name="Time">When the deciding command was accepted, Unix seconds.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(VaultOpened), "VaultOpened")]
[JsonDerivedType(typeof(BoardListed), "BoardListed")]
[JsonDerivedType(typeof(StrikeListed), "StrikeListed")]
[JsonDerivedType(typeof(BoardDelisted), "BoardDelisted")]
[JsonDerivedType(typeof(StrikeDelisted), "StrikeDelisted")]
[JsonDerivedType(typeof(SpotUpdated), "SpotUpdated")]
[JsonDerivedType(typeof(VolUpdated), "VolUpdated")]
[JsonDerivedType(typeof(ParameterChangeScheduled), "ParameterChangeScheduled")]
[JsonDerivedType(typeof(ParametersActivated), "ParametersActivated")]
[JsonDerivedType(typeof(CollateralDeposited), "CollateralDeposited")]
[JsonDerivedType(typeof(CollateralWithdrawn), "CollateralWithdrawn")]
[JsonDerivedType(typeof(CapitalDeposited), "CapitalDeposited")]
[JsonDerivedType(typeof(PositionImported), "PositionImported")]
[JsonDerivedType(typeof(TradeExecuted), "TradeExecuted")]
[JsonDerivedType(typeof(BoardSettled), "BoardSettled")]
[JsonDerivedType(typeof(MarginModeSet), "MarginModeSet")]
[JsonDerivedType(typeof(InsuranceFundDeposited), "InsuranceFundDeposited")]
[JsonDerivedType(typeof(AccountLiquidated), "AccountLiquidated")]
[JsonDerivedType(typeof(InsolvencyCovered), "InsolvencyCovered")]
[JsonDerivedType(typeof(LiquidationAuctionStarted), "LiquidationAuctionStarted")]
[JsonDerivedType(typeof(AuctionBidFilled), "AuctionBidFilled")]
[JsonDerivedType(typeof(LiquidationAuctionEnded), "LiquidationAuctionEnded")]
[JsonDerivedType(typeof(Pool.Events.PoolOpened), "PoolOpened")]
[JsonDerivedType(typeof(Pool.Events.DepositRequested), "DepositRequested")]
[JsonDerivedType(typeof(Pool.Events.WithdrawalRequested), "WithdrawalRequested")]
[JsonDerivedType(typeof(Pool.Events.RequestCancelled), "RequestCancelled")]
[JsonDerivedType(typeof(Pool.Events.DepositProcessed), "DepositProcessed")]
[JsonDerivedType(typeof(Pool.Events.WithdrawalProcessed), "WithdrawalProcessed")]
[JsonDerivedType(typeof(Pool.Events.CircuitBreakerTripped), "CircuitBreakerTripped")]
[JsonDerivedType(typeof(Pool.Events.TrancheTargetReset), "TrancheTargetReset")]
[JsonDerivedType(typeof(Pool.Events.PoolMarked), "PoolMarked")]
[JsonDerivedType(typeof(Pool.Events.PoolEventBatch), "PoolEventBatch")]
[JsonDerivedType(typeof(HedgeFillBooked), "HedgeFillBooked")]
[JsonDerivedType(typeof(HedgeFundingBooked), "HedgeFundingBooked")]
[JsonDerivedType(typeof(HedgeHealthReported), "HedgeHealthReported")]
public abstract record Event(long Time);
