namespace Ballast.Cli;

/// <summary>Entry point of the <c>ballast</c> command.</summary>
public static class Program
{
    public static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error);
}
