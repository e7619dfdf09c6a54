import "server-only";
import { createHash } from "node:crypto";

/** The namespace of the console's device ids: a fixed UUID, never to change (docs/sandbox.md). */
const CONSOLE_DEVICE_NAMESPACE = "6f1d5c2e-8b4a-4e7f-9c3d-2a1b0e9f8d7c";

/** A name-based UUID, version 5 (RFC 9562: SHA-1 of the namespace's bytes and the name). */
export function uuidV5(name: string, namespace: string): string {
  const bytes = createHash("sha1")
    .update(Buffer.from(namespace.replaceAll("-", ""), "hex"))
    .update(name, "utf8")
    .digest()
    .subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The device id the console's edits of a profile carry in `installation_meta` (Adapty's file
 * requires one on every update): derived from the profile id, so it is the same on every
 * edit of that profile, from any instance, and never a new device per edit.
 */
export const deviceIdFor = (profileId: string) => uuidV5(profileId.toLowerCase(), CONSOLE_DEVICE_NAMESPACE);
