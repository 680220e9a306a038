using Ballast.Engine.Markets;

namespace Ballast.Engine.Commands;

/// <summary>
/// Migrates an existing position into the vault without a trade (Admin): no premium, no vol move; a short locks
/// its collateral from the account's free balance. Used to load a book (vault files, migrations).
/// </summary>
/// <param name="By">Admin principal.</param>
/// <param name="Account">Holder of the position.</param>
/// <param name="Series">The series.</param>
/// <param name="Size">Signed size from the trader's side (+ long, − short), non-zero.</param>
public sealed record ImportPosition(Principal By, AccountId Account, SeriesId Series, decimal Size) : Command(By);
