import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client";
import { releaseLease, takeLease } from "./lease";
import { DATABASE_ENGINES } from "./test-engines";

for (const engine of DATABASE_ENGINES) {
  describe.skipIf(!engine.available)(`leases on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => {
      await handle.close();
    });

    it("one of many parallel takers gets it; others only once it is released or has run out", async () => {
      const key = `lease-${crypto.randomUUID()}`;
      const holders = Array.from({ length: 40 }, () => crypto.randomUUID());
      const taken = await Promise.all(holders.map((holder) => takeLease(handle.db, key, holder, 60_000)));
      expect(taken.filter(Boolean)).toHaveLength(1);
      const winner = holders[taken.indexOf(true)]!;
      const other = holders.find((holder) => holder !== winner)!;

      await releaseLease(handle.db, key, other); // not the holder's: nothing happens
      expect(await takeLease(handle.db, key, other, 60_000)).toBe(false);
      expect(await takeLease(handle.db, key, winner, 60_000)).toBe(true); // renewal
      await releaseLease(handle.db, key, winner);
      expect(await takeLease(handle.db, key, other, 60_000)).toBe(true);

      await handle.db.execute(sql`update change_locks set expires_at = now() - interval '1 second' where key = ${key}`); // a crashed holder
      expect(await takeLease(handle.db, key, winner, 60_000)).toBe(true);
    });
  });
}
