// How a lookup's answers become what the agent sees: Adapty's exact answers (a profile id, a
// customer user id) and the console's index (email, transaction ids, a customer-user-id
// prefix), one entry per customer. Pure, so the redirect-or-list decision is unit-tested.

export type FoundBy =
  "profile_id" | "exact_customer_user_id" | "email" | "transaction_id" | "original_transaction_id" | "customer_user_id";

export interface IndexedAccessLevel {
  id: string;
  expiresAt: string | null;
  active: boolean;
}

export interface Candidate {
  profileId: string;
  customerUserId: string | null;
  email: string | null;
  lastEventType: string | null;
  lastEventAt: Date | null;
  accessLevels: IndexedAccessLevel[] | null;
  foundBy: FoundBy[];
}

export type SearchOutcome =
  { kind: "one"; profileId: string } | { kind: "several"; candidates: Candidate[]; more: boolean } | { kind: "none" };

/**
 * Adapty's exact answers first (in that order), then the index's, one entry per profile. An
 * exact id wins over customer user ids that merely start with it ("user-1" opens user-1, not
 * a list with user-10); an email or receipt naming another customer still makes a choice.
 */
export function combineMatches(exact: Candidate[], indexed: Candidate[], limit: number): SearchOutcome {
  const byProfile = new Map<string, Candidate>();
  const relevant =
    exact.length === 0
      ? indexed
      : indexed
          .map((candidate) => ({
            ...candidate,
            foundBy: candidate.foundBy.filter((how) => how !== "customer_user_id"),
          }))
          .filter((candidate) => candidate.foundBy.length > 0);
  for (const candidate of [...exact, ...relevant]) {
    const known = byProfile.get(candidate.profileId);
    if (!known) {
      byProfile.set(candidate.profileId, { ...candidate, foundBy: [...candidate.foundBy] });
      continue;
    }
    // Adapty's answer names the customer; the index adds what only events tell (email, last event).
    known.email ??= candidate.email;
    known.lastEventType ??= candidate.lastEventType;
    known.lastEventAt ??= candidate.lastEventAt;
    known.accessLevels ??= candidate.accessLevels;
    for (const how of candidate.foundBy) if (!known.foundBy.includes(how)) known.foundBy.push(how);
  }
  const all = [...byProfile.values()];
  if (all.length === 0) return { kind: "none" };
  if (all.length === 1) return { kind: "one", profileId: all[0]!.profileId };
  return { kind: "several", candidates: all.slice(0, limit), more: all.length > limit };
}
