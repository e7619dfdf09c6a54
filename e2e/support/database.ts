import pg from "pg";
import { databaseUrl } from "./servers";

/** Reads what the console stored, straight from its PostgreSQL database. */
export async function query<T extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export async function staffRow(email: string) {
  const [row] = await query<{ email: string; role: string; enabled: boolean }>(
    "select email, role, enabled from staff where email = $1",
    [email],
  );
  return row;
}
