namespace Ballast.Pricing.Surfaces;

/// <summary>
/// Derivative-free simplex minimiser (J. A. Nelder, R. Mead, "A simplex method for function minimization",
/// Computer Journal 7(4), 1965), with the standard coefficients reflection 1, expansion 2, contraction ½, shrink ½
/// as in Lagarias et al., SIAM J. Optim. 9(1), 1998. Small dimensions only (the SVI fit uses 2 and 5).
/// </summary>
internal static class NelderMead
{
    /// <summary>Minimises <paramref name="f"/> from <paramref name="start"/>; the initial simplex steps by <paramref name="steps"/> along each axis.</summary>
    /// <returns>The best point found and its value.</returns>
    public static (double[] Point, double Value) Minimize(Func<double[], double> f, double[] start, double[] steps, int maxEvaluations, double tolerance)
    {
        int n = start.Length;
        var simplex = new double[n + 1][];
        var values = new double[n + 1];
        for (int i = 0; i <= n; i++)
        {
            simplex[i] = (double[])start.Clone();
            if (i > 0) simplex[i][i - 1] += steps[i - 1];
            values[i] = Evaluate(f, simplex[i]);
        }

        int evaluations = n + 1;
        var centroid = new double[n];
        var trial = new double[n];
        var trial2 = new double[n];
        var order = new int[n + 1];
        while (evaluations < maxEvaluations)
        {
            for (int i = 0; i <= n; i++) order[i] = i;
            Array.Sort(order, (x, y) => values[x].CompareTo(values[y]));
            int best = order[0], worst = order[n], secondWorst = order[n - 1];

            // Stop when the values agree and the simplex has collapsed (both relative to the scale of the best point).
            double spread = Math.Abs(values[worst] - values[best]);
            double size = 0;
            for (int i = 0; i <= n; i++)
            {
                for (int j = 0; j < n; j++) size = Math.Max(size, Math.Abs(simplex[i][j] - simplex[best][j]));
            }

            if (spread <= tolerance * (Math.Abs(values[best]) + 1e-300) && size <= tolerance) break;

            Array.Clear(centroid);
            for (int i = 0; i <= n; i++)
            {
                if (i == worst) continue;
                for (int j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
            }

            Combine(centroid, simplex[worst], -1.0, trial);
            double reflected = Evaluate(f, trial); evaluations++;
            if (reflected < values[best])
            {
                Combine(centroid, simplex[worst], -2.0, trial2);
                double expanded = Evaluate(f, trial2); evaluations++;
                if (expanded < reflected) Accept(simplex, values, worst, trial2, expanded);
                else Accept(simplex, values, worst, trial, reflected);
                continue;
            }

            if (reflected < values[secondWorst])
            {
                Accept(simplex, values, worst, trial, reflected);
                continue;
            }

            // Contraction: outside when the reflection improved on the worst point, inside otherwise.
            bool outside = reflected < values[worst];
            Combine(centroid, simplex[worst], outside ? -0.5 : 0.5, trial2);
            double contracted = Evaluate(f, trial2); evaluations++;
            if (contracted < (outside ? reflected : values[worst]))
            {
                Accept(simplex, values, worst, trial2, contracted);
                continue;
            }

            for (int i = 0; i <= n; i++)
            {
                if (i == best) continue;
                for (int j = 0; j < n; j++) simplex[i][j] = simplex[best][j] + 0.5 * (simplex[i][j] - simplex[best][j]);
                values[i] = Evaluate(f, simplex[i]); evaluations++;
            }
        }

        int argMin = 0;
        for (int i = 1; i <= n; i++)
        {
            if (values[i] < values[argMin]) argMin = i;
        }

        return (simplex[argMin], values[argMin]);
    }

    // result = centroid + t·(worst − centroid): t = −1 reflects, −2 expands, −½ contracts outside, +½ inside.
    private static void Combine(double[] centroid, double[] worst, double t, double[] result)
    {
        for (int j = 0; j < centroid.Length; j++) result[j] = centroid[j] + t * (worst[j] - centroid[j]);
    }

    private static void Accept(double[][] simplex, double[] values, int index, double[] point, double value)
    {
        Array.Copy(point, simplex[index], point.Length);
        values[index] = value;
    }

    // A NaN value would break the ordering: treat it as +∞.
    private static double Evaluate(Func<double[], double> f, double[] x)
    {
        double v = f(x);
        return double.IsNaN(v) ? double.PositiveInfinity : v;
    }
}
