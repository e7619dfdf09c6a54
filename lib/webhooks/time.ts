// Adapty writes webhook times as `2020-07-10T15:00:00.000000+0000`: six fractional digits
// and an offset without a colon (WEBHOOKS.md). Date.parse does not take that offset, so
// every form Adapty writes is read here: `T` or a space, any fraction, `Z`, `+0000` or
// `+00:00`, or no offset at all (read as UTC, as Adapty does).
const ADAPTY_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** The moment an Adapty time names, or undefined when it is not one. */
export function parseAdaptyWebhookTime(value: string): Date | undefined {
  const match = ADAPTY_TIME.exec(value.trim());
  if (!match) return undefined;
  const [, day = "", minutes, seconds = "00", fraction = "", zone = "Z"] = match;
  // Date.parse rolls 31 February over into March; a day that does not exist is not a time.
  if (!Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day)
    return undefined;
  const milliseconds = fraction.padEnd(3, "0").slice(0, 3);
  const offset = /^z$/i.test(zone) ? "Z" : zone.length === 3 ? `${zone}:00` : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const time = Date.parse(`${day}T${minutes}:${seconds}.${milliseconds}${offset}`);
  return Number.isNaN(time) ? undefined : new Date(time);
}
