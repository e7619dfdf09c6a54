import { query } from "../support/database";
import { expect, test } from "../support/fixtures";
import { signInOverHttp } from "../support/http-session";
import { storedAccessLevel } from "../support/sandbox-profile";
import { sandbox } from "../support/sandbox";
import { callAction, serverAction } from "../support/server-actions";
import { startSecondInstance, type SecondInstance } from "../support/second-instance";
import { CONSOLE_PORT } from "../support/servers";

// Threat: a console instance killed (kill -9) while a grant is at Adapty. Its audit row is
// left pending; the other instance, still running, must settle it from Adapty within its
// periodic round — not only at its next restart.

test.setTimeout(150_000);
const SECOND_PORT = CONSOLE_PORT + 50;
const SECOND_URL = `http://127.0.0.1:${SECOND_PORT}`;
/** What the second instance printed, shown when the test fails. */
const log: string[] = [];
let second: SecondInstance | undefined;
test.afterEach(({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) console.info(`Second instance's output:\n${log.join("")}`);
  second?.kill(); // never leave it running for the next test
});

test("a grant cut off by kill -9 while at Adapty is settled by the running instance within its periodic round", async ({
  freshProfile,
}) => {
  const { profileId } = await freshProfile();
  second = await startSecondInstance(SECOND_PORT, log);
  const { cookie } = await signInOverHttp("agent@e2e.test");
  expect(cookie, "signed in").toBeDefined();
  const expiresAt = new Date(Date.now() + 45 * 86_400_000);
  expiresAt.setUTCMilliseconds(0);

  // Adapty takes 3 s to answer the grant (and applies it): the instance dies meanwhile.
  await sandbox.faults({ delayNext: { count: 1, ms: 3_000, methods: ["POST"] } }, profileId);
  const sent = callAction(
    serverAction("grantAccessAction"),
    [
      {
        profileId,
        accessLevelId: "premium",
        startsAt: null,
        expiresAt: expiresAt.toISOString(),
        reason: "Crash test",
        ticket: "",
        idempotencyKey: crypto.randomUUID(),
      },
    ],
    { cookie, base: SECOND_URL },
  ).catch((error: unknown) => error);
  await expect
    .poll(
      async () =>
        (
          await query("select 1 from audit_events where action = 'access_level.granted' and target_profile_id = $1", [
            profileId,
          ])
        ).length,
      {
        message: "the grant's row is written",
      },
    )
    .toBe(1)
    .catch(async (error: unknown) => {
      console.info("The grant answered:", await sent);
      throw error;
    });
  // The row is written before the grant is sent: kill only once it is at Adapty (under load,
  // a kill right after the row could come before the request left, and nothing would be granted).
  await expect
    .poll(
      async () =>
        (await sandbox.requests(profileId)).some(
          (request) => request.method === "POST" && request.path.includes("/grant/"),
        ),
      { message: "the grant reached Adapty" },
    )
    .toBe(true);
  second.kill();
  const killedAt = Date.now();
  await sent;

  // Adapty finished the grant the dead instance sent.
  await expect
    .poll(async () => (await storedAccessLevel(profileId, "premium"))?.expires_at ?? null, { timeout: 10_000 })
    .not.toBeNull();
  const [open] = await query<{ outcome: string }>(
    "select outcome::text from audit_events where action = 'access_level.granted' and target_profile_id = $1",
    [profileId],
  );
  expect(open?.outcome).toBe("pending");

  // The running console settles it: once the dead instance's heartbeat is stale (30 s) and
  // Adapty can no longer be finishing its request (4 timeouts + 5 s = 21 s), at its next 3-s round.
  await expect
    .poll(
      async () =>
        (
          await query<{ outcome: string }>(
            "select outcome::text from audit_events where action = 'access_level.granted' and target_profile_id = $1",
            [profileId],
          )
        )[0]?.outcome,
      {
        timeout: 90_000,
        intervals: [1_000],
      },
    )
    .toBe("succeeded");
  console.info(
    `Crash mid-grant: settled ${Math.round((Date.now() - killedAt) / 1000)} s after kill -9, with the console running.`,
  );
  const [row] = await query<{ detail: string; after: string | null }>(
    "select detail, access_after->>'expires_at' as after from audit_events where action = 'access_level.granted' and target_profile_id = $1",
    [profileId],
  );
  expect(row?.detail).toContain("the change was applied");
  expect(Date.parse(row!.after!.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"))).toBe(expiresAt.getTime());
});
