import "server-only";

/** The rows of a raw `db.execute()`: both drivers answer `{ rows }`, typed here by the caller's query. */
export const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
