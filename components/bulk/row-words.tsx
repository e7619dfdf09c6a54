"use client";

import { useNow, useTranslations } from "next-intl";
import { useLossWords } from "@/components/access/grant-plan";
import { useMessage } from "@/components/ui/use-message";
import type { RowView } from "@/lib/bulk/view";

/** Whom a row names: the app's customer user id, else Adapty's profile id. */
export const rowCustomer = (row: RowView) => row.cells.customer_user_id || row.cells.profile_id || "—";

/**
 * Everything a row has to say, each its own line: why it is invalid, the line it repeats,
 * what the dry run found (no such customer, the access a grant would take away, a refusal
 * to come), and how its send ended. Times in the batch's zone.
 */
export function RowWords({ row, zone }: { row: RowView; zone: string }) {
  const t = useTranslations("Bulk");
  const message = useMessage();
  const now = useNow();
  const loss = useLossWords(zone, now);
  const lines: string[] = row.problems.map(message);
  if (row.duplicateOf !== null) lines.push(t("repeats", { line: row.duplicateOf }));
  const check = row.check;
  if (check && "failed" in check) lines.push(t("checkFailed", { why: message(check.failed) }));
  else if (check && !check.found) lines.push(t("missing"));
  else if (check) {
    for (const lost of check.losses) lines.push(loss(lost, rowCustomer(row), row.cells.access_level_id ?? "—"));
    if (check.problem) lines.push(message(check.problem));
  }
  if (row.message) lines.push(message(row.message));
  if (lines.length === 0) return null;
  return (
    <ul className="space-y-1">
      {lines.map((line, index) => (
        <li key={index} className="[overflow-wrap:anywhere]">
          {line}
        </li>
      ))}
    </ul>
  );
}
