namespace Ballast.Pricing.Batch;

/// <summary>
/// Struct-of-arrays destinations for the batch pricers: element i of each span receives option i's value.
/// All spans must have the inputs' length. Units as in <see cref="OptionGreeks"/>: price in price currency,
/// delta per unit of underlying, gamma per unit², vega per 1.00 of vol, theta per year (−∂V/∂T), rho per 1.00 of rate.
/// </summary>
public readonly ref struct GreeksBatchOutputs
{
    /// <summary>Groups the output spans.</summary>
    /// <param name="prices">Receives the present values.</param>
    /// <param name="deltas">Receives ∂V/∂S (Black-76: ∂V/∂F).</param>
    /// <param name="gammas">Receives ∂²V/∂S² (Black-76: ∂²V/∂F²).</param>
    /// <param name="vegas">Receives ∂V/∂σ per 1.00 of volatility.</param>
    /// <param name="thetas">Receives −∂V/∂T per year.</param>
    /// <param name="rhos">Receives ∂V/∂r per 1.00 of rate (BSM: q fixed; Black-76: F fixed).</param>
    public GreeksBatchOutputs(Span<double> prices, Span<double> deltas, Span<double> gammas, Span<double> vegas, Span<double> thetas, Span<double> rhos)
    {
        Prices = prices;
        Deltas = deltas;
        Gammas = gammas;
        Vegas = vegas;
        Thetas = thetas;
        Rhos = rhos;
    }

    /// <summary>Present values (price currency).</summary>
    public Span<double> Prices { get; }

    /// <summary>Deltas.</summary>
    public Span<double> Deltas { get; }

    /// <summary>Gammas.</summary>
    public Span<double> Gammas { get; }

    /// <summary>Vegas per 1.00 of volatility.</summary>
    public Span<double> Vegas { get; }

    /// <summary>Thetas per year.</summary>
    public Span<double> Thetas { get; }

    /// <summary>Rhos per 1.00 of rate.</summary>
    public Span<double> Rhos { get; }

    /// <summary>Throws when any span's length differs from <paramref name="length"/> (a programming error).</summary>
    internal void CheckLengths(int length, string parameterName)
    {
        if (Prices.Length != length || Deltas.Length != length || Gammas.Length != length ||
            Vegas.Length != length || Thetas.Length != length || Rhos.Length != length)
        {
            throw new ArgumentException(
                $"all output spans must have the inputs' length {length} (prices {Prices.Length}, deltas {Deltas.Length}, gammas {Gammas.Length}, " +
                $"vegas {Vegas.Length}, thetas {Thetas.Length}, rhos {Rhos.Length})",
                parameterName);
        }
    }
}
