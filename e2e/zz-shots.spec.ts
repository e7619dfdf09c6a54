import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/auth";
import { freshCustomers, waitForBatch } from "./support/bulk";
import { createSandboxProfile } from "./support/sandbox-profile";
import { query } from "./support/database";

test.setTimeout(600_000);
const OUT = "/work/shots-20";
const LOCALES = ["en", "zh-CN", "ja", "vi"];

async function upload(page: Page, csv: string, rate: string, name: string) {
  await page.goto("/bulk");
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByLabel("Reason", { exact: true }).fill("December referral rewards");
  await page.getByLabel("Ticket", { exact: true }).fill("ZD-4821");
  if (rate) await page.getByLabel("Adapty requests per second").fill(rate);
  else await page.getByLabel("No limit (as fast as Adapty answers)").check();
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await page.waitForURL(/\/bulk\/[0-9a-f-]{36}/);
  return /\/bulk\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

async function shoot(page: Page, path: string, label: string) {
  for (const locale of LOCALES) {
    await page.context().addCookies([{ name: "console-locale", value: locale, url: page.url() || "http://127.0.0.1:3100" }]);
    for (const [w, h] of [[1280, 800], [390, 844]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(path);
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${OUT}/${label}-${locale}-${w}.png`, fullPage: true });
    }
  }
  await page.context().addCookies([{ name: "console-locale", value: "en", url: page.url() }]);
}

test("shots", async ({ page, freshStaff }, testInfo) => {
  const agent = await freshStaff("agent");
  await signIn(page, agent);
  const prefix = `shots-${testInfo.testId}-${crypto.randomUUID().slice(0, 4)}`;
  const people = await freshCustomers(prefix, 60);
  const longer = await createSandboxProfile(`${prefix}-long`, {
    grants: [{ accessLevelId: "premium", expiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString() }],
  });
  const draftCsv = [
    "customer_user_id,access_level_id,duration,reason",
    ...people.slice(0, 8).map((p) => `${p.customerUserId},premium,1m,`),
    `${longer.customerUserId},premium,1m,`,
    `${people[0]!.customerUserId},premium,7d,Second reward`,
    `${prefix}-nobody,premium,7d,`,
    `${prefix}-bad,premium,forever,`,
    `${prefix}-bad2,gold,,`,
    `${prefix}-bad3,premium,7d;extra,`,
  ].join("\n");
  const draft = await upload(page, draftCsv, "10", "referral-december.csv");
  await page.getByRole("button", { name: "Check customers (dry run)" }).click();
  await expect(page.getByText(/Checked \d+ rows/)).toBeVisible({ timeout: 60_000 });

  const done = await upload(page, ["profile_id,access_level_id,duration", ...people.slice(8, 20).map((p) => `${p.profileId},pro,7d`)].join("\n"), "", "outage-make-good.csv");
  await page.getByRole("button", { name: "Review and start" }).click();
  await page.getByRole("button", { name: "Start sending" }).click();
  await waitForBatch(done, ["completed"], 60_000);

  const running = await upload(page, ["profile_id,access_level_id,duration", ...people.slice(20).map((p) => `${p.profileId},premium,1m`)].join("\n"), "2", "november-outage.csv");
  await page.getByRole("button", { name: "Review and start" }).click();
  await page.screenshot({ path: `${OUT}/review-en-1280.png`, fullPage: true });
  await page.getByRole("button", { name: "Start sending" }).click();
  await expect.poll(async () => (await query<{ n: number }>("select count(*)::int n from bulk_rows where batch_id=$1 and state='done'", [running]))[0]!.n, { timeout: 30_000 }).toBeGreaterThan(3);

  await shoot(page, `/bulk/${running}`, "running");
  await shoot(page, `/bulk/${draft}`, "draft");
  await shoot(page, `/bulk/${draft}?rows=invalid`, "draft-invalid");
  await shoot(page, `/bulk`, "list");
  await shoot(page, `/bulk/${done}`, "completed");
  await shoot(page, `/audit?batch=${done}`, "audit");
});
