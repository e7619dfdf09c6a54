import { describe, expect, it } from "vitest";
import { deviceIdFor, uuidV5 } from "./device-id";

describe("the device id of the console's edits", () => {
  it("is RFC 9562's version 5 UUID", () => {
    // The RFC's own example: "www.example.com" in the DNS namespace.
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
  });

  it("is the same for a profile on every edit, and differs between profiles", () => {
    const profile = "9c1e5a70-0000-4000-8000-000000000002";
    expect(deviceIdFor(profile)).toBe(deviceIdFor(profile));
    expect(deviceIdFor(profile.toUpperCase())).toBe(deviceIdFor(profile));
    expect(deviceIdFor(profile)).not.toBe(deviceIdFor("9c1e5a70-0000-4000-8000-000000000003"));
    expect(deviceIdFor(profile)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
