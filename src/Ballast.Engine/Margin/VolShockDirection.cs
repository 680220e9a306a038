namespace Ballast.Engine.Margin;

/// <summary>Direction of the implied-vol shock of a portfolio-margin scenario (Derive PMRM <c>VolShockDirection</c>).</summary>
public enum VolShockDirection
{
    /// <summary>Vol unchanged.</summary>
    None = 0,
    /// <summary>Vol × (1 + volRangeUp·(30d/max(T,1d))^p).</summary>
    Up = 1,
    /// <summary>Vol × max(0, 1 − volRangeDown·(30d/max(T,1d))^p).</summary>
    Down = 2,
}
