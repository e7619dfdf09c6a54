import path from "node:path";
import { request as playwrightRequest, type Page, type Request } from "@playwright/test";
import { sessionOf } from "./support/auth";
import { query } from "./support/database";
import { expect, test } from "./support/fixtures";
import { sandbox } from "./support/sandbox";
import { CONSOLE_URL, SANDBOX_KEY, SANDBOX_URL, SCREENSHOTS } from "./support/servers";

test.use({ storageState: sessionOf("agent") });

const stored = async (profileId: string) => {
  const response = await fetch(`${SANDBOX_URL}/__sandbox/profiles/${profileId}`, {
    headers: { Authorization: `Api-Key ${SANDBOX_KEY}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const profileIdFromUrl = (page: Page) => /\/profiles\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? "";
/** A customer user id no other test (or run) uses, for a profile this test creates through the form. */
const newCustomerUserId = (name: string) => `${name}-${crypto.randomUUID().slice(0, 8)}`;

async function fillEveryField(page: Page, customer: string) {
  await page.getByLabel("Customer user id", { exact: true }).fill(customer);
  await page.getByLabel("First name").fill("Ana");
  await page.getByLabel("Last name").fill("Lopez");
  await page.getByLabel("Gender").selectOption("f");
  await page.getByLabel("Email", { exact: true }).fill("ana.lopez@example.com");
  await page.getByLabel("Phone number").fill("+34 600 123 456");
  await page.getByLabel("Birthday").fill("1990-05-17");
  await page.getByLabel("Store", { exact: true }).selectOption("play_store");
  await page.getByLabel("Store country").fill("es");
  await page.getByLabel("Country from IP").fill("FR");
  await page.getByLabel("IPv4 address").fill("192.0.2.44");
  await page.getByLabel("Store account token").fill("3fa85f64-5717-4562-b3fc-2c963f66afa6");
  await page.getByLabel("App Tracking Transparency").selectOption("3");
  await page.getByLabel("Opt out of external analytics").selectOption("true");
  await page.getByRole("button", { name: "Add attribute" }).click();
  await page.locator("#attr-key-0").fill("favourite_sport");
  await page.locator("#attr-value-0").fill("yoga");
  await page.getByRole("button", { name: "Add attribute" }).click();
  await page.locator("#attr-key-1").fill("level");
  await page.locator("#attr-type-1").selectOption("number");
  await page.locator("#attr-value-1").fill("12.5");
  await page.getByLabel("Include installation details").check();
  await page.getByLabel("Platform").selectOption("Android");
  for (const [label, value] of [
    ["Device", "Pixel 9"],
    ["Operating system", "Android 16"],
    ["Locale", "es_ES"],
    ["Time zone", "Europe/Madrid"],
    ["App version", "4.2.0"],
    ["App build", "420"],
    ["Adapty SDK version", "3.5.0"],
    ["User agent", "DemoApp/4.2.0"],
    ["IDFA", "EA7583CD-A667-48BC-B806-42ECB2B48333"],
    ["IDFV", "E9D48DA5-3930-4B41-8521-D953AECD2F33"],
    ["Advertising id", "38400000-8cf0-11bd-b23e-10b96e40000d"],
    ["Android id", "9774d56d682e549c"],
    ["Android app set id", "a6b4f0c2-1111-4c2e-9f00-000000000001"],
  ] as const) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
}

test("create with every field filled; the sandbox stores each field", async ({ page }) => {
  const customer = newCustomerUserId("created-with-everything");
  await page.goto("/profiles/new");
  await page.screenshot({ path: path.join(SCREENSHOTS, "create-empty.png"), fullPage: true });
  await fillEveryField(page, customer);
  const deviceId = await page.getByLabel("Device id").inputValue();
  await page.getByRole("button", { name: "Create profile" }).click();
  await expect(page).toHaveURL(/\/profiles\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("customer-user-id")).toHaveText(customer);

  const { body } = await stored(profileIdFromUrl(page));
  expect(body.fields).toEqual({
    first_name: "Ana",
    last_name: "Lopez",
    gender: "f",
    email: "ana.lopez@example.com",
    phone_number: "+34 600 123 456",
    birthday: "1990-05-17",
    store: "play_store",
    store_country: "ES",
    ip_country: "FR",
    ip_v4_address: "192.0.2.44",
    store_account_token: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    att_status: 3,
    analytics_disabled: true,
  });
  expect(body.custom_attributes).toEqual([
    { key: "favourite_sport", value: "yoga" },
    { key: "level", value: 12.5 },
  ]);
  expect(body.installation_meta).toEqual({
    device_id: deviceId,
    platform: "Android",
    device: "Pixel 9",
    os: "Android 16",
    locale: "es_ES",
    timezone: "Europe/Madrid",
    app_version: "4.2.0",
    app_build: "420",
    adapty_sdk_version: "3.5.0",
    user_agent: "DemoApp/4.2.0",
    idfa: "EA7583CD-A667-48BC-B806-42ECB2B48333",
    idfv: "E9D48DA5-3930-4B41-8521-D953AECD2F33",
    advertising_id: "38400000-8cf0-11bd-b23e-10b96e40000d",
    android_id: "9774d56d682e549c",
    android_app_set_id: "a6b4f0c2-1111-4c2e-9f00-000000000001",
  });
  const [row] = await query<{ outcome: string; actor_email: string }>(
    "select outcome, actor_email from audit_events where action = 'profile.created' and target_customer_user_id = $1",
    [customer],
  );
  expect(row).toEqual({ outcome: "succeeded", actor_email: "agent@e2e.test" });
});

test("an anonymous profile is created with the installation details Adapty requires", async ({ page }) => {
  await page.goto("/profiles/new");
  await page.getByLabel("First name").fill("Anonymous");
  await page.getByRole("button", { name: "Create profile" }).click();
  await expect(page).toHaveURL(/\/profiles\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Anonymous customer");
  const profileId = profileIdFromUrl(page);
  const [create] = (await sandbox.requests(profileId)).filter((r) => r.method === "POST");
  expect(create?.status).toBe(200);
  expect(create?.body).toEqual({
    first_name: "Anonymous",
    installation_meta: {
      device_id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
    },
  });
  expect((await stored(profileId)).body.installation_meta).toEqual(
    (create?.body as { installation_meta?: unknown } | undefined)?.installation_meta,
  );
});

test("bad input is named on its field as you go, and nothing is sent", async ({ page }) => {
  const customer = newCustomerUserId("bad-input");
  await page.goto("/profiles/new");
  await page.getByLabel("Customer user id", { exact: true }).fill(customer);
  await page.getByLabel("Email", { exact: true }).fill("not-an-email");
  await page.getByLabel("Store country").fill("1x");
  await page.getByRole("button", { name: "Add attribute" }).click();
  await page.locator("#attr-key-0").fill("has space");
  await page.locator("#attr-value-0").fill("x".repeat(51));
  await expect(page.getByText("Value 51/50")).toBeVisible();
  await page.getByRole("button", { name: "Create profile" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Use a two-letter country code, such as US.")).toBeVisible();
  await expect(page.getByText("Keys use only letters, digits, - . and _.")).toBeVisible();
  await expect(page.getByText("Values have at most 50 characters.")).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, "create-errors.png"), fullPage: true });
  expect((await sandbox.requests(customer)).filter((r) => r.method === "POST")).toHaveLength(0);
});

test("Adapty's 400 on a field shows on that field", async ({ page }) => {
  const customer = newCustomerUserId("adapty-refuses-email");
  await sandbox.faults(
    {
      failNext: {
        count: 1,
        status: 400,
        methods: ["POST"],
        errorCode: "validation_error",
        errors: [{ source: "email", errors: ["Adapty says this address bounces."] }],
      },
    },
    customer,
  );
  try {
    await page.goto("/profiles/new");
    await page.getByLabel("Customer user id", { exact: true }).fill(customer);
    await page.getByLabel("Email", { exact: true }).fill("bounce@example.com");
    await page.getByRole("button", { name: "Create profile" }).click();
    // Adapty's own words are kept, under a sentence of the console's (Change.adaptyField).
    await expect(page.locator("#email-error")).toContainText("Adapty refused this value. Adapty's words:");
    await expect(page.locator("#email-error").getByTestId("adapty-words")).toHaveText(
      "Adapty says this address bounces.",
    );
  } finally {
    await sandbox.clearFaults(customer);
  }
});

test("a customer user id that exists is offered, not created twice", async ({ page, freshProfile }) => {
  const existing = await freshProfile({ like: "demo-lifetime" });
  await page.goto("/profiles/new");
  await page.getByLabel("Customer user id", { exact: true }).fill(existing.customerUserId);
  await page.getByRole("button", { name: "Create profile" }).click();
  await expect(page.getByText("A profile with this customer user id already exists.")).toBeVisible();
  await page.getByRole("link", { name: "Open that profile" }).click();
  await expect(page).toHaveURL(`/profiles/${existing.profileId}`);
  expect((await sandbox.requests(existing.customerUserId)).filter((r) => r.method === "POST")).toHaveLength(0);
});

test("a crafted call with 31 attributes is refused and reaches no one", async ({ page }) => {
  const base = newCustomerUserId("crafted-base");
  const crafted31 = newCustomerUserId("crafted-31");
  await page.goto("/profiles/new");
  await page.getByLabel("Customer user id", { exact: true }).fill(base);
  const [captured] = await Promise.all([
    page.waitForRequest((r: Request) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
    page.getByRole("button", { name: "Create profile" }).click(),
  ]);
  await expect(page).toHaveURL(/\/profiles\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("customer-user-id")).toHaveText(base); // the page's own reads are done
  await sandbox.clearRequests(base);

  const [args] = JSON.parse(captured.postData() ?? "[]") as [Record<string, unknown>];
  const crafted = {
    ...args,
    customer_user_id: crafted31,
    idempotencyKey: crypto.randomUUID(),
    custom_attributes: Array.from({ length: 31 }, (_, i) => ({ key: `k${i}`, type: "string", value: "v" })),
  };
  const agent = await playwrightRequest.newContext({ baseURL: CONSOLE_URL, storageState: sessionOf("agent") });
  const response = await agent.post("/profiles/new", {
    headers: {
      "next-action": captured.headers()["next-action"] ?? "",
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: CONSOLE_URL,
    },
    data: JSON.stringify([crafted]),
  });
  expect(response.status()).toBeLessThan(500);
  expect(await response.text()).toContain("tooManyAttributes");
  for (const customer of [base, crafted31])
    expect(
      (await sandbox.requests(customer)).filter((r) => r.method !== "GET"),
      customer,
    ).toHaveLength(0);
  await agent.dispose();
});
