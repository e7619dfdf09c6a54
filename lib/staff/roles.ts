// Staff roles, shared by the permission map (server) and the staff forms (browser).
export const ROLES = ["viewer", "agent", "admin"] as const;
export type Role = (typeof ROLES)[number];
