import { expect, test } from "@playwright/test";
import { watchForChanges } from "../support/change-watch";
import { query } from "../support/database";
import { signInOverHttp } from "../support/http-session";

// Threat: guessing a staff password — one address hammering an account, a botnet
// rotating addresses, many guesses sent at once to race the counter — straight at
// next-auth's endpoint rather than through the form.

const failuresOf = async (email: string) =>
  Number(
    (
      await query<{ n: number }>(
        "select count(*)::int as n from audit_events where action = 'auth.sign_in_failed' and actor_email = $1",
        [email],
      )
    )[0]?.n,
  );
const successesOf = async (email: string) =>
  Number(
    (
      await query<{ n: number }>(
        "select count(*)::int as n from audit_events where action = 'auth.signed_in' and actor_email = $1",
        [email],
      )
    )[0]?.n,
  );
/** Why next-auth sent the sign-in back: "invalid" (checked, wrong) or "locked" (not checked at all). */
const refusalCode = (location: string) => new URL(location, "http://x").searchParams.get("code");

// Nothing but refused sign-ins may come of any of it.
let watch: Awaited<ReturnType<typeof watchForChanges>>;
test.beforeEach(async () => {
  watch = await watchForChanges();
});
test.afterEach(async () => {
  await watch.expectNothingChanged(["auth.sign_in_failed"]);
});

test("guesses from rotating addresses lock the account; then even the right password is refused", async () => {
  const email = "brute-me@e2e.test";
  for (let guess = 1; guess <= 5; guess++) {
    const answer = await signInOverHttp(email, `guess-${guess}`, { "x-forwarded-for": `203.0.113.${guess}` });
    expect(answer.cookie).toBeUndefined();
    expect(refusalCode(answer.location)).toBe("invalid");
  }
  const right = await signInOverHttp(email, undefined, { "x-forwarded-for": "203.0.113.99" });
  expect(right.cookie).toBeUndefined();
  expect(refusalCode(right.location)).toBe("locked");
  expect(await failuresOf(email)).toBe(6); // five guesses and the refused right one, each on record
  expect(await successesOf(email)).toBe(0);
});

test("twenty guesses sent at once cannot race past the lockout: at most five are ever checked", async () => {
  const email = "race-me@e2e.test";
  const burst = await Promise.all(
    Array.from({ length: 20 }, (_, guess) =>
      signInOverHttp(email, `parallel-${guess}`, { "x-forwarded-for": `198.18.0.${guess + 1}` }),
    ),
  );
  expect(burst.every((answer) => answer.cookie === undefined)).toBe(true);
  // Each guess is written before it is judged, so the burst sees itself: a guess refused as
  // "locked" was never checked against the password (and does not count as a failure).
  let checked = burst.filter((answer) => refusalCode(answer.location) === "invalid").length;
  expect(checked).toBeLessThanOrEqual(5);
  // Keep guessing one at a time: the lock engages after exactly five checked guesses in all.
  for (;;) {
    const answer = await signInOverHttp(email, `after-${checked}`, { "x-forwarded-for": `198.18.2.${checked + 1}` });
    if (refusalCode(answer.location) === "locked") break;
    expect(refusalCode(answer.location)).toBe("invalid");
    checked++;
    expect(checked).toBeLessThanOrEqual(5);
  }
  expect(checked).toBe(5);
  const right = await signInOverHttp(email, undefined, { "x-forwarded-for": "198.18.1.1" });
  expect(right.cookie).toBeUndefined();
  expect(refusalCode(right.location)).toBe("locked");
  expect(await successesOf(email)).toBe(0);
});

test("one address guessing at many accounts is stopped after five failures", async () => {
  const address = "192.0.2.200";
  for (let guess = 1; guess <= 5; guess++) {
    const answer = await signInOverHttp(`nobody-${guess}@e2e.test`, "guess", { "x-forwarded-for": address });
    expect(refusalCode(answer.location)).toBe("invalid");
  }
  // A real account, with its real password, from that address: refused until the lock ends.
  const right = await signInOverHttp("agent@e2e.test", undefined, { "x-forwarded-for": address });
  expect(right.cookie).toBeUndefined();
  expect(refusalCode(right.location)).toBe("locked");
});
