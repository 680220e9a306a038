namespace Ballast.Engine.Pool;

/// <summary>
/// One risk tranche of the pool. Lower <see cref="Priority"/> is more senior: it is paid its target first and loses last.
/// The most junior tranche has no target and takes the residual (first loss, all upside).
/// </summary>
/// <param name="Name">Identifier, non-empty, unique in the pool (e.g. "senior").</param>
/// <param name="Priority">Seniority rank: 0 is the most senior; unique in the pool.</param>
/// <param name="TargetApr">Simple annual rate (ratio, e.g. 0.05) the tranche's claim accrues per second with priority;
/// null for the residual (most junior) tranche. A senior tranche with 0 has its principal protected but earns nothing.</param>
/// <param name="InitialSharePrice">Share price (quote per share) when the tranche has no shares; &gt; 0. Default 1.</param>
public sealed record TrancheConfig(string Name, int Priority, decimal? TargetApr, decimal InitialSharePrice = 1m)
{
    /// <summary>Checks a whole tranche list: at least one tranche; unique names and priorities; target APR in [0, 10]
    /// for every tranche but the most junior, which must have none; initial prices &gt; 0.</summary>
    /// <param name="tranches">The configuration.</param>
    /// <returns>Null when valid, otherwise the problem.</returns>
    public static string? Validate(IReadOnlyList<TrancheConfig> tranches)
    {
        if (tranches is null || tranches.Count == 0) return "at least one tranche is required";
        if (tranches.Any(t => t is null)) return "a tranche is null";
        if (tranches.Any(t => string.IsNullOrWhiteSpace(t.Name))) return "tranche names must be non-empty";
        if (tranches.Select(t => t.Name).Distinct(StringComparer.Ordinal).Count() != tranches.Count) return "tranche names must be unique";
        if (tranches.Select(t => t.Priority).Distinct().Count() != tranches.Count) return "tranche priorities must be unique";
        var ordered = tranches.OrderBy(t => t.Priority).ToArray();
        for (int i = 0; i < ordered.Length; i++)
        {
            var t = ordered[i];
            if (t.InitialSharePrice <= 0) return $"tranche '{t.Name}': initial share price must be > 0";
            bool residual = i == ordered.Length - 1;
            if (residual && t.TargetApr is not null) return $"tranche '{t.Name}' is the most junior: it takes the residual and has no target APR";
            if (!residual && t.TargetApr is null) return $"tranche '{t.Name}' is senior to another: it needs a target APR (0 for principal protection)";
            if (t.TargetApr is < 0 or > 10) return $"tranche '{t.Name}': target APR must be in [0, 10]";
        }

        return null;
    }
}
