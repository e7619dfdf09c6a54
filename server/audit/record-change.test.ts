import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAdaptyClient, type AdaptyClient } from "@/server/adapty/client";
import type { Profile } from "@/lib/adapty/types";
import { startStandaloneSandbox } from "@/server/adapty-sandbox/standalone";
import { openDatabase, type DatabaseHandle } from "@/server/db/client";
import { auditEvents } from "@/server/db/schema";
import { createAuditLog, type AuditLog } from "./log";
import { AuditUnavailableError, recordChange } from "./record-change";

// The write-ahead audit trail with the real client against the standalone sandbox over
// HTTP, on both database engines.
const KEY = "secret_audit_test_key";
const actor = { id: "00000000-0000-4000-8000-0000000000aa", email: "agent@example.com", role: "agent" };
const context = { clientAddress: "203.0.113.9", userAgent: "vitest" };
const user = { customerUserId: "demo-no-access" };

let sandbox: Awaited<ReturnType<typeof startStandaloneSandbox>>;
let adapty: AdaptyClient;

async function control(method: string, controlPath: string, body?: unknown) {
  const response = await fetch(`${sandbox.url}/__sandbox/${controlPath}`, {
    method,
    headers: { Authorization: `Api-Key ${KEY}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as { requests?: unknown[] };
}
const requestCount = async () => (await control("GET", "requests")).requests?.length ?? 0;

/** Drizzle wraps the database's error; the trigger's own words are in its cause. */
async function expectRefused(statement: Promise<unknown>) {
  const error: unknown = await statement.then(
    () => undefined,
    (e: unknown) => e,
  );
  const cause = (error as { cause?: { message?: string } } | undefined)?.cause;
  expect(cause?.message ?? String(error)).toMatch(/audit_events is append-only/);
}

const premium = (profile: Profile) =>
  profile.access_levels.find((level) => level.access_level_id === "premium") ?? null;

function grantPremium(audit: AuditLog, idempotencyKey: string, before: unknown = null, settleLaterMs?: number[]) {
  const expiresAt = new Date(Date.now() + 30 * 86_400_000);
  return recordChange(audit, {
    actor,
    action: "access_level.granted",
    target: user,
    params: { access_level_id: "premium", expires_at: expiresAt.toISOString() },
    reason: "Referral reward",
    ticket: "ZD-1",
    idempotencyKey,
    accessBefore: before,
    context,
    send: () => adapty.grantAccessLevel(user, { accessLevelId: "premium", expiresAt }),
    describeAfter: premium,
    settle: async () => {
      const profile = (await adapty.getProfile(user)).value;
      const after = premium(profile);
      return {
        applied: after?.expires_at != null && Date.parse(after.expires_at) === expiresAt.getTime(),
        value: profile,
        after,
      };
    },
    settleLaterMs,
  });
}

beforeAll(async () => {
  sandbox = await startStandaloneSandbox({ port: 0, apiKey: KEY, dataDir: undefined });
  // Long enough for a loaded CI machine, short enough for the hang tests to wait it out.
  adapty = createAdaptyClient({ apiUrl: sandbox.url, secretKey: KEY, timeoutMs: 1_500 });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await control("POST", "reset");
});

const engines: [string, () => Promise<DatabaseHandle>, boolean][] = [
  ["PGlite", () => openDatabase({ databaseUrl: undefined, dataDir: mkdtempSync(path.join(tmpdir(), "audit-")) }), true],
  [
    "PostgreSQL",
    () => openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, dataDir: "/nonexistent" }),
    Boolean(process.env.TEST_DATABASE_URL),
  ],
];

for (const [engine, open, available] of engines) {
  describe.skipIf(!available)(`write-ahead audit on ${engine}`, () => {
    let handle: DatabaseHandle;
    let audit: AuditLog;
    const rowFor = async (id: number) => (await handle.db.select().from(auditEvents).where(eq(auditEvents.id, id)))[0];

    beforeAll(async () => {
      handle = await open();
      if (engine === "PostgreSQL") {
        await handle.db.execute(sql`drop schema if exists drizzle cascade`);
        await handle.db.execute(sql`drop schema if exists public cascade`);
        await handle.db.execute(sql`create schema public`);
      }
      await handle.migrate();
      audit = createAuditLog(handle.db);
    });
    afterAll(async () => {
      await handle.close();
    });

    it("a grant writes a pending row first, then completes it with before and after", async () => {
      const result = await grantPremium(audit, `grant-${engine}-1`);
      expect(result.outcome).toBe("succeeded");
      const row = await rowFor(result.auditId);
      expect(row).toMatchObject({
        action: "access_level.granted",
        actorEmail: "agent@example.com",
        actorRole: "agent",
        targetCustomerUserId: "demo-no-access",
        reason: "Referral reward",
        ticket: "ZD-1",
        outcome: "succeeded",
        adaptyStatus: 200,
        accessBefore: null,
        clientAddress: "203.0.113.9",
      });
      expect(row?.adaptyRequestId).toMatch(/^[0-9a-f]{32}$/);
      expect(row?.accessAfter).toMatchObject({ access_level_id: "premium", store: "adapty" });
      expect(row?.completedAt).toBeInstanceOf(Date);
      expect(row?.durationMs).toBeGreaterThanOrEqual(0);
    });

    it("an Adapty 500 gives a failed row with its code", async () => {
      await control("POST", "faults", { failNext: { count: 1, status: 500 } });
      const result = await grantPremium(audit, `grant-${engine}-500`);
      expect(result.outcome).toBe("failed");
      expect(await rowFor(result.auditId)).toMatchObject({
        outcome: "failed",
        adaptyStatus: 500,
        adaptyErrorCode: "server_error",
      });
    });

    it("a hang past the timeout leaves the outcome unknown, then settles it from a re-read", async () => {
      await control("POST", "faults", { hangNext: { count: 1 } });
      const result = await grantPremium(audit, `grant-${engine}-hang`);
      // Hung, so not applied: the re-read settles the row as failed, visibly.
      expect(result.outcome).toBe("failed");
      const row = await rowFor(result.auditId);
      expect(row).toMatchObject({ outcome: "failed" });
      expect(row?.detail).toContain("Settled");
      expect(row?.settledAt).toBeInstanceOf(Date);
    });

    it("a change Adapty applies after the console gave up stays unknown, then a later re-read settles it as applied", async () => {
      await control("POST", "faults", { delayNext: { count: 1, ms: 2_000, methods: ["POST"] } });
      const result = await grantPremium(audit, `grant-${engine}-late`, null, [1_000, 2_000]);
      expect(result.outcome).toBe("unknown"); // the first re-read, at once, does not show it yet
      expect((await rowFor(result.auditId))?.outcome).toBe("unknown");
      await expect.poll(async () => (await rowFor(result.auditId))?.outcome, { timeout: 5_000 }).toBe("succeeded");
      expect((await rowFor(result.auditId))?.detail).toContain("applied late");
    });

    it("a hung change with later re-reads settles as not applied once they never show it", async () => {
      await control("POST", "faults", { hangNext: { count: 1, methods: ["POST"] } });
      const result = await grantPremium(audit, `grant-${engine}-hang-later`, null, [200, 400]);
      expect(result.outcome).toBe("unknown");
      await expect.poll(async () => (await rowFor(result.auditId))?.outcome, { timeout: 5_000 }).toBe("failed");
      expect((await rowFor(result.auditId))?.detail).toContain("never showed the change");
    });

    it("an answer lost after Adapty applied the change is settled as succeeded", async () => {
      await control("POST", "faults", { dropNext: { count: 1, when: "after" } });
      const result = await grantPremium(audit, `grant-${engine}-drop`);
      expect(result.outcome).toBe("succeeded");
      const row = await rowFor(result.auditId);
      expect(row).toMatchObject({ outcome: "succeeded" });
      expect(row?.settledAt).toBeInstanceOf(Date);
      expect(row?.accessAfter).toMatchObject({ access_level_id: "premium" });
    });

    it("a replayed idempotency key makes one Adapty call and answers with the first result", async () => {
      const first = await grantPremium(audit, `grant-${engine}-replay`);
      const [second, third] = await Promise.all([
        grantPremium(audit, `grant-${engine}-replay`),
        grantPremium(audit, `grant-${engine}-replay`),
      ]);
      expect(await requestCount()).toBe(1);
      expect(second).toMatchObject({ auditId: first.auditId, replayed: true, outcome: "succeeded" });
      expect(third).toMatchObject({ auditId: first.auditId, replayed: true });
      const rows = await handle.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.idempotencyKey, `grant-${engine}-replay`));
      expect(rows).toHaveLength(1);
    });

    it("a completion the database refuses is written once it answers again", async () => {
      let refusals = 2;
      const flaky: AuditLog = {
        ...audit,
        complete: (...args) =>
          refusals-- > 0 ? Promise.reject(new Error("Connection terminated unexpectedly")) : audit.complete(...args),
      };
      const result = await grantPremium(flaky, `grant-${engine}-flaky`);
      expect(result.outcome).toBe("succeeded"); // the change happened; the agent is told so
      expect((await rowFor(result.auditId))?.outcome).toBe("pending");
      await expect.poll(async () => (await rowFor(result.auditId))?.outcome, { timeout: 5_000 }).toBe("succeeded");
      expect((await rowFor(result.auditId))?.accessAfter).toMatchObject({ access_level_id: "premium" });
    });

    it("the database refuses to change or delete a completed row", async () => {
      const { auditId } = await grantPremium(audit, `grant-${engine}-immutable`);
      await expectRefused(handle.db.execute(sql`update audit_events set reason = 'rewritten' where id = ${auditId}`));
      await expectRefused(handle.db.execute(sql`update audit_events set outcome = 'failed' where id = ${auditId}`));
      await expectRefused(handle.db.execute(sql`delete from audit_events where id = ${auditId}`));
      await expectRefused(handle.db.execute(sql`truncate audit_events`));
      expect((await rowFor(auditId))?.reason).toBe("Referral reward");
    });

    it("even a pending row cannot have what was asked rewritten", async () => {
      const id = await audit.begin({
        actor,
        action: "access_level.revoked",
        target: user,
        params: {},
        reason: "x",
        context,
      });
      await expectRefused(
        handle.db.execute(sql`update audit_events set actor_email = 'someone@else' where id = ${id}`),
      );
    });
  });
}

describe("with the database unreachable", () => {
  it("sends nothing to Adapty and says why", async () => {
    const handle = await openDatabase({ databaseUrl: "postgres://nobody@127.0.0.1:1/none", dataDir: "/nonexistent" });
    const audit = createAuditLog(handle.db);
    await expect(grantPremium(audit, "grant-no-database")).rejects.toThrow(AuditUnavailableError);
    expect(await requestCount()).toBe(0);
    await handle.close();
  });
});
