import type { AdaptyFailure } from "@/lib/profiles/adapty-failure";
import type { Profile } from "@/server/adapty/types";

/** What a grant or revoke answers the dialog. Field errors are catalogue keys of Access.errors. */
export type AccessChangeOutcome =
  | { outcome: "succeeded"; profile: Profile; replayed: boolean }
  | {
      outcome: "refused";
      fieldErrors: Partial<Record<"accessLevelId" | "startsAt" | "expiresAt" | "revokeAt", string>>;
    }
  | {
      outcome: "failed" | "unknown" | "in_progress";
      failure?: AdaptyFailure;
      fieldErrors?: Partial<Record<"accessLevelId" | "revokeAt", string>>;
    }
  /** Another change to this customer's level was still being made: nothing was read or sent. */
  | { outcome: "busy"; accessLevelId: string };
