import "server-only";
import { performance } from "node:perf_hooks";

// Exports are paced so that the event loop stays free for agents. Unpaced, an export runs
// batch after batch as fast as the client reads (35 MB/s on loopback), and every step of
// every agent's request waits behind a batch: a 22 ms profile page took 247 ms. Paced,
// each batch is followed by a rest as long as the event loop was busy during the batch,
// and batches of all exports take turns, so exports together hold the loop at most about
// half the time, however many there are.
//
// Busy time of the loop, not wall time: waiting for PostgreSQL costs the loop nothing and
// needs no rest (the embedded PGlite runs its queries on the loop, and they count), while
// agents' requests served during a batch do count — the busier the console, the more an
// export yields. An export runs up to about twice as long, which nobody waits on.

/** Rest after each batch, as a multiple of the loop's busy time during it: 1 → at most ~50% duty. */
export const REST_PER_WORK = 1;

export interface Pacer {
  /** Runs `work` when the previous turn's rest is over; the loop's busy time during it sets the next rest. */
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
        const started = performance.eventLoopUtilization();
        try {
          return await work();
        } finally {
          const { active } = performance.eventLoopUtilization(started); // ms, the current callback included
          readyAt = performance.now() + active * restPerWork;
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
