using Microsoft.AspNetCore.Builder;

namespace Ballast.Server.Tests.Support;

/// <summary>The real server on Kestrel at a free loopback port (for the browser and the load test), in its own temp folder.</summary>
public sealed class LiveServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _ownsFolder;

    private LiveServer(WebApplication app, string folder, string url, bool ownsFolder)
    {
        _app = app;
        _ownsFolder = ownsFolder;
        Folder = folder;
        Url = url;
    }

    public string Folder { get; }

    /// <summary>Base address, e.g. http://127.0.0.1:40123.</summary>
    public string Url { get; }

    public IServiceProvider Services => _app.Services;

    public static Task<LiveServer> StartAsync(params string[] settings) => StartInAsync(null, settings);

    /// <summary>Starts on <paramref name="folder"/> (kept on dispose) or on a fresh temp folder (deleted on dispose).</summary>
    public static async Task<LiveServer> StartInAsync(string? folder, params string[] settings)
    {
        bool owns = folder is null;
        folder ??= Path.Combine(Path.GetTempPath(), "ballast-server-tests", "live-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var args = new List<string> { "--urls=http://127.0.0.1:0", $"--Ballast:DataFolder={folder}", "--Logging:LogLevel:Default=Warning" };
        args.AddRange(settings);
        var app = BallastServer.Build([.. args]);
        await app.StartAsync();
        string url = app.Urls.First(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        return new LiveServer(app, folder, url, owns);
    }

    /// <summary>Graceful stop: Kestrel drains in-flight requests, then the vault host finishes its queue.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (!_ownsFolder) return;
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
