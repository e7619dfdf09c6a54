import { useMoment } from "./use-moment";

/** A moment in the agent's zone, the zone named in the text itself; UTC as its machine-readable value. */
export function ZonedTime({ date }: { date: Date }) {
  const moment = useMoment();
  return <time dateTime={date.toISOString()}>{moment(date, { withZone: true })}</time>;
}
