// Next.js calls register() once when a server starts, before it serves a request.
export async function register() {
  // The one place outside server/env that reads process.env: Next.js's own runtime flag,
  // which decides whether Node-only modules may be loaded at all.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { bootConsole } = await import("./server/boot");
    await bootConsole();
  }
}
