import { expect, test } from "./support/fixtures";
import { sessionOf } from "./support/auth";

// `?ticket=` comes from a help-desk link. A reference the console cannot attach is not
// dropped in silence: the agent would believe their change carries the ticket.
const byCustomer = (id: string) => `/profiles/by-customer/${encodeURIComponent(id)}`;

test.describe("as an agent", () => {
  test.use({ storageState: sessionOf("agent") });

  test("a ticket with a space is not attached, and the page says why", async ({ page, freshProfile }) => {
    const { customerUserId } = await freshProfile({ like: "demo-lifetime" });
    await page.goto(`${byCustomer(customerUserId)}?ticket=${encodeURIComponent("ZD 123")}`);
    await expect(page.getByRole("status").filter({ hasText: "was not attached" })).toHaveText(
      "Ticket “ZD 123” was not attached to actions from this page: a ticket reference uses letters, digits and - _ . # : / only, with no spaces. Type it in the form instead.",
    );
    await expect(page.getByText("will be attached to actions")).toHaveCount(0);
    await page.getByRole("button", { name: "Grant access" }).click();
    await expect(page.getByRole("dialog").getByLabel("Ticket")).toHaveValue("");
  });

  test("a ticket over 64 characters is not attached, and the page says why", async ({ page, freshProfile }) => {
    const { customerUserId } = await freshProfile({ like: "demo-lifetime" });
    await page.goto(`${byCustomer(customerUserId)}?ticket=${"Z".repeat(65)}`);
    await expect(page.getByText("a ticket reference is at most 64 characters")).toBeVisible();
  });

  test("a refused ticket survives the lookup by profile id and is explained there", async ({ page, freshProfile }) => {
    const { profileId } = await freshProfile();
    await page.goto(`/profiles/find?q=${profileId}&ticket=${encodeURIComponent("<b>x</b>")}`);
    await expect(page).toHaveURL(new RegExp(`/profiles/${profileId}\\?ticket=`));
    await expect(page.getByText("Ticket “<b>x</b>” was not attached")).toBeVisible();
    // A good one is carried and attached, as before.
    await page.goto(`/profiles/find?q=${profileId}&ticket=ZD-9`);
    await expect(page.getByText("Ticket ZD-9 will be attached to actions taken from this page.")).toBeVisible();
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: sessionOf("viewer") });

  test("a viewer, who takes no actions, is not told a ticket will be attached to them", async ({
    page,
    freshProfile,
  }) => {
    const { customerUserId } = await freshProfile({ like: "demo-lifetime" });
    await page.goto(`${byCustomer(customerUserId)}?ticket=ZD-5`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(customerUserId);
    await expect(page.getByText("Ticket ZD-5")).toHaveCount(0);
  });
});
