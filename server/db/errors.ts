import "server-only";

// PostgreSQL's classes for "could not talk to the server" (08), "the server is going away"
// (57P), "out of resources" (53), a database that is not there (3D000, as while it is being
// restored), and Node's socket errors. A bad query is not among them; a database closed to
// connections is recognised by its message (its code, 55000, also covers query mistakes).
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "3D000",
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|not currently accepting connections|connection error|PGlite is closed/i;

/** The errors an error wraps, outermost first (drivers wrap the database's own error; a few levels at most). */
function* causes(error: unknown): Generator<Error> {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++)
    yield current;
}

/** Whether an error is PostgreSQL refusing a row that a unique index (named) already holds (23505). */
export function isUniqueViolation(error: unknown, index: string): boolean {
  for (const current of causes(error)) {
    const { code, constraint } = current as { code?: unknown; constraint?: unknown };
    if (code === "23505" && (constraint === index || current.message.includes(index))) return true;
  }
  return false;
}

/** Whether an error means the console's database could not be reached (drivers wrap it; the cause chain is searched). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const current of causes(error)) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (NETWORK_CODES.has(code) || /^(08|57P|53)/.test(code))) return true;
    if (UNAVAILABLE_MESSAGES.test(current.message)) return true;
  }
  return false;
}
