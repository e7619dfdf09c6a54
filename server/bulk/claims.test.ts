import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParsedRow } from "@/lib/bulk/request";
import type { DatabaseHandle } from "@/server/db/client";
import { bulkBatches, bulkRows } from "@/server/db/schema";
import { sustained, testEngines } from "@/server/db/test-engines";
import { claimNextRow } from "./claims";
import { finishRow, insertBatch, moveBatch } from "./store";

// Who sends which row, and how many at once, are decisions the database makes: several
// console instances drive one batch, so a sustained flood of claimants must never get one
// row twice, never have more rows in flight than the batch's concurrency, and share the
// batch's rate between them.

const rowsOf = (count: number): ParsedRow[] =>
  Array.from({ length: count }, (_, index) => ({
    line: index + 2,
    cells: { profile_id: crypto.randomUUID(), access_level_id: "premium" },
    request: {
      action: "grant",
      customer: { profileId: crypto.randomUUID() },
      accessLevelId: "premium",
      startsAt: null,
      expiresAt: "2030-01-01T00:00:00.000Z",
      reason: "Referral reward",
    },
    problems: [],
  }));

async function runningBatch(
  handle: DatabaseHandle,
  options: { rows: number; concurrency: number; ratePerSecond: number | null },
) {
  const id = await insertBatch(handle.db, {
    id: crypto.randomUUID(),
    creator: { id: crypto.randomUUID(), email: "agent@example.com" },
    fileName: "rewards.csv",
    columns: ["profile_id", "access_level_id"],
    zone: "UTC",
    reason: "Referral reward",
    ticket: null,
    ratePerSecond: options.ratePerSecond,
    concurrency: options.concurrency,
    rows: rowsOf(options.rows),
  });
  await moveBatch(handle.db, id, { from: ["draft"], to: "running" });
  return id;
}

for (const engine of testEngines(process.env.TEST_DATABASE_URL)) {
  describe.skipIf(!engine.available)(`bulk row claims on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => {
      await handle.close();
    });

    it("a sustained flood of claimants sends every row once and never more than the concurrency at a time", async () => {
      const batchId = await runningBatch(handle, { rows: 300, concurrency: 3, ratePerSecond: null });
      const lines: number[] = [];
      const inFlight: number[] = [];
      await sustained(16, 2_500, async () => {
        const answer = await claimNextRow(handle.db, batchId);
        // As the driver does: a claimant that finds the concurrency used up waits a little.
        if ("none" in answer) return new Promise((resolve) => setTimeout(resolve, 20));
        lines.push(answer.claim.row.line);
        const [count] = await handle.db
          .select({ n: sql<number>`count(*)::int` })
          .from(bulkRows)
          .where(sql`${bulkRows.batchId} = ${batchId} and ${bulkRows.state} = 'sending'`);
        inFlight.push(count?.n ?? 0);
        await new Promise((resolve) => setTimeout(resolve, 5)); // "at Adapty"
        await finishRow(handle.db, batchId, answer.claim.row.line, { outcome: "succeeded" });
      });
      expect(lines.length).toBeGreaterThan(20);
      expect(new Set(lines).size).toBe(lines.length);
      expect(Math.max(...inFlight)).toBeLessThanOrEqual(3);
      expect(Math.max(...inFlight)).toBeGreaterThan(1);
    });

    it("claimants share the batch's rate: their slots are spaced by the rows' requests", async () => {
      // 20 requests a second, 2 per row (the read before and the grant): a row every 100 ms.
      const batchId = await runningBatch(handle, { rows: 200, concurrency: 20, ratePerSecond: 20 });
      const slots: number[] = [];
      await sustained(8, 1_500, async () => {
        const answer = await claimNextRow(handle.db, batchId);
        if ("none" in answer) return;
        slots.push(answer.claim.slotAt);
        await finishRow(handle.db, batchId, answer.claim.row.line, { outcome: "succeeded" });
      });
      slots.sort((a, b) => a - b);
      const gaps = slots.slice(1).map((slot, index) => slot - (slots[index] ?? slot));
      expect(slots.length).toBeGreaterThan(10);
      // Every slot 100 ms after the one before (float rounding aside), whoever took it.
      expect(Math.min(...gaps)).toBeGreaterThan(99);
    });

    it("a paused batch gives out no rows, and parallel status changes from one version let exactly one through", async () => {
      const batchId = await runningBatch(handle, { rows: 5, concurrency: 2, ratePerSecond: null });
      const [batch] = await handle.db.select().from(bulkBatches).where(eq(bulkBatches.id, batchId));
      const moves = await sustained(12, 500, () =>
        moveBatch(handle.db, batchId, { from: ["running"], to: "paused", version: batch?.version ?? 0 }),
      );
      expect(moves.filter((moved) => moved !== undefined)).toHaveLength(1);
      expect(await claimNextRow(handle.db, batchId)).toEqual({ none: "stopped" });
    });
  });
}
