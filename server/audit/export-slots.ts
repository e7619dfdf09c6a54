import "server-only";

// How many audit exports may run at once. A large export is the heaviest thing the console
// does (hundreds of thousands of rows read, turned into CSV and sent), and it shares one
// event loop with every agent's page; unlimited, four at once made a profile page take
// 1.5 s instead of 22 ms. The limits hold per console process, which is what an export
// slows down: another instance's agents do not feel it, so counting exports across
// instances (a table of leases that outlive crashes) would refuse for no gain.

/** A second export of the same person only competes with their first for the same rows. */
export const EXPORTS_PER_PERSON = 1;
/** Two paced exports take at most about half of one process's time between them (export-pace.ts). */
export const EXPORTS_IN_TOTAL = 2;
/** Seconds a refused client is told to wait: a large export takes about a minute. */
export const EXPORT_RETRY_AFTER_SECONDS = 60;

export type ExportRefusal = "person" | "total";

/** The sentence a refused person reads (the route's JSON `error`, shown by the audit page's Export link). */
export const EXPORT_REFUSALS: Record<ExportRefusal, string> = {
  person: "You already have an export running. Wait for it to finish, or cancel it, before starting another.",
  total: "The console is already running as many exports as it allows at once. Try again in a minute.",
};

export interface ExportSlot {
  /** Gives the slot back; calling it again does nothing, so every way an export ends may call it. */
  release(): void;
}

export interface ExportSlots {
  take(personId: string): ExportSlot | ExportRefusal;
  /** Exports running now, for tests. */
  running(): number;
}

export function createExportSlots(perPerson = EXPORTS_PER_PERSON, total = EXPORTS_IN_TOTAL): ExportSlots {
  const byPerson = new Map<string, number>();
  let inUse = 0;
  return {
    take(personId) {
      const mine = byPerson.get(personId) ?? 0;
      if (mine >= perPerson) return "person";
      if (inUse >= total) return "total";
      byPerson.set(personId, mine + 1);
      inUse++;
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          inUse--;
          const left = (byPerson.get(personId) ?? 1) - 1;
          if (left > 0) byPerson.set(personId, left);
          else byPerson.delete(personId);
        },
      };
    },
    running: () => inUse,
  };
}

// On globalThis: Next.js may evaluate a module once per bundle, and the count must be the process's.
const KEY = Symbol.for("adapty-support-console.export-slots");

/** The process's export slots. */
export function exportSlots(): ExportSlots {
  const holder = globalThis as { [KEY]?: ExportSlots };
  return (holder[KEY] ??= createExportSlots());
}
