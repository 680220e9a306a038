#pragma warning disable CS1591
namespace Ballast.Engine.Volatility;
// TEMPORARY STUB
public enum TradeDirection { Buy, Sell }
