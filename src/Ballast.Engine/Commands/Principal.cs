using Ballast.Engine.Markets;

namespace Ballast.Engine.Commands;

/// <summary>Who issues a command: an account acting in one role (authentication happens outside the engine).</summary>
/// <param name="Account">The acting account.</param>
/// <param name="Role">The role it acts in.</param>
public readonly record struct Principal(AccountId Account, Role Role);
