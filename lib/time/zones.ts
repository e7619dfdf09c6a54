/**
 * Old IANA names that browsers and ICU still report or list as canonical, with the names the
 * IANA database uses now. Agents look for "Ho Chi Minh" and "Kolkata"; a browser in Vietnam
 * may still say Asia/Saigon. (The IANA `backward` file, for the zones ICU keeps the old name of.)
 */
const CURRENT_NAMES: Record<string, string> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
  "Etc/UTC": "UTC",
  "Etc/GMT": "UTC",
  GMT: "UTC",
};

function accepted(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The current IANA name of a zone ("Asia/Saigon" → "Asia/Ho_Chi_Minh"); other names as they are. */
export function currentZoneName(zone: string): string {
  const current = CURRENT_NAMES[zone];
  return current && accepted(current) ? current : zone;
}

/** The old names of each current one, so a search for "saigon" or "calcutta" finds its zone. */
const OLD_NAMES = Object.entries(CURRENT_NAMES).reduce<Record<string, string[]>>((names, [old, current]) => {
  (names[current] ??= []).push(old);
  return names;
}, {});

/** "UTC+07:00", "UTC-03:30", "UTC+00:00": the zone's offset from UTC at that moment. */
export function utcOffset(zone: string, at: Date): string {
  const name = new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  const offset = name?.replace(/^GMT/, "") || "+00:00";
  return `UTC${offset}`;
}

/** The zone's name in the agent's language ("Indochina Time", "インドシナ時間"), if Intl knows one. */
export function readableZoneName(locale: string, zone: string, at: Date): string | undefined {
  const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "longGeneric" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  return name && !/^(GMT|UTC)[+−-]/.test(name) ? name : undefined;
}

export interface ZoneChoice {
  zone: string;
  offset: string;
  name?: string;
  /** What a search matches: the id with spaces, the offset, the readable name. */
  haystack: string;
}

const offsetMinutes = (offset: string) => {
  const match = /([+−-])(\d{2}):(\d{2})/.exec(offset);
  return match ? (match[1] === "+" ? 1 : -1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
};

/** Every zone, current names only: the agent's own and UTC first, then by offset and name. */
export function zoneChoices(locale: string, agentZone: string, at: Date): ZoneChoice[] {
  const all = Intl.supportedValuesOf("timeZone").map(currentZoneName);
  const own = currentZoneName(agentZone);
  const rest = [...new Set(all)].filter((zone) => zone !== own && zone !== "UTC");
  const choice = (zone: string): ZoneChoice => {
    const offset = utcOffset(zone, at);
    const name = readableZoneName(locale, zone, at);
    const names = [zone, ...(OLD_NAMES[zone] ?? [])].map((id) => `${id} ${id.replaceAll("_", " ")}`).join(" ");
    const haystack = `${names} ${offset} ${name ?? ""}`.toLowerCase();
    return { zone, offset, name, haystack };
  };
  const sorted = rest
    .map(choice)
    .sort((a, b) => offsetMinutes(a.offset) - offsetMinutes(b.offset) || a.zone.localeCompare(b.zone));
  return [...new Set([own, "UTC"])].map(choice).concat(sorted);
}

/** The choices a search leaves ("ho chi minh", "saigon", "+07:00", "インドシナ"): every word must match. */
export function searchZones(choices: ZoneChoice[], query: string): ZoneChoice[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return choices;
  return choices.filter((choice) => words.every((word) => choice.haystack.includes(word)));
}
