import "server-only";
import { AdaptyError, getAdaptyClient } from "@/server/adapty";
import type { Profile } from "@/lib/adapty/types";

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
export async function findByUuid(
  id: string,
): Promise<{ byProfileId: Profile | null; byCustomerUserId: Profile | null }> {
  const adapty = getAdaptyClient();
  const [byProfileId, byCustomerUserId] = await Promise.all([
    orNotFound(adapty.getProfile({ profileId: id })),
    orNotFound(adapty.getProfile({ customerUserId: id })),
  ]);
  return { byProfileId, byCustomerUserId };
}
