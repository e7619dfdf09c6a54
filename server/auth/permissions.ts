import "server-only";

// Who may do what: the one map. Every page, server action and route handler asks
// requireStaff(permission) with one of these, and the answer comes from here.

import { ROLES, type Role } from "@/lib/staff/roles";

export { ROLES, type Role };

export const PERMISSIONS = [
  "profiles.read", // look up customers and see their access
  "audit.read", // read the audit log
  "profiles.write", // create and edit profiles
  "access.grant",
  "access.revoke",
  "profiles.delete",
  "staff.manage", // add staff, change roles, disable, reset passwords
  "settings.manage", // the grant policy, how long approvals and undo stay open
  "approvals.decide", // approve or decline a change beyond its requester's policy
  "notes.write", // add notes on a customer; edit or delete one's own (admins: anyone's)
  "bulk.run", // upload, check and start bulk batches of grants and revokes; pause or cancel one's own (admins: anyone's)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const VIEWER: Permission[] = ["profiles.read", "audit.read"];
const AGENT: Permission[] = [...VIEWER, "profiles.write", "access.grant", "access.revoke", "notes.write", "bulk.run"];
const ADMIN: Permission[] = [...AGENT, "profiles.delete", "staff.manage", "settings.manage", "approvals.decide"];

const GRANTED: Record<Role, ReadonlySet<Permission>> = {
  viewer: new Set(VIEWER),
  agent: new Set(AGENT),
  admin: new Set(ADMIN),
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTED[role].has(permission);
}
