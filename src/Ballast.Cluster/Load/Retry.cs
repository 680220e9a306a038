namespace Ballast.Cluster.Load;

/// <summary>
/// Repeats a grain call while the cluster heals (a silo died, an activation is moving). Only for calls that are safe
/// to repeat: reads, and commands carrying an idempotency key.
/// </summary>
public static class Retry
{
    /// <summary>The call's result, or null after <paramref name="attempts"/> failures; <paramref name="retried"/> counts repeats.</summary>
    public static async Task<T?> CallAsync<T>(Func<Task<T>> call, Func<T, bool> acceptable, int attempts, TimeSpan delay, Action? retried = null,
        CancellationToken cancellationToken = default) where T : class
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(acceptable);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                var result = await call();
                if (acceptable(result)) return result;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Silo gone, call timed out, activation moving: try again after the pause.
            }

            if (attempt >= attempts) return null;
            retried?.Invoke();
            await Task.Delay(delay, cancellationToken);
        }
    }
}
