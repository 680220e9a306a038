using Ballast.Engine.Accounting;
using Ballast.Engine.Markets;

namespace Ballast.Engine.Events;

/// <summary>A trader account's margin mode changed.</summary>
/// <param name="Time">Unix seconds.</param>
/// <param name="Account">The trader.</param>
/// <param name="Mode">The new mode.</param>
public sealed record MarginModeSet(long Time, AccountId Account, AccountMarginMode Mode) : Event(Time);
