using System.Runtime.CompilerServices;

// Lets the test project check the distribution function and the two-step formula directly.
[assembly: InternalsVisibleTo("Ballast.Pricing.Tests")]

namespace Ballast.Pricing.American;

/// <summary>
/// Standard bivariate normal distribution function M(a, b; ρ) = P(X ≤ a, Y ≤ b), corr(X, Y) = ρ, for the
/// moderate correlations used by the Bjerksund-Stensland (2002) approximation (|ρ| ≤ 0.9).
/// </summary>
/// <remarks>
/// From ∂M/∂ρ = n₂(a, b; ρ) (Plackett 1954) and the substitution ρ = sin θ:
/// M(a, b; ρ) = Φ(a)Φ(b) + 1/(2π) ∫₀^asin ρ exp(−(a² + b² − 2ab sin θ)/(2 cos² θ)) dθ.
/// For |ρ| ≤ 0.9 the integrand is analytic on the interval (cos² θ ≥ 0.19), and a 20-point Gauss-Legendre rule
/// integrates it to about 1e-15 absolute — the scheme of A. Genz, "Numerical computation of rectangular
/// bivariate and trivariate normal and t probabilities", Statistics and Computing 14 (2004) 251–260, for
/// 0.75 ≤ |ρ| &lt; 0.925. Larger |ρ| would need Genz's asymptotic branch and is not supported.
/// </remarks>
internal static class BivariateNormal
{
    /// <summary>Largest |ρ| for which <see cref="Cdf"/> is accurate.</summary>
    public const double MaxAbsCorrelation = 0.9;

    private const int Points = 20;
    private static readonly (double Node, double Weight)[] Rule = GaussLegendre(Points);

    /// <summary>P(X ≤ a, Y ≤ b) for standard normals with correlation <paramref name="rho"/> (|ρ| ≤ 0.9).</summary>
    public static double Cdf(double a, double b, double rho)
    {
        if (double.IsNegativeInfinity(a) || double.IsNegativeInfinity(b)) return 0.0;
        if (double.IsPositiveInfinity(a)) return Normal.Cdf(b);
        if (double.IsPositiveInfinity(b)) return Normal.Cdf(a);
        double independent = Normal.Cdf(a) * Normal.Cdf(b);
        if (rho == 0) return independent;

        double halfAngle = 0.5 * Math.Asin(rho);
        double sumSquares = a * a + b * b;
        double product = a * b;
        double integral = 0.0;
        foreach (var (node, weight) in Rule)
        {
            // θ = (asin ρ / 2)(1 + x) maps x ∈ [−1, 1] onto [0, asin ρ].
            double sinTheta = Math.Sin(halfAngle * (1.0 + node));
            double cosSquared = 1.0 - sinTheta * sinTheta;
            integral += weight * Math.Exp(-(sumSquares - 2.0 * product * sinTheta) / (2.0 * cosSquared));
        }

        double value = independent + integral * halfAngle / (2.0 * Math.PI);
        return Math.Clamp(value, 0.0, Math.Min(Normal.Cdf(a), Normal.Cdf(b)));
    }

    // Nodes and weights of the n-point Gauss-Legendre rule on [−1, 1]: Newton's method on the Legendre
    // polynomial P_n from the Chebyshev-like guess cos(π(i − ¼)/(n + ½)); weight 2/((1 − x²) P_n'(x)²).
    private static (double, double)[] GaussLegendre(int n)
    {
        var rule = new (double, double)[n];
        for (int i = 0; i < (n + 1) / 2; i++)
        {
            double x = Math.Cos(Math.PI * (i + 0.75) / (n + 0.5));
            double derivative = 0.0;
            for (int iteration = 0; iteration < 100; iteration++)
            {
                double p0 = 1.0, p1 = x;
                for (int k = 2; k <= n; k++)
                {
                    double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }

                derivative = n * (x * p1 - p0) / (x * x - 1.0);
                double step = p1 / derivative;
                x -= step;
                if (Math.Abs(step) < 1e-16) break;
            }

            double weight = 2.0 / ((1.0 - x * x) * derivative * derivative);
            rule[i] = (x, weight);
            rule[n - 1 - i] = (-x, weight);
        }

        return rule;
    }
}
