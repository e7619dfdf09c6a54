import "server-only";
import type { BatchDetail, BatchSummary, RowFilter, RowView } from "@/lib/bulk/view";
import type { Staff } from "@/server/auth/require-staff";

/** The newest batches, for the list on /bulk. */
export async function listBatches(): Promise<BatchSummary[]> {
  return [];
}

/** One batch as `viewer` sees it (whether they may control it, whether Start needs approval); null when none. */
export async function loadBatch(id: string, viewer: Staff): Promise<BatchDetail | null> {
  void id;
  void viewer;
  return null;
}

export const ROWS_PAGE_SIZE = 50;

/** A page of a batch's rows (lines in order), filtered. */
export async function batchRows(
  id: string,
  filter: RowFilter,
  page: number,
): Promise<{ rows: RowView[]; total: number; pageSize: number }> {
  void id;
  void filter;
  void page;
  return { rows: [], total: 0, pageSize: ROWS_PAGE_SIZE };
}
