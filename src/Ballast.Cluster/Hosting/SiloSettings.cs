using System.Net;

namespace Ballast.Cluster.Hosting;

/// <summary>How one Ballast silo joins its cluster. Defaults: a single silo on loopback with localhost clustering.</summary>
public sealed record SiloSettings
{
    /// <summary>Orleans cluster id: silos with the same id (and service id) form one cluster.</summary>
    public string ClusterId { get; init; } = "ballast";

    /// <summary>Orleans service id: stable across deployments of the same service.</summary>
    public string ServiceId { get; init; } = "ballast";

    /// <summary>Address the silo listens on and advertises (loopback by default).</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>Client gateway port.</summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>
    /// Localhost clustering only: the silo port of the primary silo (the one holding the development membership
    /// table). Null means this silo is the primary.
    /// </summary>
    public int? PrimarySiloPort { get; init; }

    /// <summary>
    /// When set, membership lives in PostgreSQL through Orleans' ADO.NET clustering (schema from
    /// <see cref="Clustering.PostgresClusteringSchema"/>) and any number of processes or machines can join.
    /// </summary>
    public string? PostgresClustering { get; init; }
}
