import type { AdaptyFailure } from "@/lib/profiles/adapty-failure";

/** What create, edit and delete answer the form: where to go, or what to show on which field. */
export type ProfileChangeOutcome =
  | { outcome: "succeeded"; profileId: string }
  | { outcome: "exists"; profileId: string }
  | { outcome: "refused"; formErrors: string[] }
  | {
      outcome: "failed" | "unknown" | "in_progress";
      failure?: AdaptyFailure;
      /** Adapty's messages by field path (its `source`), e.g. `email` or `custom_attributes.3.key`. */
      fieldErrors?: Record<string, string[]>;
      formErrors?: string[];
    };
