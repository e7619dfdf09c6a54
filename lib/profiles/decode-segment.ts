/**
 * A dynamic route segment as the id it stands for. Next.js hands segments to pages still
 * percent-encoded (but to generateMetadata already decoded: never decode those again); a
 * malformed escape (a lone "%") is taken literally rather than failing.
 */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
