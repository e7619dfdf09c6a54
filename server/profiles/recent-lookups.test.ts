import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/server/db/client";
import { recentLookups, staff } from "@/server/db/schema";
import { sustained, testEngines } from "@/server/db/test-engines";
import { rememberLookup } from "./recent-lookups";

// The header's "recent lookups": the agent's newest ten, however they open profiles — one
// after another, again and again, or from several tabs at once.
const unique = () => crypto.randomUUID().slice(0, 8);

for (const engine of testEngines(process.env.TEST_DATABASE_URL)) {
  describe.skipIf(!engine.available)(`recent lookups on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => {
      await handle.close();
    });

    const agent = async () => {
      const [row] = await handle.db
        .insert(staff)
        .values({ email: `recent-${unique()}@example.com`, role: "agent" })
        .returning({ id: staff.id });
      return row!.id;
    };
    const listed = async (staffId: string) =>
      (
        await handle.db
          .select({ profileId: recentLookups.profileId })
          .from(recentLookups)
          .where(eq(recentLookups.staffId, staffId))
          .orderBy(desc(recentLookups.lookedUpAt))
      ).map((row) => row.profileId);

    it("keeps the newest ten, newest first", async () => {
      const staffId = await agent();
      for (let i = 1; i <= 12; i++) await rememberLookup(handle.db, staffId, `p${i}`, `c${i}`);
      expect(await listed(staffId)).toEqual(["p12", "p11", "p10", "p9", "p8", "p7", "p6", "p5", "p4", "p3"]);
    });

    it("moves a profile opened again to the top without dropping the tenth", async () => {
      const staffId = await agent();
      for (let i = 1; i <= 10; i++) await rememberLookup(handle.db, staffId, `p${i}`, null);
      await rememberLookup(handle.db, staffId, "p5", "renamed");
      expect(await listed(staffId)).toEqual(["p5", "p10", "p9", "p8", "p7", "p6", "p4", "p3", "p2", "p1"]);
      const [row] = await handle.db
        .select()
        .from(recentLookups)
        .where(and(eq(recentLookups.staffId, staffId), eq(recentLookups.profileId, "p5")));
      expect(row?.customerUserId).toBe("renamed");
    });

    it("survives one agent opening profiles from many tabs at once, without an error or a deadlock", async () => {
      const staffId = await agent();
      const outcomes = await sustained(10, 3_000, (client, round) =>
        rememberLookup(handle.db, staffId, `p${(client * 7 + round) % 15}`, null).then(
          () => "ok",
          (error: unknown) => String((error as { cause?: unknown }).cause ?? error),
        ),
      );
      expect(outcomes.filter((outcome) => outcome !== "ok")).toEqual([]);
      expect(outcomes.length).toBeGreaterThan(50);
      // A lookup may leave a row another one held; the next one trims it.
      await rememberLookup(handle.db, staffId, "last", null);
      const kept = await listed(staffId);
      expect(kept).toHaveLength(10);
      expect(kept[0]).toBe("last");
    });
  });
}
