import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/server/db/client";
import { sustained, testEngines } from "@/server/db/test-engines";
import { LOCKOUT_WINDOW_MS } from "./lockout";
import { beginSignInAttempt, signInLockedUntil } from "./sign-in-attempts";

// The lockout as the database decides it. On PostgreSQL, parallel clients are real
// concurrent transactions: the count must hold however many guess at once.
const unique = () => crypto.randomUUID().slice(0, 8);
const checked = (results: Awaited<ReturnType<typeof beginSignInAttempt>>[]) =>
  results.filter((result) => "attempt" in result).length;

for (const engine of testEngines(process.env.TEST_DATABASE_URL)) {
  describe.skipIf(!engine.available)(`sign-in lockout on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => {
      await handle.close();
    });

    it("lets five attempts check a password, then locks until the oldest of them is 15 minutes old", async () => {
      const email = `lock-${unique()}@example.com`;
      for (let guess = 0; guess < 5; guess++)
        expect(await beginSignInAttempt(handle.db, email, `198.51.100.${guess}`)).toHaveProperty("attempt");
      const refused = await beginSignInAttempt(handle.db, email, "198.51.100.99");
      expect(refused).toHaveProperty("lockedUntil");
      const result: unknown = await handle.db.execute(
        sql`select min(attempted_at) as at from sign_in_attempts where email = ${email}`,
      );
      const [first] = (result as { rows: { at: string }[] }).rows;
      const until = "lockedUntil" in refused ? refused.lockedUntil.getTime() : 0;
      expect(until).toBe(new Date(first!.at).getTime() + LOCKOUT_WINDOW_MS);
      expect((await signInLockedUntil(handle.db, email, "203.0.113.1"))?.getTime()).toBe(until);
    });

    it("counts only failures inside the window, on the database's clock", async () => {
      const email = `old-${unique()}@example.com`;
      await handle.db.execute(sql`insert into sign_in_attempts (email, client_address, succeeded, attempted_at)
        select ${email}, '192.0.2.1', false, now() - interval '16 minutes' from generate_series(1, 10)`);
      expect(await beginSignInAttempt(handle.db, email, "192.0.2.1")).toHaveProperty("attempt");
      await handle.db.execute(sql`insert into sign_in_attempts (email, client_address, succeeded, attempted_at)
        select ${email}, '192.0.2.1', true, now() from generate_series(1, 10)`);
      expect(await beginSignInAttempt(handle.db, email, "192.0.2.1")).toHaveProperty("attempt"); // successes are not failures
    });

    it("locks one address guessing at many emails", async () => {
      const address = `203.0.113.${Math.floor(Math.random() * 250)}-${unique()}`;
      for (let guess = 0; guess < 5; guess++)
        expect(await beginSignInAttempt(handle.db, `nobody-${unique()}@example.com`, address)).toHaveProperty(
          "attempt",
        );
      expect(await beginSignInAttempt(handle.db, `someone-${unique()}@example.com`, address)).toHaveProperty(
        "lockedUntil",
      );
    });

    it("a sustained flood of 32 parallel guessers, rotating addresses, gets at most five checks per email", async () => {
      const email = `flood-${unique()}@example.com`;
      const results = await sustained(32, 4_000, (client, round) =>
        beginSignInAttempt(handle.db, email, `10.${client}.${round % 250}.1`),
      );
      console.info(
        `${engine.name}: ${results.length} attempts in 4 s from 32 clients, ${checked(results)} allowed to check a password`,
      );
      expect(results.length).toBeGreaterThan(100);
      expect(checked(results)).toBe(5);
    });

    it("a sustained flood from one address at rotating emails gets at most five checks", async () => {
      const address = `flood-${unique()}`;
      const results = await sustained(32, 3_000, (client, round) =>
        beginSignInAttempt(handle.db, `e${client}-${round}@example.com`, address),
      );
      expect(checked(results)).toBe(5);
    });
  });
}
