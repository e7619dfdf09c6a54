/** An access level the grant form offers, and whether this console's ADAPTY_ACCESS_LEVELS names it. */
export interface GrantableLevel {
  id: string;
  configured: boolean;
}

/**
 * The levels a grant may give a customer: the configured ones (ADAPTY_ACCESS_LEVELS), then
 * every other level the profile has or had, so that anything the console can revoke can be
 * granted back. The grant action decides with this from the profile it reads before the
 * change, never from the browser's list.
 */
export function grantableLevels(
  configured: readonly string[],
  profile: { access_levels: readonly { access_level_id?: string }[] },
): GrantableLevel[] {
  const own = profile.access_levels
    .map((level) => level.access_level_id ?? "")
    .filter((id) => id !== "" && !configured.includes(id));
  return [
    ...configured.map((id) => ({ id, configured: true })),
    ...[...new Set(own)].sort().map((id) => ({ id, configured: false })),
  ];
}
