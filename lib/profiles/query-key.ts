/** The query cache key of one profile, shared by the page and everything that changes it. */
export const profileQueryKey = (profileId: string) => ["profile", profileId] as const;
