using Ballast.Engine.Markets;
using Ballast.Engine.Volatility;

namespace Ballast.Engine.Commands;

/// <summary>
/// A trader buys or sells options of one series against the vault (Trader, for its own account). Decide re-quotes
/// at <c>now</c>; the trade is rejected when the quote's money total exceeds <paramref name="LimitPrice"/> for a buy
/// (max cost) or is below it for a sell (min proceeds), or when <paramref name="Ticket"/> has expired.
/// </summary>
/// <param name="By">Trader principal; the trade is for <c>By.Account</c>.</param>
/// <param name="Series">The series traded.</param>
/// <param name="Direction">The trader's side.</param>
/// <param name="Size">Number of options (units of underlying), finite and &gt; 0; rounded to 8 decimals.</param>
/// <param name="LimitPrice">Buy: most the trader pays; sell: least it accepts (payment-asset money, total for the size).</param>
/// <param name="Ticket">Optional reference to the quote the trader saw; expired tickets are rejected.</param>
public sealed record Trade(Principal By, SeriesId Series, TradeDirection Direction, double Size, decimal LimitPrice, QuoteTicket? Ticket = null) : Command(By);

/// <summary>A reference to a quote a trader saw: the state version it was computed at and when it expires.</summary>
/// <param name="StateVersion">The vault's <c>Version</c> when quoted.</param>
/// <param name="ExpiresAt">Quote expiry, Unix seconds.</param>
public readonly record struct QuoteTicket(long StateVersion, long ExpiresAt);
