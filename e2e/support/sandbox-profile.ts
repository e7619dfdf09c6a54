import { SANDBOX_KEY, SANDBOX_URL } from "./servers";

/** What the standalone sandbox stores for a profile: the truth a grant or revoke is checked against. */
export async function storedAccessLevel(profileId: string, accessLevelId: string) {
  const response = await fetch(`${SANDBOX_URL}/__sandbox/profiles/${profileId}`, {
    headers: { Authorization: `Api-Key ${SANDBOX_KEY}` },
  });
  const stored = (await response.json()) as {
    access_levels: { access_level_id: string; starts_at: string | null; expires_at: string | null }[];
  };
  return stored.access_levels.find((level) => level.access_level_id === accessLevelId);
}

/** A time as the console shows it in UTC ("Dec 22, 2026, 3:12 AM"), for comparing with what was stored. */
export function utcText(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return new Intl.DateTimeFormat("en", { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" }).format(date);
}
