namespace Ballast.Pricing.Tests;

/// <summary>Finds files under ../shared (relative to the repository root) for tests that use real market data.</summary>
internal static class SharedDataForSurfaces
{
    public const string DeribitChain = "data/deribit_btc_chain_2026-05-21.json";

    /// <summary>True and the full path when ../shared/<paramref name="relative"/> exists next to the repository root.</summary>
    public static bool TryPath(string relative, out string path)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Ballast.slnx"))) continue;
            path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", relative));
            return File.Exists(path);
        }

        path = "";
        return false;
    }
}
