import { randomUUID } from "node:crypto";
import { count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/server/db/client";
import { adaptyEvents, customerIdentifiers, customerIndex } from "@/server/db/schema";
import { sustained, testEngines } from "@/server/db/test-engines";
import { parseWebhook, type ReceivedEvent } from "./parse";
import { searchCustomerIndex } from "./search";
import { storeEvent } from "./store-event";
import { adaptyEventBody, type TestEventOptions } from "./test-events";

const received = (options: TestEventOptions = {}): ReceivedEvent => {
  const parsed = parseWebhook(JSON.stringify(adaptyEventBody(options)), {});
  if (parsed.kind !== "event") throw new Error("test event did not parse");
  return parsed.event;
};

for (const engine of testEngines(process.env.TEST_DATABASE_URL)) {
  describe.skipIf(!engine.available)(`webhook events stored on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => {
      await handle.close();
    });
    const eventsOf = async (profileId: string) =>
      (await handle.db.select({ n: count() }).from(adaptyEvents).where(eq(adaptyEvents.profileId, profileId)))[0]?.n;

    it("stores an event once, however often Adapty delivers it", async () => {
      const event = received();
      expect(await storeEvent(handle.db, event)).toBe(true);
      expect(await storeEvent(handle.db, event)).toBe(false);
      expect(await eventsOf(event.profileId)).toBe(1);
    });

    it("indexes the customer by email (any case), transaction ids and the start of the customer user id", async () => {
      const email = `Family-${randomUUID()}@Example.com`;
      const first = received({ email, customerUserId: `cu-${randomUUID()}` });
      const second = received({ email: email.toLowerCase() });
      await storeEvent(handle.db, first);
      await storeEvent(handle.db, second);
      const byEmail = await searchCustomerIndex(handle.db, email.toUpperCase());
      expect(byEmail.map((match) => match.profileId).sort()).toEqual([first.profileId, second.profileId].sort());
      expect(byEmail.every((match) => match.foundBy[0] === "email")).toBe(true);
      const byTransaction = await searchCustomerIndex(handle.db, first.transactionId!);
      expect(byTransaction.map((match) => [match.profileId, match.foundBy[0]])).toEqual([
        [first.profileId, "transaction_id"],
      ]);
      const byPrefix = await searchCustomerIndex(handle.db, first.customerUserId!.slice(0, 20));
      expect(byPrefix.map((match) => match.profileId)).toEqual([first.profileId]);
      // A LIKE wildcard typed by the agent is a character, not a pattern.
      expect(await searchCustomerIndex(handle.db, "%")).toEqual([]);
    });

    it("keeps what an access event says about each level, replacing only that level", async () => {
      const profileId = randomUUID();
      const access = (level: string, active: boolean) =>
        received({
          profileId,
          eventType: "access_level_updated",
          properties: { access_level_id: level, is_active: active, expires_at: "2027-01-06T00:00:00.000000+0000" },
        });
      await storeEvent(handle.db, access("premium", true));
      await storeEvent(handle.db, access("pro", true));
      await storeEvent(handle.db, access("premium", false));
      const [row] = await handle.db.select().from(customerIndex).where(eq(customerIndex.profileId, profileId));
      expect(row?.accessLevels).toEqual([
        { id: "pro", expiresAt: "2027-01-06T00:00:00.000000+0000", active: true },
        { id: "premium", expiresAt: "2027-01-06T00:00:00.000000+0000", active: false },
      ]);
      expect(row?.lastEventType).toBe("access_level_updated");
    });

    it("stores every event exactly once under a sustained flood of parallel redeliveries for shared customers", async () => {
      const profiles = Array.from({ length: 3 }, () => randomUUID());
      const email = `flood-${randomUUID()}@example.com`;
      // Each round delivers one of 40 events of three customers; ten senders repeat them.
      const events = Array.from({ length: 40 }, (_, index) =>
        received({ profileId: profiles[index % 3], email, customerUserId: `flood-${index % 3}` }),
      );
      const outcomes = await sustained(10, 3_000, (client, round) =>
        storeEvent(handle.db, events[(client * 7 + round) % events.length]!),
      );
      const stored = await handle.db
        .select({ n: count() })
        .from(adaptyEvents)
        .where(inArray(adaptyEvents.profileId, profiles));
      expect(outcomes.length).toBeGreaterThan(events.length);
      expect(outcomes.filter(Boolean).length).toBe(new Set(events.map((event) => event.dedupeKey)).size);
      expect(stored[0]?.n).toBe(40);
      const identifiers = await handle.db
        .select({ n: count() })
        .from(customerIdentifiers)
        .where(eq(customerIdentifiers.value, email));
      expect(identifiers[0]?.n).toBe(3);
    }, 20_000);
  });
}
