namespace Ballast.Engine.Markets;

/// <summary>Identifies a trader, liquidity provider, oracle or governor account (ordinal, case-sensitive).</summary>
/// <param name="Value">The account's name; non-empty.</param>
public readonly record struct AccountId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
