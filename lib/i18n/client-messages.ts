import type english from "./messages/en.json";

// The browser gets only the parts of the catalogue its components read on the page at hand:
// every page carries them in its HTML, and the whole catalogue was a third of a profile
// page. Server components translate on the server and need none of this.

export type Namespace = keyof typeof english;

/** Read in the browser on any page: error boundaries, outcomes of actions, schema messages. */
const EVERY_PAGE = ["Error", "Validation", "ActionErrors", "Change"] as const satisfies Namespace[];

/** Each part of the console and the namespaces its client components read, besides EVERY_PAGE. */
export const CLIENT_NAMESPACES = {
  root: [],
  signIn: ["SignIn", "Language"],
  // The header, and what any console page may show: a profile that cannot be read.
  consoleShell: ["Nav", "Lookup", "Profile", "Language"],
  profile: ["Profile", "Access", "TimeZone", "Time", "Policy", "ReplySummary", "Notes", "Undo"],
  profileForm: ["Profile", "ProfileForm", "Access"], // the reason and ticket fields are the grant's
  audit: ["Audit", "Access", "TimeZone", "Time", "Undo", "Policy"], // the undo dialog is built on the grant and revoke dialogs
  staff: ["Staff"],
  approvals: ["Approvals", "Policy", "Time"],
  settings: ["Settings", "Time"],
  // The upload form's zone, reason and ticket are the grant's; a row's dry-run finding says a loss in the grant's
  // words; the file's and the rows' messages come as BulkFile and BulkRun keys.
  bulk: ["Bulk", "BulkFile", "BulkRun", "Access", "TimeZone", "Time"],
} as const satisfies Record<string, Namespace[]>;

export type ClientPart = keyof typeof CLIENT_NAMESPACES;

/** The catalogue's namespaces for one part, the same objects (React sends a repeated one once). */
export function clientMessages(messages: Record<string, unknown>, part: ClientPart): Record<string, unknown> {
  return Object.fromEntries(
    [...EVERY_PAGE, ...CLIENT_NAMESPACES[part]].map((namespace) => [namespace, messages[namespace]]),
  );
}
