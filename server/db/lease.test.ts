import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/server/db/client";
import { testEngines } from "@/server/db/test-engines";
import { release, tryAcquire, withLease } from "./lease";

// The change lease on both engines. On PostgreSQL the acquirers really run side by side
// (a pool of connections), which is where a read-then-write lease would let two in.

const holder = () => crypto.randomUUID();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const engine of testEngines(process.env.TEST_DATABASE_URL)) {
  describe.skipIf(!engine.available)(`change lease on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => {
      await handle.close();
    });

    it("of twenty acquirers at the same moment exactly one holds the key, round after round", async () => {
      for (let round = 0; round < 20; round++) {
        const key = `parallel-${round}`;
        const holders = Array.from({ length: 20 }, holder);
        const won = await Promise.all(holders.map((h) => tryAcquire(handle.db, key, h, 60_000)));
        expect(won.filter(Boolean)).toHaveLength(1);
        expect(await release(handle.db, key, holders[won.indexOf(true)]!)).toBe(true);
      }
    });

    it("work under the lease never overlaps, and every waiter gets its turn", async () => {
      let inside = 0;
      let most = 0;
      const runs = await Promise.all(
        Array.from({ length: 8 }, () =>
          withLease(handle.db, "turns", { leaseMs: 60_000, waitMs: 20_000 }, async () => {
            most = Math.max(most, ++inside);
            await sleep(20);
            inside--;
            return true;
          }),
        ),
      );
      expect(runs.every((run) => run.held)).toBe(true);
      expect(most).toBe(1);
    });

    it("a lease that ran out (a crashed holder) lets a new holder in", async () => {
      const crashed = holder();
      expect(await tryAcquire(handle.db, "expiry", crashed, 300)).toBe(true);
      expect(await tryAcquire(handle.db, "expiry", holder(), 300)).toBe(false);
      await sleep(400);
      const next = holder();
      expect(await tryAcquire(handle.db, "expiry", next, 60_000)).toBe(true);
      expect(await release(handle.db, "expiry", crashed)).toBe(false); // the old holder cannot end the new lease
      expect(await release(handle.db, "expiry", next)).toBe(true);
    });

    it("a release by someone who does not hold the lease does nothing", async () => {
      const owner = holder();
      expect(await tryAcquire(handle.db, "release", owner, 60_000)).toBe(true);
      expect(await release(handle.db, "release", holder())).toBe(false);
      expect(await tryAcquire(handle.db, "release", holder(), 60_000)).toBe(false);
      expect(await release(handle.db, "release", owner)).toBe(true);
      expect(await tryAcquire(handle.db, "release", holder(), 60_000)).toBe(true);
    });

    it("a waiter gives up after its wait without running its work, and work that throws still gives the lease back", async () => {
      expect(await tryAcquire(handle.db, "busy", holder(), 60_000)).toBe(true);
      let ran = false;
      const started = Date.now();
      const answer = await withLease(handle.db, "busy", { leaseMs: 60_000, waitMs: 300 }, async () => {
        ran = true;
        await sleep(0);
      });
      expect(answer).toEqual({ held: false });
      expect(ran).toBe(false);
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);

      await expect(
        withLease(handle.db, "throws", { leaseMs: 60_000, waitMs: 1_000 }, () =>
          Promise.reject(new Error("Adapty exploded")),
        ),
      ).rejects.toThrow("Adapty exploded");
      expect(await tryAcquire(handle.db, "throws", holder(), 60_000)).toBe(true);
    });
  });
}
