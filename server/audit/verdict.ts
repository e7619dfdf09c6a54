import "server-only";

/** What a re-read of Adapty says about a change whose row was left open. */
export interface Verdict {
  verdict: "applied" | "not applied";
  /** The row's access_after, when the change is about an access level. */
  after?: unknown;
  /** What a replay of the submission answers with (the profile, as for a completed change). */
  result?: unknown;
}
