using Ballast.Engine.Accounting;

namespace Ballast.Engine.Commands;

/// <summary>
/// A trader chooses how its own account is secured (Trader). Accepted only while the account holds no option
/// positions, so collateral never has to be re-locked or released by a mode change.
/// </summary>
/// <param name="By">Trader principal; applies to <c>By.Account</c>.</param>
/// <param name="Mode">The new mode.</param>
public sealed record SetMarginMode(Principal By, AccountMarginMode Mode) : Command(By);
