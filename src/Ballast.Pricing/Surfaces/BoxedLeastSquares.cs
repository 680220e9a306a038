namespace Ballast.Pricing.Surfaces;

/// <summary>
/// The inner problem of the quasi-explicit SVI fit (Zeliade 2009): minimise xᵀHx − 2gᵀx over x = (a, d, c) subject to
/// a + c − |d| ≥ 0, a ≤ aMax, |d| ≤ c, c + |d| ≤ cMax. Zeliade bound a ≥ 0; we relax it to a + c − |d| ≥ 0, which still
/// implies w ≥ 0 (min w = a + √(c² − d²) ≥ a + c − |d| when |d| ≤ c) and lets sharply curved short-expiry smiles,
/// which need a &lt; 0, be fitted. The objective is convex, so its minimum on the polytope is the minimum over
/// the faces: for every set of at most three active constraints we solve the equality-constrained problem (a KKT
/// system), keep the feasible solutions and take the lowest objective. 64 tiny solves, exact, no iteration.
/// </summary>
internal static class BoxedLeastSquares
{
    // Constraints Gx ≤ h as rows (a, d, c | bound index): bound 0 → 0, 1 → aMax, 2 → cMax.
    private static readonly (double A, double D, double C, int Bound)[] Constraints =
    [
        (-1, 1, -1, 0), // a + c − d ≥ 0
        (-1, -1, -1, 0), // a + c + d ≥ 0
        (1, 0, 0, 1),  // a ≤ aMax
        (0, 1, -1, 0), // d ≤ c
        (0, -1, -1, 0), // −d ≤ c
        (0, 1, 1, 2),  // c + d ≤ cMax
        (0, -1, 1, 2), // c − d ≤ cMax
    ];

    /// <param name="h">Symmetric 3×3 H, row-major.</param>
    /// <param name="g">Linear term g.</param>
    /// <param name="aMax">Upper bound on a.</param>
    /// <param name="cMax">Bound on c + |d|.</param>
    /// <param name="a">Optimal a.</param>
    /// <param name="d">Optimal d.</param>
    /// <param name="c">Optimal c.</param>
    /// <returns>False only when no candidate was feasible (degenerate data).</returns>
    public static bool Solve(ReadOnlySpan<double> h, ReadOnlySpan<double> g, double aMax, double cMax, out double a, out double d, out double c)
    {
        double scale = 0;
        for (int i = 0; i < 9; i++) scale = Math.Max(scale, Math.Abs(h[i]));
        if (!(scale > 0) || !double.IsFinite(scale)) { a = d = c = 0; return false; }
        double tolerance = 1e-10 * Math.Max(aMax, cMax);

        double bestValue = double.PositiveInfinity;
        a = d = c = 0;
        Span<int> active = stackalloc int[3];
        Span<double> x = stackalloc double[3];
        int count = Constraints.Length;
        // Enumerate subsets of size 0..3 by bit mask.
        for (int mask = 0; mask < 1 << count; mask++)
        {
            int q = System.Numerics.BitOperations.PopCount((uint)mask);
            if (q > 3) continue;
            int t = 0;
            for (int j = 0; j < count; j++)
            {
                if ((mask & (1 << j)) != 0) active[t++] = j;
            }

            if (!SolveFace(h, g, active[..q], aMax, cMax, scale, x)) continue;
            if (!IsFeasible(x, aMax, cMax, tolerance)) continue;
            double value = 0;
            for (int i = 0; i < 3; i++)
            {
                double hx = h[3 * i] * x[0] + h[3 * i + 1] * x[1] + h[3 * i + 2] * x[2];
                value += x[i] * hx - 2 * g[i] * x[i];
            }

            if (value < bestValue)
            {
                bestValue = value;
                c = Math.Max(x[2], 0);
                d = Math.Clamp(x[1], -c, c);
                a = Math.Min(Math.Max(x[0], Math.Abs(d) - c), aMax);
            }

            // A feasible unconstrained minimum (mask 0, tried first) is the optimum of the convex problem.
            if (mask == 0) return true;
        }

        return bestValue < double.PositiveInfinity;
    }

    private static bool IsFeasible(ReadOnlySpan<double> x, double aMax, double cMax, double tolerance)
    {
        foreach (var (ca, cd, cc, bound) in Constraints)
        {
            double rhs = bound switch { 0 => 0, 1 => aMax, _ => cMax };
            if (ca * x[0] + cd * x[1] + cc * x[2] > rhs + tolerance) return false;
        }

        return true;
    }

    // KKT system [2H Eᵀ; E 0][x; μ] = [2g; f], with E scaled by max|H| so the pivots are comparable.
    private static bool SolveFace(ReadOnlySpan<double> h, ReadOnlySpan<double> g, ReadOnlySpan<int> active, double aMax, double cMax, double scale, Span<double> x)
    {
        int q = active.Length, size = 3 + q;
        Span<double> m = stackalloc double[36];
        Span<double> rhs = stackalloc double[6];
        m.Clear();
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++) m[i * size + j] = 2 * h[3 * i + j];
            rhs[i] = 2 * g[i];
        }

        for (int r = 0; r < q; r++)
        {
            var (ca, cd, cc, bound) = Constraints[active[r]];
            double f = bound switch { 0 => 0, 1 => aMax, _ => cMax };
            int row = 3 + r;
            m[row * size] = scale * ca; m[row * size + 1] = scale * cd; m[row * size + 2] = scale * cc;
            m[0 * size + row] = scale * ca; m[1 * size + row] = scale * cd; m[2 * size + row] = scale * cc;
            rhs[row] = scale * f;
        }

        // Gaussian elimination with partial pivoting.
        for (int col = 0; col < size; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < size; r++)
            {
                if (Math.Abs(m[r * size + col]) > Math.Abs(m[pivot * size + col])) pivot = r;
            }

            if (Math.Abs(m[pivot * size + col]) <= 1e-12 * scale) return false;
            if (pivot != col)
            {
                for (int j = 0; j < size; j++) (m[col * size + j], m[pivot * size + j]) = (m[pivot * size + j], m[col * size + j]);
                (rhs[col], rhs[pivot]) = (rhs[pivot], rhs[col]);
            }

            for (int r = col + 1; r < size; r++)
            {
                double factor = m[r * size + col] / m[col * size + col];
                if (factor == 0) continue;
                for (int j = col; j < size; j++) m[r * size + j] -= factor * m[col * size + j];
                rhs[r] -= factor * rhs[col];
            }
        }

        Span<double> solution = stackalloc double[6];
        for (int r = size - 1; r >= 0; r--)
        {
            double s = rhs[r];
            for (int j = r + 1; j < size; j++) s -= m[r * size + j] * solution[j];
            solution[r] = s / m[r * size + r];
        }

        for (int i = 0; i < 3; i++)
        {
            if (!double.IsFinite(solution[i])) return false;
            x[i] = solution[i];
        }

        return true;
    }
}
