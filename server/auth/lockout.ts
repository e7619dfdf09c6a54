import "server-only";

// The brute-force rule, as a pure function so it can be tested at its edges:
// five failed sign-ins for one email, or from one address, within 15 minutes lock
// further attempts for 15 minutes after the fifth. Refused attempts are not failures,
// so waiting out the lock always works.
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;

/** When the lock ends, given the times of recent failures (any order); null when not locked. */
export function lockedUntil(failures: Date[], now: Date): Date | null {
  const recent = failures
    .map((failure) => failure.getTime())
    .filter((time) => time > now.getTime() - LOCKOUT_WINDOW_MS && time <= now.getTime())
    .sort((a, b) => b - a);
  if (recent.length < LOCKOUT_THRESHOLD) return null;
  const newest = recent[0] ?? now.getTime();
  return new Date(newest + LOCKOUT_WINDOW_MS);
}
