namespace Ballast.Pricing.Surfaces;

/// <summary>Why a set of slices cannot form a <see cref="VolSurface"/>.</summary>
public enum VolSurfaceError
{
    /// <summary>The surface was built.</summary>
    None = 0,

    /// <summary>No slices were given.</summary>
    NoSlices,

    /// <summary>A slice's time or forward is NaN, infinite or not strictly positive, or the spot is given and not strictly positive.</summary>
    InvalidTimeOrForward,

    /// <summary>Two slices have the same time to expiry.</summary>
    DuplicateExpiry,

    /// <summary>A slice's SVI parameters are invalid (see <see cref="SviSlice.Validate"/>).</summary>
    InvalidSmile,
}

/// <summary>Outcome of building a surface: the surface, or a typed reason.</summary>
/// <param name="Surface">The surface when <see cref="Error"/> is <see cref="VolSurfaceError.None"/>.</param>
/// <param name="Error">Why building failed.</param>
/// <param name="SliceIndex">Index (in the input order) of the offending slice, or −1.</param>
public readonly record struct VolSurfaceResult(VolSurface? Surface, VolSurfaceError Error, int SliceIndex)
{
    /// <summary>True when the surface was built.</summary>
    public bool IsSuccess => Error == VolSurfaceError.None;
}
