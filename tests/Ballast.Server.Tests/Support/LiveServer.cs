using Microsoft.AspNetCore.Builder;

namespace Ballast.Server.Tests.Support;

/// <summary>The real server on Kestrel at a free loopback port (for the browser and the load test), in its own temp folder.</summary>
public sealed class LiveServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LiveServer(WebApplication app, string folder, string url)
    {
        _app = app;
        Folder = folder;
        Url = url;
    }

    public string Folder { get; }

    /// <summary>Base address, e.g. http://127.0.0.1:40123.</summary>
    public string Url { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<LiveServer> StartAsync(params string[] settings)
    {
        string folder = Path.Combine(Path.GetTempPath(), "ballast-server-tests", "live-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var args = new List<string> { "--urls=http://127.0.0.1:0", $"--Ballast:DataFolder={folder}", "--Logging:LogLevel:Default=Warning" };
        args.AddRange(settings);
        var app = BallastServer.Build([.. args]);
        await app.StartAsync();
        string url = app.Urls.First(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        return new LiveServer(app, folder, url);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
