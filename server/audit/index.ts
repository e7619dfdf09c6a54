import "server-only";
import { getDb } from "@/server/db";
import { createAuditLog, type AuditEvent, type AuditLog } from "./log";
import { recordCountedRefusal } from "./refusals";

export { AlreadyUndoneError, AuditUnavailableError, IdempotencyKeyReusedError, type Failure } from "./record-change";
export type { AuditLog } from "./log";

export async function getAuditLog(): Promise<AuditLog> {
  return createAuditLog(await getDb());
}

/**
 * Records an event (a view, a sign-in, a refusal). An event that cannot be written is
 * logged, not raised: it must never stop someone signing in or stop a refusal.
 */
export async function recordEvent(event: AuditEvent): Promise<void> {
  try {
    await (await getAuditLog()).record(event);
  } catch (error) {
    console.error(
      `Audit event ${event.action} could not be written: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Records a refusal that nobody signed in caused: counted per address and window rather
 * than written one row each (server/audit/refusals.ts). Never raises, like recordEvent;
 * answers the window's count for this address, or undefined when it could not be counted.
 */
export async function recordAnonymousRefusal(event: AuditEvent): Promise<number | undefined> {
  try {
    return await recordCountedRefusal(await getDb(), event);
  } catch (error) {
    console.error(
      `Audit event ${event.action} could not be counted: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}
