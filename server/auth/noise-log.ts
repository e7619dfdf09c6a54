import "server-only";

/**
 * Counts a kind of expected noise (unreadable session cookies) and logs one line about it
 * at most once per `everyMs`, with how many there were — instead of one opaque line each.
 */
export function noiseLog(
  describe: (count: number) => string,
  everyMs = 60_000,
  log: (line: string) => void = console.warn,
  now = () => Date.now(),
) {
  let count = 0;
  let loggedAt = -Infinity;
  return () => {
    count++;
    if (now() - loggedAt < everyMs) return;
    log(describe(count));
    loggedAt = now();
    count = 0;
  };
}
