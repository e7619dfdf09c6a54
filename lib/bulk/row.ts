import type { z } from "zod";
import { accessLevelId, reason as reasonSchema, ticket as ticketSchema } from "@/lib/access/schema";
import type { Message } from "@/lib/change/outcome";
import { isUuid, isValidUserId } from "@/lib/profiles/user-ids";
import { rowProblem, type Column } from "./columns";
import { readGrantPeriod, readRevokeAt } from "./row-period";
import type { BatchReading, BulkRequest, CustomerRef } from "./request";

// One data row of a bulk file checked with the single forms' own rules (lib/access/schema.ts,
// lib/profiles/user-ids.ts), so a row is refused for what the grant or revoke dialog would
// refuse. Every problem names its column; a rule of the dialogs keeps its Access.errors words.

export type Cells = Partial<Record<Column, string>>;

export interface RowReading {
  request: BulkRequest | null;
  problems: Message[];
}

export function readRow(cells: Cells, reading: BatchReading): RowReading {
  const cell = (column: Column) => cells[column]?.trim() ?? "";
  const problems: Message[] = [];
  const customer = readCustomer(cell("customer_user_id"), cell("profile_id"), problems);
  const level = cell("access_level_id")
    ? checked(accessLevelId, cell("access_level_id"), "access_level_id", problems)
    : missing("access_level_id", problems);
  // A row's own reason and ticket win; the batch's are for the rows that leave them empty.
  const reason = checked(reasonSchema, cell("reason") || reading.reason, "reason", problems);
  const ticket = checked(ticketSchema, cell("ticket") || (reading.ticket ?? ""), "ticket", problems);
  const action = cell("action").toLowerCase() || "grant";

  if (action === "grant") {
    const period = readGrantPeriod(cell, reading, problems);
    if (problems.length > 0 || !customer || !level || !reason || !period) return { request: null, problems };
    return {
      request: { action, customer, accessLevelId: level, ...period, reason, ...(ticket && { ticket }) },
      problems,
    };
  }
  if (action === "revoke") {
    const revokeAt = readRevokeAt(cell, reading, problems);
    if (problems.length > 0 || !customer || !level || !reason || revokeAt === undefined)
      return { request: null, problems };
    return {
      request: { action, customer, accessLevelId: level, revokeAt, reason, ...(ticket && { ticket }) },
      problems,
    };
  }
  problems.push(rowProblem("badAction", "action", cell("action")));
  return { request: null, problems };
}

function readCustomer(customerUserId: string, profileId: string, problems: Message[]): CustomerRef | null {
  if (customerUserId && profileId) {
    problems.push(rowProblem("bothCustomers", "profile_id"));
    return null;
  }
  if (profileId) {
    if (isUuid(profileId)) return { profileId: profileId.toLowerCase() };
    problems.push(rowProblem("badProfileId", "profile_id", profileId));
    return null;
  }
  if (customerUserId) {
    if (isValidUserId(customerUserId)) return { customerUserId };
    problems.push(rowProblem("badCustomerUserId", "customer_user_id", customerUserId));
    return null;
  }
  problems.push(rowProblem("noCustomer", "customer_user_id"));
  return null;
}

/** A cell checked by one of the single forms' field schemas; its message is an Access.errors key. */
function checked<Output>(schema: z.ZodType<Output>, value: string, column: Column, problems: Message[]): Output | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  problems.push({ key: `Access.errors.${result.error.issues[0]?.message ?? "timeInvalid"}`, values: { column } });
  return null;
}

function missing(column: Column, problems: Message[]): null {
  problems.push(rowProblem("required", column));
  return null;
}
