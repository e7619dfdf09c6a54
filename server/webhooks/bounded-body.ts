import "server-only";

/** Far above any Adapty event (a few kB, with attributions and 30 custom attributes). */
export const MAX_WEBHOOK_BYTES = 100_000;

export type BoundedBody = { ok: true; text: string } | { ok: false; reason: string };

const TOO_LARGE = `The body is larger than ${MAX_WEBHOOK_BYTES / 1000} kB; nothing was stored.`;

/**
 * The request's body as UTF-8 text, read no further than the limit, so an endless or
 * oversized upload costs nothing: Adapty sends a Content-Length, a stream is counted.
 */
export async function readBoundedBody(request: Request): Promise<BoundedBody> {
  const declared = request.headers.get("content-length");
  if (declared !== null && (!/^\d+$/.test(declared) || Number(declared) > MAX_WEBHOOK_BYTES))
    return { ok: false, reason: TOO_LARGE };
  if (!request.body) return { ok: false, reason: "The body is empty: Adapty sends a JSON object." };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_WEBHOOK_BYTES) {
      await reader.cancel();
      return { ok: false, reason: TOO_LARGE };
    }
    chunks.push(value);
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return { ok: false, reason: "The body is not UTF-8 text." };
  }
}
