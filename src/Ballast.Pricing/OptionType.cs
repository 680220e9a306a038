namespace Ballast.Pricing;

/// <summary>Right conveyed by an option: to buy (call) or to sell (put) the underlying at the strike.</summary>
public enum OptionType
{
    /// <summary>Right to buy the underlying at the strike.</summary>
    Call = 0,

    /// <summary>Right to sell the underlying at the strike.</summary>
    Put = 1,
}
