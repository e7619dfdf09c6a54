import type { Role } from "@/lib/staff/roles";

/** A staff member as a staff change answers with it: never the password hash. */
export interface StaffMemberSummary {
  id: string;
  email: string;
  role: Role;
  enabled: boolean;
}
