import "server-only";
import { AdaptyError, getAdaptyClient } from "@/server/adapty";
import type { Profile } from "@/lib/adapty/types";
import { isUuid } from "@/lib/profiles/user-ids";

async function orNotFound(read: Promise<{ value: Profile }>): Promise<Profile | null> {
  try {
    return (await read).value;
  } catch (error) {
    if (error instanceof AdaptyError && error.kind === "not_found") return null;
    throw error;
  }
}

/**
 * A UUID may be a profile id or a customer user id (apps often use UUIDs for their own
 * users), so ask Adapty both ways at once and report what each found.
 */
async function findByUuid(id: string): Promise<{ byProfileId: Profile | null; byCustomerUserId: Profile | null }> {
  const adapty = getAdaptyClient();
  const [byProfileId, byCustomerUserId] = await Promise.all([
    orNotFound(adapty.getProfile({ profileId: id })),
    orNotFound(adapty.getProfile({ customerUserId: id })),
  ]);
  return { byProfileId, byCustomerUserId };
}

/**
 * What Adapty holds under an exact id: a UUID asked both ways, anything else as a customer
 * user id (a profile id is always a UUID). A failure other than "no such user" is thrown.
 */
export async function findExact(
  id: string,
): Promise<{ profile: Profile; as: "profile_id" | "customer_user_id_exact" }[]> {
  if (isUuid(id)) {
    const { byProfileId, byCustomerUserId } = await findByUuid(id);
    return [
      ...(byProfileId ? [{ profile: byProfileId, as: "profile_id" as const }] : []),
      ...(byCustomerUserId ? [{ profile: byCustomerUserId, as: "customer_user_id_exact" as const }] : []),
    ];
  }
  const byCustomerUserId = await orNotFound(getAdaptyClient().getProfile({ customerUserId: id }));
  return byCustomerUserId ? [{ profile: byCustomerUserId, as: "customer_user_id_exact" }] : [];
}
