import { test as base } from "@playwright/test";
import type { E2ERole } from "./auth";
import { cookieOf } from "./http-session";
import { sandbox } from "./sandbox";
import { createSandboxProfile, type FreshProfile, type ProfileState } from "./sandbox-profile";
import { callAction, serverAction } from "./server-actions";
import { E2E_PASSWORD } from "./servers";

// Tests seed their own data: each makes the customers (and, where it reads its own trail
// in the audit log, the staff member) it works on, under ids no other test uses, so tests
// run side by side. The seeded demo customers are only ever read.

export interface Fixtures {
  /**
   * A new customer in the sandbox, `e2e-<test id>-<n>-<random>`: blank, a copy of a demo
   * customer, and/or with access levels granted. Faults set for it are cleared afterwards.
   */
  freshProfile: (state?: ProfileState) => Promise<FreshProfile>;
  /** The customers freshProfile made for this test so far, for hooks that check on them. */
  madeProfiles: FreshProfile[];
  /** A new staff member with this role (added by the admin; password E2E_PASSWORD): its email. */
  freshStaff: (role: E2ERole) => Promise<string>;
}

const unique = () => crypto.randomUUID().slice(0, 8);

export const test = base.extend<Fixtures>({
  // (`provide` is Playwright's `use`, renamed so that React's rules of hooks leave it alone.)
  madeProfiles: async ({}, provide) => provide([]),
  freshProfile: async ({ madeProfiles: made }, provide, testInfo) => {
    await provide(async (state) => {
      const profile = await createSandboxProfile(`e2e-${testInfo.testId}-${made.length + 1}-${unique()}`, state);
      made.push(profile);
      return profile;
    });
    for (const { customerUserId, profileId } of made) {
      await sandbox.clearFaults(customerUserId);
      await sandbox.clearFaults(profileId);
    }
  },
  freshStaff: async ({}, provide, testInfo) => {
    await provide(async (role) => {
      const email = `${role}-${testInfo.testId}-${unique()}@e2e.test`;
      const added = await callAction(serverAction("addStaffAction"), [{ email, role, password: E2E_PASSWORD }], {
        cookie: cookieOf("admin"),
      });
      if ((added.result?.data as { value?: { email?: string } } | undefined)?.value?.email !== email)
        throw new Error(`could not add ${email}: ${added.text.slice(0, 300)}`);
      return email;
    });
  },
});

export { expect } from "@playwright/test";
