using Ballast.Engine.Markets;
using Ballast.Engine.Parameters;

namespace Ballast.Engine.Events;

/// <summary>The vault's market and initial parameters; the first event of every vault.</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Market">Underlying, quote asset, settlement style.</param>
/// <param name="Parameters">Initial governance parameters.</param>
public sealed record VaultOpened(long Time, MarketDefinition Market, VaultParameters Parameters) : Event(Time);
