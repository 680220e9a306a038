namespace Ballast.Engine.Margin;

/// <summary>Dispatches to <see cref="StandardMargin"/> or <see cref="PortfolioMargin"/> by the account's mode.</summary>
/// <param name="Standard">Standard-margin parameters.</param>
/// <param name="Portfolio">Portfolio-margin parameters.</param>
public sealed record MarginCalculator(StandardMarginParameters Standard, PortfolioMarginParameters Portfolio)
{
    /// <summary>Both parameter sets at their defaults.</summary>
    public static MarginCalculator Default { get; } = new(StandardMarginParameters.Default, PortfolioMarginParameters.Default);

    /// <summary>Validates the inputs; on success computes the margin of <paramref name="account"/> in its own mode.</summary>
    /// <returns>The validation (check <see cref="MarginInputValidation.IsValid"/>); <paramref name="result"/> is null when invalid.</returns>
    public MarginInputValidation TryCompute(TraderAccount account, MarginMarket market, out MarginResult? result)
    {
        var validation = MarginInputs.Validate(account, market);
        result = validation.IsValid ? Compute(account, market) : null;
        return validation;
    }

    /// <summary>Margin of a validated account in its own mode.</summary>
    public MarginResult Compute(TraderAccount account, MarginMarket market)
        => account.Mode == MarginMode.Portfolio
            ? PortfolioMargin.Compute(account, market, Portfolio)
            : StandardMargin.Compute(account, market, Standard);
}
