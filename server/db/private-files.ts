import "server-only";
import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync, type Stats } from "node:fs";
import path from "node:path";

// The embedded database's files are the console's data (staff, password hashes, the audit
// trail): only the user the console runs as may read or write them. PGlite's file system
// layer sets 0666 on the ~970 files initdb writes, pg_hba.conf included, whatever the umask
// (measured with umask 077), so a umask alone cannot fix it: the directories are made 0700
// before PGlite writes anything (nobody else can reach what is inside), and the files are
// tightened after it has.

const GROUP_AND_OTHER = 0o077;
const STICKY = 0o1000;

/**
 * Creates `directory` (and missing parents) with mode 0700, or takes group and other access
 * away from an existing one. A shared, sticky directory such as /tmp is not the console's to
 * change and is left as it is.
 */
export function makePrivateDirectory(directory: string): void {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const { mode } = statSync(directory);
  if ((mode & STICKY) === 0 && (mode & GROUP_AND_OTHER) !== 0) chmodSync(directory, mode & 0o700);
}

/**
 * Takes group and other access away from `root` and everything under it (0777 → 0700,
 * 0666 → 0600), without following symbolic links: a link must not make it change a file
 * elsewhere. Iterative, and a file that disappears meanwhile is skipped.
 */
export function makeTreePrivate(root: string): void {
  const pending = [root];
  while (pending.length > 0) {
    const current = pending.pop()!;
    let stats: Stats;
    try {
      stats = lstatSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    if (stats.isSymbolicLink()) continue;
    if ((stats.mode & GROUP_AND_OTHER) !== 0) chmodSync(current, stats.mode & 0o700);
    if (stats.isDirectory()) for (const name of readdirSync(current)) pending.push(path.join(current, name));
  }
}
