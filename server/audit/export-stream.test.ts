import { describe, expect, it } from "vitest";
import { createPacer } from "./export-pace";
import { createExportSlots } from "./export-slots";
import { exportStream } from "./export-stream";

// The export's limits, pace and body without a database: batches come from a generator.

const render = (rows: number[], first: boolean) => (first ? "n\n" : "") + rows.map((n) => `${n}\n`).join("");

async function* batchesOf(count: number, { failAt }: { failAt?: number } = {}) {
  for (let n = 0; n < count; n++) {
    await Promise.resolve(); // a query per batch
    if (n === failAt) throw new Error("the database went away");
    yield [n * 2, n * 2 + 1];
  }
}

/** A stream over `batches` holding one slot of `slots`, paced without rest (the pacer has its own test). */
function exported(batches: AsyncGenerator<number[]>, options: { stallMs?: number; signal?: AbortSignal } = {}) {
  const slots = createExportSlots(1, 2);
  const slot = slots.take("someone");
  if (typeof slot === "string") throw new Error("no slot");
  return { slots, stream: exportStream({ batches, render, slot, pacer: createPacer(0), ...options }) };
}

const text = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

describe("export slots", () => {
  it("refuse a person's second export, then anyone's beyond the total, and come back once each", () => {
    const slots = createExportSlots(1, 2);
    const first = slots.take("ann");
    expect(slots.take("ann")).toBe("person");
    const second = slots.take("bob");
    expect(slots.take("cat")).toBe("total");
    if (typeof first === "string" || typeof second === "string") throw new Error("refused");
    first.release();
    first.release(); // a second release (cancel after an error, say) frees nothing more
    expect(slots.running()).toBe(1);
    expect(slots.take("bob")).toBe("person");
    expect(typeof slots.take("cat")).toBe("object");
    expect(slots.take("ann")).toBe("total");
  });
});

describe("export pacer", () => {
  it("rests after each turn about as long as the turn took, and runs turns one at a time", async () => {
    const pacer = createPacer(1);
    const spans: [number, number][] = [];
    const busy = async () => {
      const started = performance.now();
      while (performance.now() - started < 20); // 20 ms of CPU
      spans.push([started, performance.now()]);
      await Promise.resolve();
    };
    await Promise.all([pacer.run(busy), pacer.run(busy), pacer.run(busy)]);
    for (let n = 1; n < spans.length; n++) {
      const gap = spans[n]![0] - spans[n - 1]![1];
      expect(gap).toBeGreaterThanOrEqual(18); // timers may fire a little early or late, never much early
    }
  });

  it("goes on after a turn that failed", async () => {
    const pacer = createPacer(0);
    await expect(pacer.run(() => Promise.reject(new Error("no")))).rejects.toThrow("no");
    await expect(pacer.run(() => Promise.resolve(5))).resolves.toBe(5);
  });
});

describe("export stream", () => {
  it("sends the header and every batch, then gives the slot back", async () => {
    const { slots, stream } = exported(batchesOf(3));
    expect(await text(stream)).toBe("n\n0\n1\n2\n3\n4\n5\n");
    expect(slots.running()).toBe(0);
  });

  it("sends only the header when nothing matches", async () => {
    const { slots, stream } = exported(batchesOf(0));
    expect(await text(stream)).toBe("n\n");
    expect(slots.running()).toBe(0);
  });

  it("gives the slot back and stops reading when the client goes away", async () => {
    let read = 0;
    let closed = false;
    async function* counted() {
      try {
        for (let n = 0; ; n++) {
          read++;
          await Promise.resolve();
          yield [n];
        }
      } finally {
        closed = true;
      }
    }
    const { slots, stream } = exported(counted());
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    expect(slots.running()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toBe(true);
    expect(read).toBeLessThan(5); // pull-based: nothing read ahead of the client
  });

  it("gives the slot back when the request is aborted, before the body is read", async () => {
    const abort = new AbortController();
    const { slots, stream } = exported(batchesOf(100), { signal: abort.signal });
    abort.abort();
    expect(slots.running()).toBe(0);
    await expect(text(stream)).rejects.toThrow();
  });

  it("gives the slot back when a batch fails, and the body ends in an error", async () => {
    const { slots, stream } = exported(batchesOf(5, { failAt: 2 }));
    await expect(text(stream)).rejects.toThrow("the database went away");
    expect(slots.running()).toBe(0);
  });

  it("gives the slot back when the reader stops reading without going away", async () => {
    const { slots, stream } = exported(batchesOf(100), { stallMs: 50 });
    const reader = stream.getReader();
    await reader.read();
    expect(slots.running()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(slots.running()).toBe(0);
    await expect(reader.read()).rejects.toThrow("stopped reading");
  });
});
