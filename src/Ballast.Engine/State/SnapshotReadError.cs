namespace Ballast.Engine.State;

/// <summary>Why <see cref="VaultState.TryReadSnapshot(ReadOnlySpan{byte}, out VaultState?, out SnapshotReadError, out string)"/> refused a snapshot.</summary>
public enum SnapshotReadError
{
    /// <summary>Read.</summary>
    None,

    /// <summary>The bytes do not start with the snapshot magic (not a state snapshot, or the old event-prefix format).</summary>
    NotAStateSnapshot,

    /// <summary>The format version is newer than this build knows: written by a newer build.</summary>
    UnsupportedFormatVersion,

    /// <summary>The trailing SHA-256 does not match the bytes (damaged).</summary>
    ChecksumMismatch,

    /// <summary>A section this build does not know (written by a build with more state): restoring without it would lose state.</summary>
    UnknownSection,

    /// <summary>A known section at a newer section version than this build reads.</summary>
    UnsupportedSectionVersion,

    /// <summary>The checksum verified but the content is inconsistent (truncated section, bad count, NaN, duplicate key).</summary>
    Malformed,
}
