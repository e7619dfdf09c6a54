import type { RowFilter } from "./view";

// The rows table's filter and page, as they travel in the batch page's query string.

export const ROW_FILTERS = [
  "all",
  "invalid",
  "duplicates",
  "problems",
  "missing",
  "losing",
] as const satisfies RowFilter[];

const first = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw);

/** `?rows=`: one of ROW_FILTERS, else all. */
export function readRowFilter(raw: string | string[] | undefined): RowFilter {
  const value = first(raw);
  return ROW_FILTERS.find((filter) => filter === value) ?? "all";
}

/** `?page=`: a whole number from 1, else 1. */
export function readPage(raw: string | string[] | undefined): number {
  const value = Number(first(raw));
  return Number.isInteger(value) && value >= 1 ? value : 1;
}

/** The query string of a filter and page (the defaults left out). */
export function rowsQuery(filter: RowFilter, page: number): string {
  const search = new URLSearchParams();
  if (filter !== "all") search.set("rows", filter);
  if (page > 1) search.set("page", String(page));
  const text = search.toString();
  return text ? `?${text}` : "";
}
