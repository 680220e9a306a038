namespace Ballast.Simulation.Runner;

/// <summary>Mean and sample standard deviation (n − 1 denominator) of a sample, summed in index order.</summary>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="StandardDeviation">√(Σ(x − mean)²/(n − 1)); 0 when n &lt; 2.</param>
/// <param name="Count">Sample size n.</param>
public readonly record struct SampleStatistics(double Mean, double StandardDeviation, int Count)
{
    /// <summary>Standard error of the mean, s/√n (0 for an empty sample).</summary>
    public double StandardError => Count > 0 ? StandardDeviation / Math.Sqrt(Count) : 0.0;

    /// <summary>Two-pass mean and deviation; the fixed summation order keeps results bit-identical across runs.</summary>
    public static SampleStatistics Of(ReadOnlySpan<double> sample)
    {
        if (sample.IsEmpty) return new SampleStatistics(0, 0, 0);
        double sum = 0;
        foreach (double x in sample) sum += x;
        double mean = sum / sample.Length, squares = 0;
        foreach (double x in sample) squares += (x - mean) * (x - mean);
        double std = sample.Length > 1 ? Math.Sqrt(squares / (sample.Length - 1)) : 0.0;
        return new SampleStatistics(mean, std, sample.Length);
    }
}
