namespace Ballast.Cli.Tests;

/// <summary>
/// Finds the checkout from the test binary's folder. CallerFilePath cannot be used: CI builds set
/// ContinuousIntegrationBuild, which maps source paths to "/_/", so a compile-time path names no file.
/// </summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Sample(string name) => Path.Combine(Root, "samples", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ballast.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"no Ballast.slnx above {AppContext.BaseDirectory}");
    }
}
