import { randomUUID } from "node:crypto";
import { expect, test } from "../support/fixtures";
import { query } from "../support/database";
import { rawRequest } from "../support/raw-http";
import { adaptyEventBody, deliver, someAddress, storedEvents } from "../support/webhooks";
import { E2E_WEBHOOK_AUTHORIZATION, WEBHOOK_URL } from "../support/servers";

// The one route that takes requests with no session and no Origin: what an attacker who
// finds POST /api/adapty/webhook can do with it (docs/security.md).

test("guessing the Authorization value is slowed down: after 20 wrong tries an address is answered 429, yet Adapty's own value still gets in", async () => {
  const from = someAddress();
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 24; attempt++)
    statuses.push((await deliver(adaptyEventBody(), { authorization: `guess-${attempt}`, from })).status);
  expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
  expect(statuses.slice(20)).toEqual(Array(4).fill(429));
  const body = adaptyEventBody();
  expect((await deliver(body, { from })).status).toBe(200);
  expect(await storedEvents(body.profile_id)).toHaveLength(1);
  // One audit row for the window, not one per guess; the count follows when the window closes.
  const rows = await query("select id from audit_events where action = 'webhook.refused' and client_address = $1", [
    from.slice(0, 64),
  ]);
  expect(rows).toHaveLength(1);
});

test("a value that differs only in case, one character or a prefix is refused", async () => {
  const from = someAddress();
  for (const value of [
    E2E_WEBHOOK_AUTHORIZATION.toUpperCase(),
    // (Leading and trailing spaces never arrive: HTTP trims header values.)
    E2E_WEBHOOK_AUTHORIZATION.replace("-", "_"),
    `Bearer ${E2E_WEBHOOK_AUTHORIZATION}`,
    E2E_WEBHOOK_AUTHORIZATION.slice(0, -1),
  ]) {
    const body = adaptyEventBody();
    expect((await deliver(body, { authorization: value, from })).status).toBe(401);
    expect(await storedEvents(body.profile_id)).toEqual([]);
  }
});

test("another site's Origin does not matter here (no cookie is used), but it still opens no other route", async () => {
  const body = adaptyEventBody();
  const fromAnotherSite = await deliver(body, { headers: { Origin: "https://evil.example" } });
  expect(fromAnotherSite.status).toBe(200);
  const elsewhere = await rawRequest(
    "POST",
    `/api/adapty/webhook-${randomUUID().slice(0, 4)}`,
    { "content-type": "application/json", authorization: E2E_WEBHOOK_AUTHORIZATION, host: "127.0.0.1" },
    JSON.stringify(body),
  );
  expect(elsewhere.status).toBe(403);
});

test("the receiver answers only POST: a browser opening it is not sent to sign-in", async () => {
  const response = await fetch(WEBHOOK_URL, { redirect: "manual" });
  expect(response.status).toBe(405);
});

test("a flood of oversized deliveries is refused without reading them, and stores nothing", async () => {
  const huge = "x".repeat(2_000_000);
  const answers = await Promise.all(
    Array.from({ length: 10 }, () => deliver(undefined, { raw: `{"profile_id":"${huge}"}` })),
  );
  expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(400));
});
