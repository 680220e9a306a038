namespace Ballast.Simulation.Flow;

/// <summary>Who sends an order to the vault in a simulation; each type trades from its own engine account.</summary>
public enum TraderType
{
    /// <summary>Uninformed: random side and series, trades with probability e^(−k·edge) (Avellaneda &amp; Stoikov 2008).</summary>
    Noise = 0,
    /// <summary>Informed (toxic): knows the spot and realised vol over the next horizon and trades only when that pays.</summary>
    Informed = 1,
    /// <summary>Arbitrageur: trades when the vault's price crosses an external reference surface by more than a threshold.</summary>
    Arbitrageur = 2,
}
