namespace Ballast.Engine.MarketMaking;

/// <summary>
/// Two-sided quote of a single-asset market maker, in price units of the mid (e.g. USD per unit of base).
/// </summary>
/// <param name="Bid">Price at which the market maker buys.</param>
/// <param name="Ask">Price at which the market maker sells.</param>
/// <param name="Reservation">Indifference price the quote is centred on (mid shifted against inventory).</param>
/// <param name="Spread">Ask − Bid, in price units.</param>
public readonly record struct MarketMakerQuote(double Bid, double Ask, double Reservation, double Spread);
