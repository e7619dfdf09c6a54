import path from "node:path";
import type { Page } from "@playwright/test";
import { sessionOf } from "./support/auth";
import { expect, test } from "./support/fixtures";
import { sandbox } from "./support/sandbox";
import { SCREENSHOTS } from "./support/servers";
import { adaptyEventBody, deliver, storedEvents } from "./support/webhooks";

// "I paid, why don't I have premium?": the profile's timeline, fed by the standalone
// sandbox's webhooks (sent as Adapty sends them) and by deliveries made here directly.
test.use({ storageState: sessionOf("viewer") });

const sentences = (page: Page) => page.locator('[data-timeline-entry="adapty"] [data-sentence]');

test("a renewal, a billing issue and a refund at the store show up on the timeline within seconds, newest first", async ({
  page,
  freshProfile,
}) => {
  const { profileId } = await freshProfile({ like: "demo-active-renewing" });
  for (const type of ["subscription_renewed", "billing_issue_detected", "subscription_refunded"])
    await sandbox.simulate(profileId, { type });
  await expect
    .poll(async () => (await storedEvents(profileId)).map((event) => event.event_type), { timeout: 15_000 })
    .toEqual(expect.arrayContaining(["subscription_renewed", "billing_issue_detected", "subscription_refunded"]));
  await page.goto(`/profiles/${profileId}`);
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline).toContainText("Renewed com.demo.premium.monthly");
  await expect(timeline).toContainText("Billing issue detected");
  await expect(timeline).toContainText("Refunded");
  const order = await sentences(page).allTextContents();
  const at = (text: string) => order.findIndex((sentence) => sentence.startsWith(text));
  expect(at("Refunded")).toBeLessThan(at("Billing issue detected"));
  expect(at("Billing issue detected")).toBeLessThan(at("Renewed"));
  await expect(timeline).toContainText(/History since .*, when the webhook was connected\./);
  await page.screenshot({ path: path.join(SCREENSHOTS, "timeline.png"), fullPage: true });
});

test("an event delivered twice appears once; a sandbox event is labelled and filtered apart; its payload opens", async ({
  page,
  freshProfile,
}) => {
  const { profileId, customerUserId } = await freshProfile();
  const renewal = adaptyEventBody({ profileId, customerUserId, eventType: "subscription_renewed" });
  await deliver(renewal);
  await deliver(renewal);
  const test = adaptyEventBody({
    profileId,
    customerUserId,
    eventType: "trial_started",
    properties: { environment: "Sandbox", vendor_product_id: "com.demo.trial.test" },
  });
  await deliver(test);
  await page.goto(`/profiles/${profileId}`);
  await expect(sentences(page)).toHaveCount(2);
  const trial = page.locator('[data-event-type="trial_started"]');
  await expect(trial).toContainText("Sandbox");
  await page.getByRole("link", { name: "Renewals" }).click();
  await expect(sentences(page)).toHaveCount(1);
  await expect(sentences(page).first()).toContainText("Renewed");
  await page.getByRole("link", { name: "All kinds" }).click();
  await expect(trial.getByText("What Adapty sent")).toBeHidden();
  await trial.locator("summary").click();
  await expect(trial.getByText("What Adapty sent")).toBeVisible();
  await expect(trial).toContainText(String(test.event_properties.profile_event_id));
});
