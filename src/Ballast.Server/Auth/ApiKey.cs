namespace Ballast.Server.Auth;

/// <summary>A stored key: its SHA-256 hash (hex), role and the account it acts for.</summary>
public sealed record ApiKey(string Hash, ApiRole Role, string Account);
