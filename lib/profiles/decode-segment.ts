/**
 * A dynamic route segment as the id it stands for. Next.js hands segments over still
 * percent-encoded; a malformed escape (a lone "%") is taken literally rather than failing.
 */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
