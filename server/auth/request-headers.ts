import "server-only";

// Headers proxy.ts adds to a request for the server code behind it.

/** The path being rendered, so that a page can send a signed-out visitor back to it after sign-in. */
export const CONSOLE_PATH_HEADER = "x-console-path";
