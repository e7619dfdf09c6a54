import "server-only";
import { z } from "zod";
import { reason, ticket } from "@/lib/access/schema";
import { parseBatchFile } from "@/lib/bulk/parse";
import { MAX_FILE_BYTES, type ParsedRow } from "@/lib/bulk/request";
import type { ChangeOutcome, FieldErrors, Message } from "@/lib/change/outcome";
import { asPolicyGrant, exceededLimits, type PolicyLimit } from "@/lib/policy/evaluate";
import { isTimeZone } from "@/lib/i18n/locales";
import { auditedChange } from "@/server/audit/audited-change";
import type { Staff } from "@/server/auth/require-staff";
import { getDb } from "@/server/db";
import { policyOf } from "@/server/policy/grant-guard";
import { readSettings } from "@/server/policy/settings-store";
import { insertBatch } from "./store";

// An uploaded file becomes a draft batch: read and checked row by row with the single
// forms' rules, rows beyond the uploader's grant policy marked (they would be refused), and
// stored — nothing is sent. The batch-wide fields are checked like any form's.

export const uploadFields = z.object({
  zone: z.string().refine(isTimeZone, "BulkRun.errors.zoneInvalid"),
  reason,
  ticket,
  ratePerSecond: z
    .string()
    .trim()
    .regex(/^(\d{1,3})?$/, "BulkRun.errors.rateInvalid")
    .transform((value) => (value === "" ? null : Number(value)))
    .refine((value) => value === null || (value >= 1 && value <= 100), "BulkRun.errors.rateInvalid"),
  concurrency: z
    .string()
    .trim()
    .regex(/^\d{1,2}$/, "BulkRun.errors.concurrencyInvalid")
    .transform(Number)
    .refine((value) => value >= 1 && value <= 20, "BulkRun.errors.concurrencyInvalid"),
});

const LIMIT_PROBLEMS: Record<PolicyLimit["kind"], (limit: PolicyLimit) => Message> = {
  duration: (limit) => ({
    key: "BulkRun.rowBeyond.duration",
    values: { maxDays: "maxDays" in limit ? limit.maxDays : 0 },
  }),
  lifetime: () => "BulkRun.rowBeyond.lifetime",
  level: () => "BulkRun.rowBeyond.level",
  dailyCap: () => "BulkRun.rowBeyond.dailyCap",
};

/** Grant rows beyond the uploader's policy are invalid here: sent, they would only be refused. */
function heldToPolicy(rows: ParsedRow[], limitsOf: (row: ParsedRow) => PolicyLimit[]): ParsedRow[] {
  return rows.map((row) => {
    const limits = limitsOf(row);
    if (limits.length === 0) return row;
    return {
      ...row,
      request: null,
      problems: [...row.problems, ...limits.map((limit) => LIMIT_PROBLEMS[limit.kind](limit))],
    };
  });
}

const refusedOn = (field: string, message: Message): ChangeOutcome<{ batchId: string }> => ({
  outcome: "refused",
  fieldErrors: { [field]: message },
});

export async function uploadBatch(uploader: Staff, form: FormData): Promise<ChangeOutcome<{ batchId: string }>> {
  const fields = uploadFields.safeParse({
    zone: form.get("zone") ?? "",
    reason: form.get("reason") ?? "",
    ticket: form.get("ticket") ?? "",
    ratePerSecond: form.get("ratePerSecond") ?? "",
    concurrency: form.get("concurrency") ?? "",
  });
  if (!fields.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of fields.error.issues) {
      const name = String(issue.path[0]);
      fieldErrors[name] ??= issue.message.includes(".") ? issue.message : `Access.errors.${issue.message}`;
    }
    return { outcome: "refused", fieldErrors };
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return refusedOn("file", "BulkRun.errors.fileMissing");
  if (file.size > MAX_FILE_BYTES)
    return refusedOn("file", {
      key: "BulkRun.errors.fileTooLarge",
      values: { megabytes: MAX_FILE_BYTES / 1024 / 1024 },
    });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return refusedOn("file", "BulkRun.errors.notUtf8");
  }
  const { zone, reason: batchReason, ticket: batchTicket, ratePerSecond, concurrency } = fields.data;
  const parsed = parseBatchFile(text, { zone, reason: batchReason, ticket: batchTicket, now: Date.now() });
  if (!parsed.ok) return refusedOn("file", parsed.error);

  const db = await getDb();
  const policy = policyOf((await readSettings(db)).settings, uploader.role);
  const rows = heldToPolicy(parsed.rows, (row) =>
    row.request?.action === "grant" ? exceededLimits(policy, asPolicyGrant(row.request), Date.now()) : [],
  );
  const batchId = crypto.randomUUID();
  const fileName = file.name.replace(/[\u0000-\u001f]/g, "").slice(0, 200) || "batch.csv";
  return auditedChange({
    actor: uploader,
    action: "batch.created",
    target: {},
    params: {
      fileName,
      rows: rows.length,
      invalid: rows.filter((row) => !row.request).length,
      zone,
      ratePerSecond,
      concurrency,
    },
    reason: batchReason,
    ticket: batchTicket ?? null,
    batch: { id: batchId },
    send: async () => ({
      value: await insertBatch(db, {
        id: batchId,
        creator: uploader,
        fileName,
        columns: parsed.columns,
        zone,
        reason: batchReason,
        ticket: batchTicket ?? null,
        ratePerSecond,
        concurrency,
        rows,
      }),
    }),
    answer: (batchId) => ({ batchId }),
  });
}
