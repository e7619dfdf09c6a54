import { describe, expect, it } from "vitest";
import { currentZoneName, readableZoneName, searchZones, utcOffset, zoneChoices } from "./zones";

const december = new Date("2026-12-06T16:19:00Z");

describe("time zones an agent can find", () => {
  it("maps the old names a browser may report to the current ones", () => {
    expect(currentZoneName("Asia/Saigon")).toBe("Asia/Ho_Chi_Minh");
    expect(currentZoneName("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(currentZoneName("Europe/Berlin")).toBe("Europe/Berlin");
  });

  it("says each zone's offset now and its name in the agent's language", () => {
    expect(utcOffset("Asia/Kolkata", december)).toBe("UTC+05:30");
    expect(utcOffset("UTC", december)).toBe("UTC+00:00");
    expect(utcOffset("America/St_Johns", december)).toBe("UTC-03:30");
    expect(readableZoneName("en", "Asia/Ho_Chi_Minh", december)).toBe("Indochina Time");
    expect(readableZoneName("ja", "Asia/Ho_Chi_Minh", december)).toBe("インドシナ時間");
  });

  it("lists the agent's zone and UTC first, current names only, once each", () => {
    const zones = zoneChoices("en", "Asia/Saigon", december).map((choice) => choice.zone);
    expect(zones.slice(0, 2)).toEqual(["Asia/Ho_Chi_Minh", "UTC"]);
    expect(zones).toContain("Asia/Kolkata");
    expect(zones).not.toContain("Asia/Calcutta");
    expect(zones).not.toContain("Asia/Saigon");
    expect(new Set(zones).size).toBe(zones.length);
  });

  it("finds zones by city, old name, offset or readable name", () => {
    const choices = zoneChoices("vi", "UTC", december);
    const found = (query: string) => searchZones(choices, query).map((choice) => choice.zone);
    expect(found("ho chi minh")).toEqual(["Asia/Ho_Chi_Minh"]);
    expect(found("saigon")).toEqual(["Asia/Ho_Chi_Minh"]);
    expect(found("calcutta")).toEqual(["Asia/Kolkata"]);
    expect(found("+05:30")).toContain("Asia/Kolkata");
    expect(found("Đông Dương")).toContain("Asia/Bangkok");
    expect(found("")).toHaveLength(choices.length);
  });
});
