import "server-only";

// Exports are paced so that the event loop stays free for agents. Unpaced, an export runs
// batch after batch as fast as the client reads (35 MB/s on loopback), and every step of
// every agent's request waits behind a batch: a 22 ms profile page took 247 ms. Paced,
// each batch is followed by a rest as long as the batch took, and batches of all exports
// take turns, so exports together hold the loop at most about half the time, however many
// there are — a large export runs about twice as long, which nobody waits on.

/** Rest after each batch, as a multiple of the time the batch took: 1 → at most 50% duty. */
export const REST_PER_WORK = 1;

export interface Pacer {
  /** Runs `work` when the previous turn's rest is over; its own time sets the next rest. */
  run<T>(work: () => Promise<T>): Promise<T>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createPacer(restPerWork = REST_PER_WORK): Pacer {
  let queue: Promise<unknown> = Promise.resolve();
  let readyAt = 0;
  return {
    run<T>(work: () => Promise<T>): Promise<T> {
      const turn = queue.then(async () => {
        // A timer, even of 0 ms, also lets pending I/O (agents' requests) run first.
        await sleep(Math.max(0, readyAt - performance.now()));
        const started = performance.now();
        try {
          return await work();
        } finally {
          // Wall time, not CPU time: it includes waiting for the database, so the rest errs long.
          const now = performance.now();
          readyAt = now + (now - started) * restPerWork;
        }
      });
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}

const KEY = Symbol.for("adapty-support-console.export-pacer");

/** The process's pacer, shared by all its exports. */
export function exportPacer(): Pacer {
  const holder = globalThis as { [KEY]?: Pacer };
  return (holder[KEY] ??= createPacer());
}
