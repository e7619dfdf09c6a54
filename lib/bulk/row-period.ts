import { grantPeriodProblems } from "@/lib/access/schema";
import type { Message } from "@/lib/change/outcome";
import { rowProblem, type Column } from "./columns";
import { addDuration } from "./duration";
import { readInstant } from "./instant";
import type { BatchReading } from "./request";

// When a row's grant starts and ends, or when its revoke takes effect. A grant says its
// end once: expires_at or duration ("lifetime" for access without end); a cell that
// belongs to the other action is refused rather than silently ignored.

type CellOf = (column: Column) => string;

const GRANT_ONLY = ["starts_at", "expires_at", "duration"] as const;

/** The grant's instants (ISO, null start: when sent, null end: lifetime), or null when a problem was found. */
export function readGrantPeriod(
  cell: CellOf,
  reading: BatchReading,
  problems: Message[],
): { startsAt: string | null; expiresAt: string | null } | null {
  const before = problems.length;
  if (cell("revoke_at")) problems.push(rowProblem("onlyForRevoke", "revoke_at"));
  const start = cell("starts_at") ? instantOf(cell, "starts_at", reading, problems) : null;
  const expiresAt = cell("expires_at");
  const duration = cell("duration");
  let end: number | null | undefined;
  if (expiresAt && duration) problems.push(rowProblem("endTwice", "duration"));
  else if (expiresAt) end = instantOf(cell, "expires_at", reading, problems);
  else if (duration) end = durationEnd(duration, start ?? reading.now, reading.zone, problems);
  else problems.push(rowProblem("noEnd", "expires_at"));
  if (problems.length > before || start === undefined || end === undefined) return null;

  const period = { startsAt: isoOf(start), expiresAt: isoOf(end) };
  for (const problem of grantPeriodProblems(period.startsAt, period.expiresAt, reading.now)) {
    const column = problem.field === "startsAt" ? "starts_at" : expiresAt ? "expires_at" : "duration";
    problems.push({ key: `Access.errors.${problem.message}`, values: { column } });
  }
  return problems.length > before ? null : period;
}

/** The revoke's instant (ISO; null: at once), or undefined when a problem was found. */
export function readRevokeAt(cell: CellOf, reading: BatchReading, problems: Message[]): string | null | undefined {
  const before = problems.length;
  for (const column of GRANT_ONLY) if (cell(column)) problems.push(rowProblem("onlyForGrant", column));
  if (!cell("revoke_at")) return problems.length > before ? undefined : null;
  const revokeAt = instantOf(cell, "revoke_at", reading, problems);
  // Adapty refuses a revoke time already past (lib/access/rules.ts); an empty cell is the way to say "at once".
  if (revokeAt !== undefined && revokeAt <= reading.now) problems.push(rowProblem("revokeInPast", "revoke_at"));
  return problems.length > before || revokeAt === undefined ? undefined : new Date(revokeAt).toISOString();
}

function instantOf(cell: CellOf, column: Column, reading: BatchReading, problems: Message[]): number | undefined {
  const instant = readInstant(cell(column), reading.zone);
  if (instant !== null) return instant;
  problems.push(rowProblem("badDate", column, cell(column)));
  return undefined;
}

function durationEnd(duration: string, from: number, zone: string, problems: Message[]): number | null | undefined {
  const end = addDuration(from, duration, zone);
  if (end !== "invalid") return end;
  problems.push(rowProblem("badDuration", "duration", duration));
  return undefined;
}

const isoOf = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());
