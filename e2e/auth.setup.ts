import { test as setup } from "@playwright/test";
import { ROLES, sessionOf, signIn } from "./support/auth";
import { saveSuitePolicy } from "./support/policy";

for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, `${role}@e2e.test`);
    await page.context().storageState({ path: sessionOf(role) });
  });
}

setup("the suite's grant policy", async () => {
  await saveSuitePolicy();
});
