using System.Text.Json.Serialization;
using Ballast.Engine.Events;

namespace Ballast.Engine.Pool.Events;

/// <summary>
/// A fact the liquidity pool accepted. <see cref="TranchePool.Apply(PoolEvent)"/> is the only way pool state changes and
/// depends on nothing but the event and the state, so the engine can journal these and replay them.
/// </summary>
/// <remarks>An engine <see cref="Event"/>: the vault decides pool events in <c>Vault.Pool.cs</c>, journals them in its ledger
/// (each type is registered on <see cref="Event"/> too) and applies them through <c>VaultState.Apply</c>.</remarks>
/// <param name="Time">When the deciding call was accepted, Unix seconds.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(DepositRequested), "DepositRequested")]
[JsonDerivedType(typeof(WithdrawalRequested), "WithdrawalRequested")]
[JsonDerivedType(typeof(RequestCancelled), "RequestCancelled")]
[JsonDerivedType(typeof(DepositProcessed), "DepositProcessed")]
[JsonDerivedType(typeof(WithdrawalProcessed), "WithdrawalProcessed")]
[JsonDerivedType(typeof(CircuitBreakerTripped), "CircuitBreakerTripped")]
[JsonDerivedType(typeof(TrancheTargetReset), "TrancheTargetReset")]
[JsonDerivedType(typeof(PoolMarked), "PoolMarked")]
[JsonDerivedType(typeof(PoolOpened), "PoolOpened")]
[JsonDerivedType(typeof(PoolEventBatch), "PoolEventBatch")]
public abstract record PoolEvent(long Time) : Event(Time);
