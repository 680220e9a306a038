using Ballast.Pricing.Surfaces;

namespace Ballast.Pricing.Tests;

/// <summary>Finds files under ../shared (relative to the repository root) for tests that use real market data.</summary>
internal static class SharedDataForSurfaces
{
    public const string DeribitChain = "data/deribit_btc_chain_2026-05-21.json";

    private static readonly Lazy<(DeribitChain Chain, SviFitResult[] Fits)?> FittedChain = new(() =>
    {
        if (!TryPath(DeribitChain, out string path)) return null;
        var loaded = DeribitChainLoader.Parse(File.ReadAllText(path));
        if (!loaded.IsSuccess) throw new InvalidOperationException(loaded.Message);
        return (loaded.Chain!, loaded.Chain!.Expiries.Select(e => e.FitSvi()).ToArray());
    });

    /// <summary>The real Deribit chain and its per-expiry SVI fits, computed once per test run; null when ../shared is absent.</summary>
    public static (DeribitChain Chain, SviFitResult[] Fits)? DeribitChainFits => FittedChain.Value;

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
