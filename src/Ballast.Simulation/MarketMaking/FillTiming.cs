namespace Ballast.Simulation.MarketMaking;

/// <summary>
/// Where, within one step of the Avellaneda-Stoikov simulation, the fill decision sits relative to the mid move.
/// The paper lets both happen "in dt" without fixing an order; the choice moves profits by about 1.5 (see README).
/// </summary>
public enum FillTiming
{
    /// <summary>
    /// Quotes are set at the step's start; the mid moves; fills are decided on the distance from the quote to the
    /// moved mid (λ(δ) with δ measured at the step's end). Orders arriving during the step meet quotes that have not
    /// caught up with the move, a small adverse selection. Reproduces the paper's Tables 1–2 (the default).
    /// </summary>
    AfterMidMove = 0,

    /// <summary>Fills are decided on the distance to the mid the quotes were set from, then the mid moves.</summary>
    BeforeMidMove,
}
