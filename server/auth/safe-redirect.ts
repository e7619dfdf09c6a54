import "server-only";

// Where a signed-in person may be sent afterwards: only a path of this console. Absolute
// URLs, protocol-relative `//host`, `/\host` (which browsers read as `//host`) and
// anything with control characters fall back to the start page.
export const DEFAULT_AFTER_SIGN_IN = "/profiles";

export function safeCallbackPath(raw: string | null | undefined): string {
  if (!raw || raw.length > 2000) return DEFAULT_AFTER_SIGN_IN;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\") || /[\u0000-\u001f\\]/.test(raw)) {
    return DEFAULT_AFTER_SIGN_IN;
  }
  const base = "http://console.invalid";
  const url = new URL(raw, base);
  // Dot segments are resolved only now ("/..//evil.example" becomes "//evil.example"), so
  // the result is checked again, not just the input.
  if (
    url.origin !== base ||
    /^\/[/\\]/.test(url.pathname) ||
    url.pathname.startsWith("/sign-in") ||
    url.pathname.startsWith("/api/")
  ) {
    return DEFAULT_AFTER_SIGN_IN;
  }
  return `${url.pathname}${url.search}${url.hash}`;
}
