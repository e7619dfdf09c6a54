import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { seedProfiles } from "./seed";
import { SandboxStore } from "./store";

const directories: string[] = [];
const freshDirectory = () => {
  const directory = mkdtempSync(path.join(tmpdir(), "sandbox-store-"));
  directories.push(directory);
  return directory;
};
afterEach(() => directories.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("SandboxStore", () => {
  it("seeds the demo profiles on first start and keeps changes across a restart", () => {
    const directory = freshDirectory();
    const first = new SandboxStore(directory, () => seedProfiles());
    expect(first.all().length).toBeGreaterThanOrEqual(10);
    const profile = first.findByCustomerUserId("demo-no-access");
    if (!profile) throw new Error("seed missing");
    first.save({ ...profile, customer_user_id: "renamed" });
    first.delete(first.findByCustomerUserId("demo-expired")?.profile_id ?? "");
    first.flush();

    const second = new SandboxStore(directory, () => seedProfiles());
    expect(second.findByCustomerUserId("demo-no-access")).toBeUndefined();
    expect(second.findByCustomerUserId("renamed")?.profile_id).toBe(profile.profile_id);
    expect(second.findByCustomerUserId("demo-expired")).toBeUndefined();
    second.reset();
    expect(second.findByCustomerUserId("demo-expired")).toBeDefined();
  });

  it("keeps nothing on disk in memory mode", () => {
    const store = new SandboxStore(undefined, () => seedProfiles());
    expect(store.findByCustomerUserId("demo-lifetime")).toBeDefined();
  });

  it("moves an unreadable state file aside and reseeds, saying so", () => {
    const directory = freshDirectory();
    writeFileSync(path.join(directory, "state.json"), "{not json");
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const store = new SandboxStore(directory, () => seedProfiles());
    expect(store.findByCustomerUserId("demo-lifetime")).toBeDefined();
    expect(readdirSync(directory).some((name) => name.startsWith("state.json.unreadable-"))).toBe(true);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("unreadable"));
  });
});
