import { request as playwrightRequest, type Request } from "@playwright/test";
import { sessionOf } from "../support/auth";
import { expect, test } from "../support/fixtures";
import { REPLAYABLE_ACTIONS } from "../support/replayable-actions";
import { CONSOLE_URL } from "../support/servers";

// A server action is a public POST endpoint. Capture each one in a session allowed to
// use it, then replay the request — same action id, a changed body — with a weaker
// role's cookie and with no cookie at all: each is refused and nothing changes. The
// customers each action works on are the test's own.

function isServerAction(request: Request): boolean {
  return request.method() === "POST" && request.headers()["next-action"] !== undefined;
}

for (const action of REPLAYABLE_ACTIONS) {
  test(`${action.name}: replayed without the ${action.allowedRole} role, it is refused and changes nothing`, async ({
    browser,
    freshProfile,
  }) => {
    const subjects = {
      target: await freshProfile(action.customers),
      other: await freshProfile(action.customers),
      tag: crypto.randomUUID().slice(0, 8),
    };
    const page = await (await browser.newContext({ storageState: sessionOf(action.allowedRole) })).newPage();
    const wanted = (request: Request) =>
      isServerAction(request) && (action.captures?.(request.postData() ?? "") ?? true);
    const [captured] = await Promise.all([page.waitForRequest(wanted), action.perform(page, subjects)]);
    const headers = captured.headers();
    const body = action.vary(captured.postData() ?? "", subjects);
    expect(body).not.toBe(captured.postData());

    const attempts = [
      ...action.deniedRoles.map((role) => ({
        who: role,
        storageState: sessionOf(role),
        refusal: "Your role does not allow this.",
      })),
      { who: "nobody", storageState: { cookies: [], origins: [] }, refusal: "You are signed out." },
    ];
    for (const attempt of attempts) {
      const client = await playwrightRequest.newContext({ baseURL: CONSOLE_URL, storageState: attempt.storageState });
      const response = await client.post(new URL(captured.url()).pathname, {
        headers: {
          "next-action": headers["next-action"] ?? "",
          "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8",
          accept: "text/x-component",
          origin: CONSOLE_URL,
        },
        data: body,
        maxRedirects: 0,
      });
      expect(response.status(), attempt.who).toBeLessThan(500);
      expect(await response.text(), attempt.who).toContain(attempt.refusal);
      await client.dispose();
    }
    expect(await action.changed(subjects)).toBe(false);
  });
}
