import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdaptyClient, type AdaptyClient } from "@/server/adapty/client";
import { startStandaloneSandbox } from "@/server/adapty-sandbox/standalone";
import { createAuditLog, type AuditLog } from "@/server/audit/log";
import { openDatabase, type DatabaseHandle } from "@/server/db/client";
import { instanceId } from "@/server/db/instance";
import { auditEvents, consoleInstances } from "@/server/db/schema";
import { reconcileOpenChanges, staleAfterMs } from "@/server/maintenance/reconcile-open-changes";

// After a crash mid-change, start-up re-reads Adapty and settles the rows left open, on the
// embedded database against the standalone sandbox over HTTP.
const KEY = "secret_reconcile_test_key";
const NO_ACCESS = "9c1e5a70-0000-4000-8000-000000000001";
const LIFETIME = "9c1e5a70-0000-4000-8000-000000000007";
const actor = { id: "00000000-0000-4000-8000-0000000000aa", email: "agent@example.com", role: "agent" };
const context = { clientAddress: "203.0.113.9", userAgent: "vitest" };

let sandbox: Awaited<ReturnType<typeof startStandaloneSandbox>>;
let adapty: AdaptyClient;
let handle: DatabaseHandle;
let audit: AuditLog;
const staleAfter = staleAfterMs(2_000);
const ownerGoneAfter = 10_000;
const later = () => ({ staleAfter, ownerGoneAfter, now: new Date(Date.now() + staleAfter + 60_000) });
const outcomeOf = async (id: number) =>
  (await handle.db.select().from(auditEvents).where(eq(auditEvents.id, id)))[0]?.outcome;

async function openRow(
  action: "access_level.granted" | "access_level.revoked",
  profileId: string,
  params: Record<string, unknown>,
  { unknown = false, accessBefore = null }: { unknown?: boolean; accessBefore?: unknown } = {},
) {
  const id = await audit.begin({
    actor,
    action,
    target: { profileId },
    params,
    reason: "left open by a crash",
    accessBefore,
    context,
  });
  if (id === undefined) throw new Error("row not written");
  if (unknown) await audit.complete(id, "pending", { outcome: "unknown", detail: "timed out" });
  return id;
}

beforeAll(async () => {
  sandbox = await startStandaloneSandbox({ port: 0, apiKey: KEY, dataDir: undefined });
  adapty = createAdaptyClient({ apiUrl: sandbox.url, secretKey: KEY, timeoutMs: 2_000 });
  handle = await openDatabase({ databaseUrl: undefined, dataDir: mkdtempSync(path.join(tmpdir(), "reconcile-")) });
  await handle.migrate();
  audit = createAuditLog(handle.db);
});
afterAll(async () => {
  await handle.close();
  await sandbox.close();
});

describe("reconcileOpenChanges", () => {
  it("settles each stale row by what Adapty holds, and leaves fresh rows and unreachable ones alone", async () => {
    const expiresAt = new Date(Date.now() + 30 * 86_400_000);
    await adapty.grantAccessLevel({ profileId: NO_ACCESS }, { accessLevelId: "premium", expiresAt }); // sent before the crash
    const grantApplied = await openRow("access_level.granted", NO_ACCESS, {
      access_level_id: "premium",
      expires_at: expiresAt.toISOString(),
    });
    const grantLost = await openRow("access_level.granted", NO_ACCESS, {
      access_level_id: "pro",
      expires_at: expiresAt.toISOString(),
    });
    // Granted, then changed by someone else before anyone looked: neither as asked nor as before.
    const grantOverwritten = await openRow("access_level.granted", NO_ACCESS, {
      access_level_id: "premium",
      expires_at: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const lifetime = (await adapty.getProfile({ profileId: LIFETIME })).value.access_levels[0];
    await adapty.revokeAccessLevel({ profileId: LIFETIME }, { accessLevelId: "premium" });
    const revokeApplied = await openRow(
      "access_level.revoked",
      LIFETIME,
      { access_level_id: "premium", revoke_at: null },
      { unknown: true, accessBefore: lifetime },
    );

    // Just begun: another console may still be working on them.
    expect(await reconcileOpenChanges(handle.db, adapty, { staleAfter, ownerGoneAfter })).toEqual({
      settled: 0,
      left: 0,
    });

    // Adapty unreachable: nothing is guessed.
    const unreachable = createAdaptyClient({ apiUrl: "http://127.0.0.1:1", secretKey: KEY, timeoutMs: 500 });
    expect(await reconcileOpenChanges(handle.db, unreachable, later())).toEqual({ settled: 0, left: 4 });
    expect(await outcomeOf(grantApplied)).toBe("pending");

    expect(await reconcileOpenChanges(handle.db, adapty, later())).toEqual({ settled: 3, left: 1 });
    expect(await outcomeOf(grantApplied)).toBe("succeeded");
    expect(await outcomeOf(grantLost)).toBe("failed");
    expect(await outcomeOf(revokeApplied)).toBe("succeeded");
    expect(await outcomeOf(grantOverwritten)).toBe("pending"); // left for a person to check
    const [row] = await handle.db.select().from(auditEvents).where(eq(auditEvents.id, grantApplied));
    expect(row?.detail).toBe(
      "Settled later by re-reading Adapty (the console that sent it had stopped or given up): the change was applied.",
    );
    expect(row?.accessAfter).toMatchObject({ access_level_id: "premium" });
  });
});

describe("a change left open by an instance that died", () => {
  const SECONDS_AGO = 20_000;
  /** An open row as another process wrote it, some seconds ago. */
  async function rowBy(
    owner: string,
    action: AuditRowAction,
    target: { profileId?: string; customerUserId?: string },
    params: unknown,
    accessBefore: unknown = null,
  ) {
    const [row] = await handle.db
      .insert(auditEvents)
      .values({
        actorId: actor.id,
        actorEmail: actor.email,
        actorRole: actor.role,
        action,
        targetProfileId: target.profileId ?? null,
        targetCustomerUserId: target.customerUserId ?? null,
        params,
        accessBefore,
        outcome: "pending",
        instanceId: owner,
        occurredAt: new Date(Date.now() - SECONDS_AGO),
      })
      .returning({ id: auditEvents.id });
    return row!.id;
  }
  const soon = () => ({ staleAfter, ownerGoneAfter: SECONDS_AGO / 2 });

  it("is settled at once once its owner's heartbeat has stopped; a live owner's and this process's own rows are left to them", async () => {
    const dead = crypto.randomUUID();
    const alive = crypto.randomUUID();
    await handle.db.insert(consoleInstances).values({ id: alive });
    const expiresAt = new Date(Date.now() + 40 * 86_400_000);
    const params = { access_level_id: "premium", expires_at: expiresAt.toISOString() };
    const profile = await adapty.createProfile({ customerUserId: `crash-${crypto.randomUUID()}` }, {});
    await adapty.grantAccessLevel({ profileId: profile.value.profile_id }, { accessLevelId: "premium", expiresAt }); // Adapty applied it; then kill -9
    const orphan = await rowBy(dead, "access_level.granted", { profileId: profile.value.profile_id }, params);
    const owned = await rowBy(alive, "access_level.granted", { profileId: profile.value.profile_id }, params);
    const mine = await rowBy(instanceId(), "access_level.granted", { profileId: profile.value.profile_id }, params);

    await reconcileOpenChanges(handle.db, adapty, soon());
    expect(await outcomeOf(orphan)).toBe("succeeded");
    expect(await outcomeOf(owned)).toBe("pending");
    expect(await outcomeOf(mine)).toBe("pending");
  });

  it("settles profile creates, deletes and edits by what Adapty holds; an edit that does not show is left for a person", async () => {
    const dead = crypto.randomUUID();
    const createdId = `created-${crypto.randomUUID()}`;
    await adapty.createProfile({ customerUserId: createdId }, {});
    const created = await rowBy(dead, "profile.created", { customerUserId: createdId }, {});
    const notCreated = await rowBy(dead, "profile.created", { customerUserId: `lost-${crypto.randomUUID()}` }, {});
    const doomed = await adapty.createProfile({ customerUserId: `doomed-${crypto.randomUUID()}` }, {});
    await adapty.deleteProfile({ profileId: doomed.value.profile_id });
    const deleted = await rowBy(
      dead,
      "profile.deleted",
      { profileId: doomed.value.profile_id },
      { profile_id: doomed.value.profile_id },
    );
    const kept = await adapty.createProfile({ customerUserId: `kept-${crypto.randomUUID()}` }, {});
    const notDeleted = await rowBy(
      dead,
      "profile.deleted",
      { profileId: kept.value.profile_id },
      { profile_id: kept.value.profile_id },
    );
    await adapty.updateProfile(
      { profileId: kept.value.profile_id },
      {
        first_name: "Ada",
        custom_attributes: [{ key: "tier", value: "gold" }],
        installation_meta: { device_id: crypto.randomUUID() },
      },
    );
    const edited = await rowBy(
      dead,
      "profile.updated",
      { profileId: kept.value.profile_id },
      { first_name: "Ada", custom_attributes: [{ key: "tier", value: "gold" }] },
    );
    const editLost = await rowBy(
      dead,
      "profile.updated",
      { profileId: kept.value.profile_id },
      { first_name: "Grace" },
    );

    await reconcileOpenChanges(handle.db, adapty, soon());
    expect(await outcomeOf(created)).toBe("succeeded");
    expect(await outcomeOf(notCreated)).toBe("failed");
    expect(await outcomeOf(deleted)).toBe("succeeded");
    expect(await outcomeOf(notDeleted)).toBe("failed");
    expect(await outcomeOf(edited)).toBe("succeeded");
    expect(await outcomeOf(editLost)).toBe("pending");
  });
});

type AuditRowAction = "access_level.granted" | "profile.created" | "profile.deleted" | "profile.updated";
