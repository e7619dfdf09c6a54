"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { isLive } from "@/lib/bulk/progress";
import type { BatchDetail } from "@/lib/bulk/view";

const POLL_MS = 1_000;
/** How often the rows table below is read again while rows move (it is the page's, read on the server). */
const ROWS_MS = 5_000;

const batchKey = (id: string) => ["bulk-batch", id];

async function readProgress(id: string, signal: AbortSignal): Promise<BatchDetail> {
  const response = await fetch(`/bulk/${id}/progress`, { signal, cache: "no-store" });
  if (!response.ok) throw new Error(`progress ${response.status}`);
  return (await response.json()) as BatchDetail;
}

/**
 * The batch as it is now: the page's reading first, then GET /bulk/<id>/progress every second
 * while rows are sent, paused, or checked by the dry run. The page itself (header, rows) is
 * read again when the status changes, when the dry run ends, and every few seconds meanwhile.
 */
export function useBatchProgress(initial: BatchDetail) {
  const router = useRouter();
  const query = useQuery({
    queryKey: batchKey(initial.id),
    queryFn: ({ signal }) => readProgress(initial.id, signal),
    initialData: initial,
    refetchInterval: (current) => (current.state.data && isLive(current.state.data) ? POLL_MS : false),
  });
  const batch = query.data;
  const live = isLive(batch);

  const stage = `${batch.status}:${batch.dryRun?.startedAt ?? ""}:${batch.dryRun?.finishedAt ?? ""}`;
  const shown = useRef(stage);
  useEffect(() => {
    if (shown.current === stage) return;
    shown.current = stage;
    router.refresh();
  }, [stage, router]);
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => router.refresh(), ROWS_MS);
    return () => clearInterval(timer);
  }, [live, router]);

  return { batch, unreadable: query.isError };
}

/** After a change of the batch: read its progress now (a started batch or dry run then starts the polling). */
export function useBatchChanged(id: string) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return () => {
    void queryClient.invalidateQueries({ queryKey: batchKey(id) });
    router.refresh();
  };
}
