namespace Ballast.Engine.Commands;

/// <summary>
/// A request to change the vault. <see cref="Vault.Decide"/> turns it into events or a typed rejection; commands
/// never change state themselves.
/// </summary>
/// <param name="By">Who asks; each command requires one <see cref="Role"/>.</param>
public abstract record Command(Principal By);
