namespace Ballast.Cluster.Clustering;

/// <summary>Placeholder; replaced below.</summary>
public static class PostgresClusteringSchema
{
    /// <summary>ADO.NET invariant name Orleans uses to load Npgsql.</summary>
    public const string Invariant = "Npgsql";
}
