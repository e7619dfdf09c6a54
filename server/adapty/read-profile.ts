import "server-only";
import type { Profile, UserRef } from "@/lib/adapty/types";
import type { ReadResult } from "@/lib/change/outcome";
import { AdaptyError } from "./errors";
import { toFailure } from "./failure";
import { getAdaptyClient } from "./index";

/** Every read of a profile: the profile, or Adapty's failure as data (any other error is raised). */
export async function readProfile(user: UserRef): Promise<ReadResult<Profile>> {
  try {
    return { profile: (await getAdaptyClient().getProfile(user)).value };
  } catch (error) {
    if (error instanceof AdaptyError) return { failure: toFailure(error) };
    throw error;
  }
}
