// npm run staff -- <command>: manage staff from the command line, for the first admin in
// live mode (and for scripts). Uses the configured database; on the embedded database it
// refuses while a running console holds it.
//   add --email E --role viewer|agent|admin [--password P]
//   list
//   set-role --email E --role R
//   disable --email E      enable --email E
//   reset-password --email E --password P
import "server-only"; // command-line entry points run under tsx --conditions=react-server
import { parseArgs } from "node:util";
import { addStaffSchema, changeRoleSchema, resetPasswordSchema } from "@/lib/staff/schema";
import { refuseBusyDatabase } from "@/server/db";
import {
  addStaff,
  findStaffByEmail,
  listStaff,
  setStaffEnabled,
  setStaffPassword,
  setStaffRole,
  type StaffMember,
} from "@/server/auth/staff";
import { runCli } from "./run-cli";

const USAGE = `Usage: npm run staff -- add --email E --role viewer|agent|admin [--password P]
       npm run staff -- list
       npm run staff -- set-role --email E --role R
       npm run staff -- disable --email E | enable --email E
       npm run staff -- reset-password --email E --password P`;

// Validation messages in the shared schemas are catalogue keys; the CLI speaks English.
const MESSAGES: Record<string, string> = {
  emailInvalid: "--email must be an email address",
  emailTooLong: "--email has at most 320 characters",
  passwordTooShort: "--password needs at least 8 characters",
  passwordTooLong: "--password has at most 200 characters",
  roleInvalid: "--role must be viewer, agent or admin",
};

function check<T>(
  result: { success: true; data: T } | { success: false; error: { issues: { message: string }[] } },
): T {
  if (result.success) return result.data;
  const key = result.error.issues[0]?.message ?? "";
  throw new Error(`${MESSAGES[key] ?? key}\n${USAGE}`);
}

async function existing(email: string | undefined): Promise<StaffMember> {
  if (!email) throw new Error(`--email is required.\n${USAGE}`);
  const member = await findStaffByEmail(email);
  if (!member) throw new Error(`No staff member with the email ${email}.`);
  return member;
}

const describe = (m: StaffMember) =>
  `${m.email}\t${m.role}\t${m.enabled ? "enabled" : "disabled"}\t${m.passwordHash ? "password" : "sso only"}`;

runCli(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: "string" }, role: { type: "string" }, password: { type: "string" } },
  });
  const [command] = positionals;
  refuseBusyDatabase();

  switch (command) {
    case "add": {
      const input = check(
        addStaffSchema.safeParse({ email: values.email ?? "", role: values.role, password: values.password ?? "" }),
      );
      const member = await addStaff({ email: input.email, role: input.role, password: input.password || undefined });
      console.info(`Added ${describe(member)}`);
      return;
    }
    case "list": {
      const members = await listStaff();
      console.info(members.length ? members.map(describe).join("\n") : "No staff yet.");
      return;
    }
    case "set-role": {
      const member = await existing(values.email);
      const { role } = check(changeRoleSchema.safeParse({ staffId: member.id, role: values.role }));
      console.info(`Now ${describe((await setStaffRole(member.id, role)) ?? member)}`);
      return;
    }
    case "disable":
    case "enable": {
      const member = await existing(values.email);
      console.info(`Now ${describe((await setStaffEnabled(member.id, command === "enable")) ?? member)}`);
      return;
    }
    case "reset-password": {
      const member = await existing(values.email);
      const { password } = check(
        resetPasswordSchema.safeParse({ staffId: member.id, password: values.password ?? "" }),
      );
      await setStaffPassword(member.id, password);
      console.info(`Password changed for ${member.email}.`);
      return;
    }
    default:
      throw new Error(USAGE);
  }
});
