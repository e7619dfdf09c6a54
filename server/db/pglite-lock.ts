import "server-only";
import { chmodSync, mkdirSync } from "node:fs";
import lockfile from "proper-lockfile";

/** Raised when another process already holds the embedded database. */
export class DatabaseInUseError extends Error {
  override name = "DatabaseInUseError";
}

/**
 * PGlite is one process's database: opening the same directory from a second process
 * (the console and `npm run db:migrate`, say) would corrupt it. A lock beside the
 * directory, refreshed while held and considered stale 10 s after its holder died,
 * makes the second process refuse with a clear message instead.
 *
 * `waitForStaleMs` lets a console restarted right after a crash wait for the dead
 * holder's lock to go stale instead of refusing to start.
 */
export async function lockDataDirectory(directory: string, waitForStaleMs = 0): Promise<() => Promise<void>> {
  mkdirSync(directory, { recursive: true, mode: 0o700 }); // private, as everything in DATA_DIR (private-files.ts)
  const lockPath = `${directory}.lock`;
  try {
    const unlock = await lockfile.lock(directory, {
      lockfilePath: lockPath,
      realpath: false,
      stale: 10_000,
      update: 2_000,
      retries:
        waitForStaleMs > 0 ? { retries: Math.ceil(waitForStaleMs / 1_000), minTimeout: 1_000, maxTimeout: 1_000 } : 0,
      onCompromised: (error) => {
        console.error(`Embedded database lock lost (${error.message}); stopping to protect the data.`);
        process.exit(1);
      },
    });
    // proper-lockfile makes it with the default mode. An empty directory: failing to tighten
    // it is not worth refusing to start over, and must not leave the lock held.
    try {
      chmodSync(lockPath, 0o700);
    } catch {}
    return unlock;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") {
      throw new DatabaseInUseError(
        `The embedded database at ${directory} is in use by another process (is the console running?). ` +
          "Stop that process first, or set DATABASE_URL to use PostgreSQL.",
      );
    }
    throw error;
  }
}
