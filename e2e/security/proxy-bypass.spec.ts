import { expect, test } from "@playwright/test";
import { ATTACK_ARGUMENTS } from "../support/attack-arguments";
import { watchForChanges } from "../support/change-watch";
import { callAction, serverAction } from "../support/server-actions";
import { CONSOLE_URL } from "../support/servers";

// Threat: reaching a page's data around the proxy (proxy.ts) — the header that made
// Next.js skip middleware (CVE-2025-29927), the RSC and prefetch forms of a page, and
// paths encoded so a prefix check misses them. The proxy only redirects early; each page
// checks the staff member itself, so these must fail with or without a (forged) cookie.

const PROFILE = "/profiles/9c1e5a70-0000-4000-8000-000000000002";
const SUBREQUEST = [
  "proxy:proxy:proxy:proxy:proxy",
  "middleware:middleware:middleware:middleware:middleware",
  "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
];

const ATTEMPTS: { name: string; path: string; headers?: Record<string, string> }[] = [
  ...SUBREQUEST.map((value) => ({
    name: `x-middleware-subrequest: ${value.split(":")[0]}…`,
    path: PROFILE,
    headers: { "x-middleware-subrequest": value },
  })),
  { name: "the RSC payload", path: PROFILE, headers: { rsc: "1" } },
  {
    name: "a prefetch",
    path: `${PROFILE}?_rsc=x1y2z`,
    headers: { rsc: "1", "next-router-prefetch": "1", "next-router-segment-prefetch": "/_tree" },
  },
  { name: "a .rsc URL", path: `${PROFILE}.rsc` },
  { name: "a .prefetch.rsc URL", path: `${PROFILE}.prefetch.rsc` },
  { name: "the pages-router data route", path: "/_next/data/build/audit.json", headers: { "x-nextjs-data": "1" } },
  { name: "an encoded letter", path: PROFILE.replace("/profiles", "/%70rofiles") },
  { name: "an encoded slash", path: PROFILE.replace("/profiles/", "/profiles%2F") },
  { name: "a double slash", path: `/${PROFILE}` },
  { name: "a dot-dot from a public prefix", path: `/api/health/..%2F..${PROFILE}` },
  { name: "a dot-dot from sign-in", path: "/sign-in/..%2Faudit" },
  { name: "upper case", path: "/AUDIT" },
  { name: "a trailing slash on the export", path: "/audit/export/" },
  { name: "an encoded export path", path: "/audit%2Fexport" },
  { name: "a NUL byte", path: `${PROFILE}%00` },
];

const COOKIES = {
  "no cookie": undefined,
  "a forged cookie (which gets past the proxy)": "authjs.session-token=forged",
};

for (const [holding, cookie] of Object.entries(COOKIES)) {
  test(`with ${holding}, no bypass reaches a page's data`, async () => {
    const watch = await watchForChanges();
    for (const attempt of ATTEMPTS) {
      const response = await fetch(`${CONSOLE_URL}${attempt.path}`, {
        redirect: "manual",
        headers: { ...attempt.headers, ...(cookie ? { cookie } : {}) },
      });
      const body = await response.text();
      if (response.status === 200) {
        // An RSC answer carries the page's redirect to sign-in as data, and nothing else.
        expect(response.headers.get("content-type"), attempt.name).toContain("text/x-component");
        expect(body, attempt.name).toMatch(/NEXT_REDIRECT;replace;\/sign-in\?callbackUrl=/);
      } else {
        expect([307, 308, 400, 401, 404], `${attempt.name}: status`).toContain(response.status);
      }
      if (response.status === 308) expect(response.headers.get("location"), attempt.name).toMatch(/^\/[^/\\]/); // a same-site clean-up redirect
      expect(body, `${attempt.name}: leaked data`).not.toMatch(/demo-active-renewing|premium|@e2e\.test|time_utc/);
    }
    await watch.expectNothingChanged(["auth.denied"]);
  });
}

test("an action call with x-middleware-subrequest and no cookie is refused", async () => {
  const watch = await watchForChanges();
  const answer = await callAction(serverAction("grantAccessAction"), [await ATTACK_ARGUMENTS.grantAccessAction!()], {
    headers: { "x-middleware-subrequest": SUBREQUEST[0]! },
  });
  expect(answer.status).toBeLessThan(500);
  expect(answer.result?.serverError).toBe("You are signed out. Sign in again, then retry. Nothing was changed.");
  await watch.expectNothingChanged(["auth.denied"]);
});
