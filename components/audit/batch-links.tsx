import Link from "next/link";
import { useTranslations } from "next-intl";
import type { AuditEntry } from "@/lib/audit/entry";

const linkClass = "text-xs text-slate-700 underline decoration-slate-300 hover:decoration-slate-900";

/** The batch a row belongs to: "Batch row N" (to the batch's page) for its rows, "Open its rows" for batch.* rows. */
export function BatchLinks({ row }: { row: AuditEntry }) {
  const t = useTranslations("Bulk");
  const batchId = row.batchId ?? batchIdInParams(row.params);
  if (!batchId) return null;
  if (row.action.startsWith("batch."))
    return (
      <Link className={`${linkClass} block`} href={`/audit?batch=${batchId}`}>
        {t("batchRows")}
      </Link>
    );
  if (row.batchLine === null || row.batchLine === undefined) return null;
  return (
    <Link className={`${linkClass} block`} href={`/bulk/${batchId}`}>
      {t("batchRow", { line: row.batchLine })}
    </Link>
  );
}

/** Where a batch.* row may name its batch instead of the batch column: its params. */
function batchIdInParams(params: unknown): string | undefined {
  const value = (params as { batchId?: unknown } | null)?.batchId;
  return typeof value === "string" ? value : undefined;
}
