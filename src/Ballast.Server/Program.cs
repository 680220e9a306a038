namespace Ballast.Server;

/// <summary>Entry point when the server runs on its own (and for WebApplicationFactory); <c>ballast serve</c> calls <see cref="BallastServer.Run"/>.</summary>
public sealed class Program
{
    public static int Main(string[] args) => BallastServer.Run(args);
}
