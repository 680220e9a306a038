namespace Ballast.Cli;

/// <summary>One input field of <c>price</c>/<c>iv</c>, named differently as an option (<c>--div</c>) and as a CSV column (<c>q</c>).</summary>
public enum OptionField { Type, Model, Spot, Forward, Strike, Rate, Div, Time, Vol, Price }
