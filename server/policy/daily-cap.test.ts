import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/server/db/client";
import { sustained, testEngines } from "@/server/db/test-engines";
import { grantsToday, returnGrantSlot, takeGrantSlot } from "./daily-cap";

// The daily cap is a decision the database makes: many parallel grants by one member, on
// several instances, must never take more than the cap's slots between them.

for (const engine of testEngines(process.env.TEST_DATABASE_URL)) {
  describe.skipIf(!engine.available)(`daily grant cap on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => {
      await handle.close();
    });

    it("a sustained flood of grants by one member takes exactly the cap's slots", async () => {
      const staffId = crypto.randomUUID();
      const taken = await sustained(24, 2_000, () => takeGrantSlot(handle.db, staffId, 40));
      expect(taken.filter((day) => day !== null)).toHaveLength(40);
      expect(taken.length).toBeGreaterThan(40);
      expect(await grantsToday(handle.db, staffId)).toBe(40);
    });

    it("slots given back while others take them never let the count pass the cap", async () => {
      const staffId = crypto.randomUUID();
      const counts = await sustained(16, 2_000, async () => {
        const day = await takeGrantSlot(handle.db, staffId, 5);
        if (day === null) return 0;
        const count = await grantsToday(handle.db, staffId);
        await returnGrantSlot(handle.db, staffId, day);
        return count;
      });
      expect(Math.max(...counts)).toBeLessThanOrEqual(5);
      expect(counts.filter((count) => count > 0).length).toBeGreaterThan(5);
      expect(await grantsToday(handle.db, staffId)).toBe(0);
    });

    it("counts each member apart", async () => {
      const [one, two] = [crypto.randomUUID(), crypto.randomUUID()];
      expect(await takeGrantSlot(handle.db, one, 1)).not.toBeNull();
      expect(await takeGrantSlot(handle.db, one, 1)).toBeNull();
      expect(await takeGrantSlot(handle.db, two, 1)).not.toBeNull();
    });
  });
}
