using System.Runtime.InteropServices;
using Ballast.Engine.Accounting;
using Ballast.Engine.Markets;

namespace Ballast.Engine.State;

/// <summary>A trader's money at the vault (free and locked, per asset) and its positions (trader's side, signed).</summary>
public sealed class AccountState
{
    private readonly decimal[] _free = new decimal[2];
    private readonly decimal[] _locked = new decimal[2];

    internal AccountState(AccountId id) => Id = id;

    /// <summary>The account.</summary>
    public AccountId Id { get; }

    /// <summary>How the account's shorts are secured (default: full collateral).</summary>
    public AccountMarginMode MarginMode { get; internal set; }

    /// <summary>True when shorts are secured by margin (standard or portfolio) instead of locked collateral.</summary>
    public bool UsesMargin => MarginMode != AccountMarginMode.FullCollateral;

    /// <summary>Signed positions by series (+ long, − short); zero positions are removed.</summary>
    public Dictionary<SeriesId, decimal> Positions { get; } = [];

    /// <summary>Money the trader can use or withdraw.</summary>
    public decimal Free(Asset asset) => _free[(int)asset];

    /// <summary>Money locked as collateral for short positions.</summary>
    public decimal Locked(Asset asset) => _locked[(int)asset];

    /// <summary>The trader's signed position in <paramref name="series"/> (0 when none).</summary>
    public decimal PositionIn(in SeriesId series) => Positions.TryGetValue(series, out var p) ? p : 0m;

    internal void AddFree(Asset asset, decimal amount) => _free[(int)asset] += amount;

    internal void AddLocked(Asset asset, decimal amount) => _locked[(int)asset] += amount;

    /// <summary>Adds to a position with one dictionary lookup; returns the position before.</summary>
    internal decimal AddToPosition(in SeriesId series, decimal change)
    {
        ref decimal position = ref CollectionsMarshal.GetValueRefOrAddDefault(Positions, series, out _);
        decimal before = position;
        position = before + change;
        if (position == 0m) Positions.Remove(series);
        return before;
    }
}
