namespace Ballast.Engine.Commands;

/// <summary>A spot price from the oracle (Oracle). Accepting it refreshes every board's Greeks.</summary>
/// <param name="By">Oracle principal.</param>
/// <param name="Spot">Spot price of the underlying in quote units, &gt; 0.</param>
/// <param name="ObservedAt">When the oracle observed it, Unix seconds (≤ now).</param>
/// <param name="Confidence">Oracle confidence in [0, 1] (1 = certain); quoting stops below the floor parameter.</param>
/// <param name="ReferencePrice">Optional independent reference feed's price; quoting stops when spot deviates beyond a bound.</param>
public sealed record UpdateSpot(Principal By, double Spot, long ObservedAt, double Confidence = 1.0, double? ReferencePrice = null) : Command(By);
