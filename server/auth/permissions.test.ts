import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, can } from "./permissions";

const table: Record<(typeof ROLES)[number], (typeof PERMISSIONS)[number][]> = {
  viewer: ["profiles.read", "audit.read"],
  agent: ["profiles.read", "audit.read", "profiles.write", "access.grant", "access.revoke", "notes.write", "bulk.run"],
  admin: [
    "profiles.read",
    "audit.read",
    "profiles.write",
    "access.grant",
    "access.revoke",
    "profiles.delete",
    "staff.manage",
    "settings.manage",
    "approvals.decide",
    "notes.write",
    "bulk.run",
  ],
};

describe("permission map", () => {
  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      const expected = table[role].includes(permission);
      it(`${role} ${expected ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(expected);
      });
    }
  }
});
