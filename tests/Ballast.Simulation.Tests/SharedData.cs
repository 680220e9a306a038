namespace Ballast.Simulation.Tests;

/// <summary>Finds files of ../shared (the repository's sibling folder, as in CI) from the test's working directory.</summary>
internal static class SharedData
{
    /// <summary>True and the full path when shared/<paramref name="relative"/> exists above the current directory.</summary>
    public static bool TryPath(string relative, out string path)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", relative);
            if (File.Exists(candidate))
            {
                path = candidate;
                return true;
            }
        }

        path = "";
        return false;
    }
}
