import "server-only";
import type { Pacer } from "./export-pace";
import type { ExportSlot } from "./export-slots";

/**
 * A reader that takes nothing for this long has stopped without disconnecting (a stuck
 * script, a paused download); the export ends so that its slot is not held forever.
 */
export const EXPORT_STALL_MS = 120_000;

export interface ExportStreamOptions<Row> {
  /** Batches of rows, e.g. streamAudit's keyset pages. */
  batches: AsyncGenerator<Row[]>;
  /** The text of one batch; `first` adds the header (an empty export is the header alone). */
  render: (rows: Row[], first: boolean) => string;
  slot: ExportSlot;
  pacer: Pacer;
  /** The request's: aborted when the client disconnects, even before Next.js reads the body. */
  signal?: AbortSignal;
  stallMs?: number;
}

/**
 * The export's body: pull-based, so a batch is read only when the client has taken the
 * previous one (memory stays flat), each batch paced, and the slot released however the
 * export ends — finished, cancelled (Next.js cancels the body when the client
 * disconnects; `signal` covers a disconnect before it started reading), failed (a batch
 * threw), or stalled.
 */
export function exportStream<Row>({
  batches,
  render,
  slot,
  pacer,
  signal,
  stallMs = EXPORT_STALL_MS,
}: ExportStreamOptions<Row>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let first = true;
  let ended = false;
  let stall: ReturnType<typeof setTimeout> | undefined;

  const end = () => {
    if (ended) return;
    ended = true;
    clearTimeout(stall);
    slot.release();
    // Queued behind a batch still being read, if any; a failed source has nothing left to close.
    batches.return(undefined).catch(() => {});
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      signal?.addEventListener("abort", () => {
        if (ended) return;
        end();
        controller.error(signal.reason);
      });
    },
    async pull(controller) {
      clearTimeout(stall);
      try {
        const { bytes, last } = await pacer.run(async () => {
          const next = await batches.next();
          // The end: nothing more, or only the header if there were no rows at all.
          if (next.done) return { bytes: first ? encoder.encode(render([], true)) : null, last: true };
          return { bytes: encoder.encode(render(next.value, first)), last: false };
        });
        if (ended) return; // cancelled while the batch was read
        first = false;
        if (bytes) controller.enqueue(bytes);
        if (last) {
          controller.close();
          end();
          return;
        }
        stall = setTimeout(() => {
          controller.error(new Error("The export's reader stopped reading."));
          end();
        }, stallMs);
      } catch (error) {
        end();
        throw error; // errors the stream: Next.js cuts the response off
      }
    },
    cancel() {
      end();
    },
  });
}
