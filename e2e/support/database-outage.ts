import pg from "pg";
import { databaseUrl } from "./servers";

// The console's PostgreSQL database going away and coming back, without stopping the
// server (other consoles and the test's own bookkeeping use it too): new connections are
// refused and the open ones are cut, as in a failover.

async function asAdministrator(statement: (client: pg.Client, name: string) => Promise<unknown>) {
  const url = new URL(databaseUrl());
  const name = url.pathname.slice(1) || "postgres";
  url.pathname = "/template1";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await statement(client, name);
  } finally {
    await client.end();
  }
}

export const takeDatabaseAway = () =>
  asAdministrator(async (client, name) => {
    await client.query(`alter database "${name}" with allow_connections false`);
    await client.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [name],
    );
  });

export const bringDatabaseBack = () =>
  asAdministrator((client, name) => client.query(`alter database "${name}" with allow_connections true`));
