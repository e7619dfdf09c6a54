import "server-only";

// The brute-force rule: at most five failed sign-ins for one email, or from one address,
// in any 15 minutes; further attempts are refused (without checking the password) until
// the oldest of those five is 15 minutes old. Refused attempts are not failures, so
// waiting out the lock always works. Decided in SQL: server/auth/sign-in-attempts.ts.
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;
