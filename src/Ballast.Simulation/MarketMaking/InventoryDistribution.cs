namespace Ballast.Simulation.MarketMaking;

/// <summary>
/// The distribution of a market maker's terminal inventory over paths: a histogram (inventory is a whole number of
/// units in the Avellaneda-Stoikov experiment, so every distinct value is its own bin) and quantiles. Mean and standard
/// deviation alone hide what a risk manager asks first: how often the book ends far from flat, and on which side.
/// </summary>
/// <param name="Histogram">(terminal inventory in units, number of paths ending there), ascending by inventory.</param>
/// <param name="Quantiles">(probability p, quantile) for p in <see cref="Probabilities"/>: the nearest-rank quantile, the
/// smallest observed inventory q with P(Q ≤ q) ≥ p (Hyndman &amp; Fan 1996, definition 1), so it is always an attained value.</param>
public sealed record InventoryDistribution(IReadOnlyList<(double Inventory, int Paths)> Histogram, IReadOnlyList<(double Probability, double Quantile)> Quantiles)
{
    /// <summary>The probabilities reported: 1 %, 5 %, 25 %, 50 %, 75 %, 95 %, 99 %.</summary>
    public static IReadOnlyList<double> Probabilities { get; } = [0.01, 0.05, 0.25, 0.50, 0.75, 0.95, 0.99];

    /// <summary>Builds the distribution of <paramref name="finals"/> (terminal inventories, one per path).</summary>
    public static InventoryDistribution Of(ReadOnlySpan<double> finals)
    {
        if (finals.IsEmpty) return new InventoryDistribution([], []);
        double[] sorted = finals.ToArray();
        Array.Sort(sorted);
        var histogram = new List<(double, int)>();
        for (int i = 0; i < sorted.Length;)
        {
            int j = i;
            while (j < sorted.Length && sorted[j] == sorted[i]) j++;
            histogram.Add((sorted[i], j - i));
            i = j;
        }

        var quantiles = new List<(double, double)>(Probabilities.Count);
        foreach (double p in Probabilities)
        {
            // Nearest rank: the ⌈p·n⌉-th smallest value (1-based).
            int rank = Math.Max(1, (int)Math.Ceiling(p * sorted.Length - 1e-9));
            quantiles.Add((p, sorted[rank - 1]));
        }

        return new InventoryDistribution(histogram, quantiles);
    }

    /// <summary>Fraction of paths ending with |q| ≥ <paramref name="units"/>.</summary>
    public double ShareAtLeast(double units)
    {
        int total = 0, far = 0;
        foreach (var (q, n) in Histogram)
        {
            total += n;
            if (Math.Abs(q) >= units) far += n;
        }

        return total == 0 ? 0 : (double)far / total;
    }

    /// <summary>
    /// JSON object <c>{"quantiles":{"p01":..,"p05":..,..},"histogram":[[q,paths],..]}</c>, invariant culture, round-trip
    /// numbers (for <c>summary</c>-style output; deterministic for a given sample).
    /// </summary>
    public string ToJson()
    {
        var b = new System.Text.StringBuilder("{\"quantiles\":{");
        for (int i = 0; i < Quantiles.Count; i++)
        {
            if (i > 0) b.Append(',');
            b.Append(System.Globalization.CultureInfo.InvariantCulture, $"\"p{Quantiles[i].Probability * 100:00}\":{Quantiles[i].Quantile:R}");
        }

        b.Append("},\"histogram\":[");
        for (int i = 0; i < Histogram.Count; i++)
        {
            if (i > 0) b.Append(',');
            b.Append(System.Globalization.CultureInfo.InvariantCulture, $"[{Histogram[i].Inventory:R},{Histogram[i].Paths}]");
        }

        return b.Append("]}").ToString();
    }

    /// <summary>
    /// Terminal lines: the quantiles on one line, then one bar per inventory value (bar length proportional to paths,
    /// <paramref name="width"/> characters for the most common value).
    /// </summary>
    public IReadOnlyList<string> ToTextLines(int width = 40)
    {
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        var lines = new List<string> { "quantiles: " + string.Join("  ", Quantiles.Select(q => string.Create(ci, $"p{q.Probability * 100:00} {q.Quantile:0.##}"))) };
        int max = Histogram.Count == 0 ? 1 : Histogram.Max(h => h.Paths);
        foreach (var (q, n) in Histogram)
            lines.Add(string.Create(ci, $"{q,6:0.##} {n,6} {new string('#', Math.Max(1, (int)Math.Round((double)n * width / max)))}"));
        return lines;
    }

    /// <summary>Value equality over the bins and quantiles (a record compares list references otherwise).</summary>
    public bool Equals(InventoryDistribution? other) =>
        other is not null && Histogram.SequenceEqual(other.Histogram) && Quantiles.SequenceEqual(other.Quantiles);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var bin in Histogram) hash.Add(bin);
        foreach (var q in Quantiles) hash.Add(q);
        return hash.ToHashCode();
    }
}
