using Ballast.Ledger;

namespace Ballast.Cluster.Hosting;

/// <summary>
/// What every vault grain of a silo shares: the ledger (one store per silo process; in a multi-process cluster it
/// must be the shared PostgreSQL ledger) and the engine clock. The clock is its own service rather than a registered
/// <see cref="TimeProvider"/> so that a fixed test clock never reaches Orleans' own timers.
/// </summary>
/// <param name="Store">The event store all vault streams live in.</param>
/// <param name="Clock">The engine's clock (<c>now</c> of <c>Vault.Decide</c>).</param>
public sealed record VaultGrainServices(IEventStore Store, TimeProvider Clock);
