import "server-only";
import { combineMatches, type Candidate, type SearchOutcome } from "@/lib/search/combine";
import type { Profile } from "@/lib/adapty/types";
import { isUuid } from "@/lib/profiles/user-ids";
import { AdaptyError, getAdaptyClient } from "@/server/adapty";
import { getDb } from "@/server/db";
import { MAX_MATCHES, searchCustomerIndex } from "@/server/webhooks/search";
import { findByUuid } from "./find";

const fromAdapty = (profile: Profile | null, how: Candidate["foundBy"][number]): Candidate[] =>
  profile
    ? [
        {
          profileId: profile.profile_id,
          customerUserId: profile.customer_user_id,
          email: null,
          lastEventType: null,
          lastEventAt: null,
          accessLevels: null,
          foundBy: [how],
        },
      ]
    : [];

async function exactAtAdapty(query: string): Promise<Candidate[]> {
  if (isUuid(query)) {
    const { byProfileId, byCustomerUserId } = await findByUuid(query);
    return [...fromAdapty(byProfileId, "profile_id"), ...fromAdapty(byCustomerUserId, "exact_customer_user_id")];
  }
  try {
    const { value } = await getAdaptyClient().getProfile({ customerUserId: query });
    return fromAdapty(value, "exact_customer_user_id");
  } catch (error) {
    if (error instanceof AdaptyError && error.kind === "not_found") return [];
    throw error;
  }
}

/**
 * What the lookup box's words name: exact ids at Adapty (as before), and at once the
 * console's index by email, store transaction ids and customer-user-id prefix. An Adapty
 * failure is raised (the page says it in place); the index alone never decides "none".
 */
export async function searchCustomers(query: string): Promise<SearchOutcome> {
  const [exact, indexed] = await Promise.all([
    exactAtAdapty(query),
    getDb().then((db) => searchCustomerIndex(db, query)),
  ]);
  return combineMatches(exact, indexed, MAX_MATCHES);
}
