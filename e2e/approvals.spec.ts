import type { Browser, Page } from "@playwright/test";
import { sessionOf, signIn } from "./support/auth";
import { query } from "./support/database";
import { expect, test } from "./support/fixtures";
import { signInOverHttp } from "./support/http-session";
import { storedAccessLevel } from "./support/sandbox-profile";
import { callAction, serverAction } from "./support/server-actions";

// Issue 19, four-eyes approval: a grant beyond an agent's policy (here lifetime, which the
// suite's policy keeps from agents: e2e/support/policy.ts) waits for another admin; nothing
// reaches Adapty before that, and the grant that then runs names both.

const byCustomer = (id: string) => `/profiles/by-customer/${encodeURIComponent(id)}`;

async function asMember(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

async function cookieFor(email: string): Promise<string> {
  const { cookie } = await signInOverHttp(email);
  if (!cookie) throw new Error(`${email} could not sign in`);
  return cookie;
}

const requestsFor = (profileId: string) =>
  query<{ id: string; status: string; requested_by_email: string; decided_by_email: string | null }>(
    "select id, status::text, requested_by_email, decided_by_email from approval_requests where profile_id = $1",
    [profileId],
  );

/** A lifetime grant asked for approval by a call, as the dialog's "Ask an admin" sends it. */
async function askLifetime(cookie: string, profileId: string) {
  const answer = await callAction(
    serverAction("requestApprovalAction"),
    [
      {
        profileId,
        accessLevelId: "premium",
        startsAt: null,
        expiresAt: null,
        reason: "VIP",
        idempotencyKey: crypto.randomUUID(),
      },
    ],
    { cookie },
  );
  expect((answer.result?.data as { outcome?: string } | undefined)?.outcome, answer.text.slice(0, 300)).toBe(
    "succeeded",
  );
  const [request] = await requestsFor(profileId);
  return request!;
}

test("an agent's lifetime grant waits for an admin, reaches Adapty only when approved, and names both", async ({
  browser,
  freshProfile,
  freshStaff,
}) => {
  const customer = await freshProfile();
  const agentEmail = await freshStaff("agent");
  const agent = await asMember(browser, agentEmail);
  await agent.goto(byCustomer(customer.customerUserId));
  await agent.getByRole("button", { name: "Grant access" }).click();
  const dialog = agent.getByRole("dialog");
  await expect(dialog.getByTestId("policy-line")).toContainText("up to 1,000 days · no lifetime access");
  await dialog.getByText("Lifetime", { exact: true }).click();
  await expect(dialog.getByText("This grant goes beyond your grant policy:")).toBeVisible();
  await expect(dialog.getByText("it grants lifetime access")).toBeVisible();
  await dialog.getByLabel("Reason").fill("Referral programme winner");
  await dialog.getByRole("button", { name: "Review" }).click();
  await dialog.getByRole("button", { name: "Ask an admin to approve" }).click();
  await expect(agent.getByText("Sent for approval.")).toBeVisible();

  // Nothing reached Adapty; the request and its audit row are stored.
  expect(await storedAccessLevel(customer.profileId, "premium")).toBeFalsy();
  const [request] = await requestsFor(customer.profileId);
  expect(request).toMatchObject({ status: "pending", requested_by_email: agentEmail });
  const asked = await query(
    "select 1 from audit_events where action = 'approval.requested' and target_profile_id = $1 and outcome = 'succeeded' and actor_email = $2",
    [customer.profileId, agentEmail],
  );
  expect(asked).toHaveLength(1);

  const admin = await (await browser.newContext({ storageState: sessionOf("admin") })).newPage();
  await admin.goto("/approvals");
  await expect(admin.getByTestId("pending-approvals")).toBeVisible();
  const card = admin.locator(`article[data-request-id="${request!.id}"]`);
  await expect(card).toContainText(`${agentEmail} asks to grant premium to ${customer.customerUserId}`);
  await expect(card).toContainText("it grants lifetime access");
  await card.getByRole("button", { name: "Approve and grant" }).click();
  await expect(
    admin.locator(`section[aria-labelledby="decided-requests"] article[data-request-id="${request!.id}"]`),
  ).toContainText("Approved");

  const stored = await storedAccessLevel(customer.profileId, "premium");
  expect(stored?.expires_at).toBeNull();
  const rows = await query<{ actor_email: string; approved_by_email: string; outcome: string }>(
    "select actor_email, approved_by_email, outcome::text from audit_events where action = 'access_level.granted' and target_profile_id = $1",
    [customer.profileId],
  );
  expect(rows).toEqual([{ actor_email: agentEmail, approved_by_email: "admin@e2e.test", outcome: "succeeded" }]);
  expect((await requestsFor(customer.profileId))[0]).toMatchObject({
    status: "approved",
    decided_by_email: "admin@e2e.test",
  });

  // The audit log names both.
  await admin.goto(`/audit?user=${customer.profileId}`);
  await expect(admin.locator("main")).toContainText("approved by admin@e2e.test");
});

test("declining sends nothing and needs a comment; the agent's request is gone from the queue", async ({
  browser,
  freshProfile,
  freshStaff,
}) => {
  const customer = await freshProfile();
  const agentEmail = await freshStaff("agent");
  const request = await askLifetime(await cookieFor(agentEmail), customer.profileId);

  const admin = await (await browser.newContext({ storageState: sessionOf("admin") })).newPage();
  await admin.goto("/approvals");
  const card = admin.locator(`article[data-request-id="${request.id}"]`);
  await card.getByRole("button", { name: "Decline" }).click();
  await expect(card.getByText("Say why you decline")).toBeVisible();
  await card.getByLabel("Comment").fill("Lifetime is not part of the referral programme");
  await card.getByRole("button", { name: "Decline" }).click();
  await expect(
    admin.locator(`section[aria-labelledby="decided-requests"] article[data-request-id="${request.id}"]`),
  ).toContainText("Declined");

  expect(await storedAccessLevel(customer.profileId, "premium")).toBeFalsy();
  expect((await requestsFor(customer.profileId))[0]?.status).toBe("declined");
  const rows = await query<{ action: string; reason: string }>(
    "select action, reason from audit_events where target_profile_id = $1 and action like 'approval.%' and outcome = 'succeeded' order by id",
    [customer.profileId],
  );
  expect(rows).toEqual([
    { action: "approval.requested", reason: "VIP" },
    { action: "approval.declined", reason: "Lifetime is not part of the referral programme" },
  ]);
});

test("nobody approves their own request, and an agent cannot approve at all, whatever they send", async ({
  freshProfile,
  freshStaff,
}) => {
  const customer = await freshProfile();
  const adminEmail = await freshStaff("admin");
  const adminCookie = await cookieFor(adminEmail);
  // An admin's own request (their policy has no limit, so it is made here as a row would be).
  const [{ id } = { id: "" }] = await query<{ id: string }>(
    `insert into approval_requests (kind, requested_by_id, requested_by_email, requested_by_role, profile_id, params, exceeds, reason, expires_at)
     select 'grant', id, email, 'admin', $1, $2, '[{"kind":"lifetime"}]', 'mine', now() + interval '1 hour' from staff where email = $3 returning id`,
    [
      customer.profileId,
      JSON.stringify({ profileId: customer.profileId, accessLevelId: "premium", startsAt: null, expiresAt: null }),
      adminEmail,
    ],
  );
  const own = await callAction(serverAction("approveRequestAction"), [{ requestId: id }], { cookie: adminCookie });
  expect(own.result?.data).toMatchObject({ outcome: "refused", message: "Approvals.errors.ownRequest" });
  const declineOwn = await callAction(serverAction("declineRequestAction"), [{ requestId: id, comment: "no" }], {
    cookie: adminCookie,
  });
  expect(declineOwn.result?.data).toMatchObject({ outcome: "refused", message: "Approvals.errors.ownRequest" });

  const agentCookie = await cookieFor(await freshStaff("agent"));
  const byAgent = await callAction(serverAction("approveRequestAction"), [{ requestId: id }], { cookie: agentCookie });
  expect(byAgent.result?.data).toBeUndefined();
  expect(byAgent.result?.serverError).toBeTruthy();

  expect(await storedAccessLevel(customer.profileId, "premium")).toBeFalsy();
  expect((await requestsFor(customer.profileId))[0]?.status).toBe("pending");
});

test("many approvals of one request at once by two admins grant it once", async ({ freshProfile, freshStaff }) => {
  const customer = await freshProfile();
  const request = await askLifetime(await cookieFor(await freshStaff("agent")), customer.profileId);
  const cookies = [await cookieFor(await freshStaff("admin")), await cookieFor(await freshStaff("admin"))];
  const answers = await Promise.all(
    Array.from({ length: 12 }, (_, n) =>
      callAction(serverAction("approveRequestAction"), [{ requestId: request.id }], { cookie: cookies[n % 2] }),
    ),
  );
  const outcomes = answers.map((answer) => (answer.result?.data as { outcome?: string } | undefined)?.outcome);
  expect(outcomes.filter((outcome) => outcome === "succeeded")).toHaveLength(1);
  const grants = await query(
    "select 1 from audit_events where action = 'access_level.granted' and target_profile_id = $1",
    [customer.profileId],
  );
  expect(grants).toHaveLength(1);
  expect((await storedAccessLevel(customer.profileId, "premium"))?.expires_at).toBeNull();
});

test("an expired request cannot be approved", async ({ freshProfile, freshStaff }) => {
  const customer = await freshProfile();
  const request = await askLifetime(await cookieFor(await freshStaff("agent")), customer.profileId);
  await query("update approval_requests set expires_at = now() - interval '1 minute' where id = $1", [request.id]);
  const answer = await callAction(serverAction("approveRequestAction"), [{ requestId: request.id }], {
    cookie: await cookieFor(await freshStaff("admin")),
  });
  expect(answer.result?.data).toMatchObject({ outcome: "refused", message: "Approvals.errors.decided" });
  expect(await storedAccessLevel(customer.profileId, "premium")).toBeFalsy();
});
