// What the lookup box's query found, put together: Adapty's answers to the exact ids and
// the console's index (email, transaction ids, the start of a customer user id). One
// customer goes straight to its profile; several are listed; none is said plainly.

/** How a customer was found: exactly at Adapty, or in the console's index. */
export type MatchReason =
  "profile_id" | "customer_user_id_exact" | "email" | "transaction_id" | "original_transaction_id" | "customer_user_id";

export interface AccessSeen {
  id: string;
  expiresAt: string | null;
  active: boolean;
}

export interface SearchCandidate {
  profileId: string;
  customerUserId: string | null;
  email: string | null;
  lastEventType: string | null;
  lastEventAt: Date | null;
  accessLevels: AccessSeen[] | null;
  accessSeenAt: Date | null;
}

export interface SearchMatch extends SearchCandidate {
  matchedBy: MatchReason[];
}

export type SearchOutcome =
  { kind: "one"; profileId: string } | { kind: "several"; matches: SearchMatch[] } | { kind: "none" };

const ORDER: MatchReason[] = [
  "profile_id",
  "customer_user_id_exact",
  "email",
  "transaction_id",
  "original_transaction_id",
  "customer_user_id",
];

/**
 * Distinct customers (by profile id, any case) across both answers, Adapty's exact ones
 * first; the index's row fills in what Adapty's answer lacks (email, last event).
 */
export function combineSearch(
  exact: (SearchCandidate & { matchedBy: "profile_id" | "customer_user_id_exact" })[],
  indexed: (SearchCandidate & { matchedBy: MatchReason })[],
): SearchOutcome {
  const byProfile = new Map<string, SearchMatch>();
  for (const found of [...exact, ...indexed]) {
    const key = found.profileId.toLowerCase();
    const known = byProfile.get(key);
    if (!known) {
      byProfile.set(key, { ...found, matchedBy: [found.matchedBy] });
      continue;
    }
    if (!known.matchedBy.includes(found.matchedBy)) known.matchedBy.push(found.matchedBy);
    known.email ??= found.email;
    known.customerUserId ??= found.customerUserId;
    known.lastEventType ??= found.lastEventType;
    known.lastEventAt ??= found.lastEventAt;
  }
  const matches = [...byProfile.values()].map((match) => ({
    ...match,
    matchedBy: [...match.matchedBy].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)),
  }));
  if (matches.length === 0) return { kind: "none" };
  if (matches.length === 1) return { kind: "one", profileId: matches[0]!.profileId };
  return { kind: "several", matches };
}
