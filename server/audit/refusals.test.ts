import { and, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/server/db/client";
import { anonymousRefusals, auditEvents } from "@/server/db/schema";
import { sustained, testEngines } from "@/server/db/test-engines";
import { MAX_SUBJECTS, recordCountedRefusal, summariseRefusals } from "./refusals";

// Anonymous refusals are counted, not written one row each: a flood leaves a bounded
// number of audit rows, and the count still reaches the log when the window closes.
const unique = () => crypto.randomUUID().slice(0, 8);
const refusal = (address: string, agent = "flood") => ({
  actor: null,
  action: "auth.denied" as const,
  outcome: "failed" as const,
  params: { permission: "profiles.read", path: "/profiles" },
  detail: "signed_out",
  context: { clientAddress: address, userAgent: agent },
});

for (const engine of testEngines(process.env.TEST_DATABASE_URL)) {
  describe.skipIf(!engine.available)(`counted refusals on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => {
      await handle.close();
    });
    const rowsFrom = async (pattern: string) =>
      handle.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "auth.denied"), like(auditEvents.clientAddress, pattern)));

    it("a sustained flood from one address writes one audit row, then one with the count once the window closes", async () => {
      const address = `flood-${unique()}`;
      const sent = (await sustained(32, 2_000, () => recordCountedRefusal(handle.db, refusal(address)))).length;
      // One window (two, if the flood happened to straddle a window's end).
      const windows = await handle.db.select().from(anonymousRefusals).where(eq(anonymousRefusals.subject, address));
      expect(windows.length).toBeLessThanOrEqual(2);
      expect(await rowsFrom(address)).toHaveLength(windows.length);
      expect(windows.reduce((sum, window) => sum + window.count, 0)).toBe(sent);

      // Close the window, as time would.
      await handle.db
        .update(anonymousRefusals)
        .set({ windowStart: sql`window_start - interval '1 hour'` })
        .where(eq(anonymousRefusals.subject, address));
      await summariseRefusals(handle.db);
      await summariseRefusals(handle.db); // a second run (another instance) writes nothing more
      const rows = await rowsFrom(address);
      expect(rows).toHaveLength(2 * windows.length);
      const repeated = rows
        .map((row) => (row.params as { repeated?: number }).repeated ?? 0)
        .reduce((sum, n) => sum + n, 0);
      expect(repeated).toBe(sent - windows.length);
      if (windows.length === 1) expect(rows[1]?.detail).toContain(`${sent - 1} more like this from ${address}`);
    });

    it("rotating addresses cannot multiply rows: beyond the cap they are counted together", async () => {
      // A window of its own for this test's action, so other tests' addresses do not count.
      const action = "auth.sign_in_failed" as const;
      const prefix = `rot-${unique()}-`;
      const before = (
        await handle.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, action), like(auditEvents.clientAddress, `${prefix}%`)))
      ).length;
      await sustained(16, 2_000, (client, round) =>
        recordCountedRefusal(handle.db, { ...refusal(`${prefix}${client}-${round}`), action }),
      );
      const written = (
        await handle.db
          .select()
          .from(auditEvents)
          .where(
            and(
              eq(auditEvents.action, action),
              sql`(${auditEvents.clientAddress} like ${`${prefix}%`} or ${auditEvents.clientAddress} is null)`,
            ),
          )
      ).length;
      expect(before).toBe(0);
      // Per window: the cap, give or take the parallel inserts that raced past the count, plus "other".
      expect(written).toBeLessThanOrEqual(2 * (MAX_SUBJECTS + 16 + 1));
      expect(written).toBeGreaterThanOrEqual(MAX_SUBJECTS);
    });
  });
}
