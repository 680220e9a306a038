namespace Ballast.Pricing.Batch;

/// <summary>
/// Prices and first-order Greeks of many European options at once, over struct-of-arrays spans, allocating
/// nothing and using the widest SIMD the hardware accelerates (<c>Vector512</c>, else <c>Vector256</c>, else
/// scalar), with a scalar tail for lengths that are not a multiple of the vector width.
/// </summary>
/// <remarks>
/// Results equal the scalar <see cref="Ballast.Pricing.BlackScholesMerton.Greeks"/> and
/// <see cref="Ballast.Pricing.Black76.Greeks"/> to within 1e-12 relative to the magnitude of the terms each
/// value is formed from (see the batch tests for the precise tolerance), and are bit-identical whatever the
/// vector width or the element's position. Elements with σ√T = 0 (or not in [1e-100, 1e100], or NaN) are priced
/// by the scalar path itself. The exp, log and normal CDF are this library's own (<see cref="SimdMath"/>).
/// </remarks>
public static class BatchPricer
{
    /// <summary>Generalized Black-Scholes-Merton price, delta, gamma, vega, theta and rho of every option.</summary>
    /// <param name="inputs">Options as spans (see <see cref="BlackScholesBatchInputs"/> for units).</param>
    /// <param name="outputs">Destinations, each of the inputs' length.</param>
    /// <exception cref="ArgumentException">The spans' lengths differ.</exception>
    public static void BlackScholesMerton(in BlackScholesBatchInputs inputs, in GreeksBatchOutputs outputs)
    {
        inputs.CheckLengths(nameof(inputs));
        outputs.CheckLengths(inputs.Length, nameof(outputs));
        BatchKernel.Run(inputs, outputs, black76: false);
    }

    /// <summary>Black-76 price and Greeks with respect to the forward (delta, gamma, vega, theta, rho with F fixed) of every option.</summary>
    /// <param name="inputs">Options on forwards as spans (see <see cref="Black76BatchInputs"/> for units).</param>
    /// <param name="outputs">Destinations, each of the inputs' length.</param>
    /// <exception cref="ArgumentException">The spans' lengths differ.</exception>
    public static void Black76(in Black76BatchInputs inputs, in GreeksBatchOutputs outputs)
    {
        BlackScholesBatchInputs asSpot = inputs.AsBlackScholes();
        asSpot.CheckLengths(nameof(inputs));
        outputs.CheckLengths(inputs.Length, nameof(outputs));
        BatchKernel.Run(asSpot, outputs, black76: true);
    }
}
