import "server-only";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { StoredProfile } from "./model";

interface StateFile {
  version: 1;
  profiles: StoredProfile[];
}

/**
 * The sandbox's profiles, in memory for speed and, unless `--memory`, written to
 * `state.json` in its data directory shortly after every change (atomically: a
 * temporary file renamed over the old one), so they survive a restart.
 */
export class SandboxStore {
  private readonly byProfileId = new Map<string, StoredProfile>();
  private readonly byCustomerUserId = new Map<string, string>();
  private readonly file: string | undefined;
  private writeTimer: NodeJS.Timeout | undefined;

  constructor(
    dataDir: string | undefined,
    private readonly seed: () => StoredProfile[],
  ) {
    this.file = dataDir ? path.join(dataDir, "state.json") : undefined;
    const loaded = this.load();
    this.replaceAll(loaded ?? seed());
    if (!loaded) this.flush();
  }

  private load(): StoredProfile[] | undefined {
    if (!this.file) return undefined;
    let text: string;
    try {
      text = readFileSync(this.file, "utf8");
    } catch {
      return undefined; // first start: seed
    }
    try {
      const state = JSON.parse(text) as StateFile;
      if (state.version !== 1 || !Array.isArray(state.profiles)) throw new Error("unknown format");
      return state.profiles;
    } catch {
      // Keep the unreadable file for inspection and start again from the seed.
      const aside = `${this.file}.unreadable-${Date.now()}`;
      renameSync(this.file, aside);
      console.error(`Sandbox state in ${this.file} was unreadable; moved to ${aside} and reseeded.`);
      return undefined;
    }
  }

  private replaceAll(profiles: StoredProfile[]): void {
    this.byProfileId.clear();
    this.byCustomerUserId.clear();
    for (const profile of profiles) this.put(profile);
  }

  private put(profile: StoredProfile): void {
    this.byProfileId.set(profile.profile_id, profile);
    if (profile.customer_user_id !== null) this.byCustomerUserId.set(profile.customer_user_id, profile.profile_id);
  }

  findByProfileId(profileId: string): StoredProfile | undefined {
    return this.byProfileId.get(profileId);
  }

  findByCustomerUserId(customerUserId: string): StoredProfile | undefined {
    const profileId = this.byCustomerUserId.get(customerUserId);
    return profileId ? this.byProfileId.get(profileId) : undefined;
  }

  all(): StoredProfile[] {
    return [...this.byProfileId.values()];
  }

  /** Stores a new or changed profile (replacing the one with the same profile id). */
  save(profile: StoredProfile): void {
    const previous = this.byProfileId.get(profile.profile_id);
    if (previous?.customer_user_id && previous.customer_user_id !== profile.customer_user_id) {
      this.byCustomerUserId.delete(previous.customer_user_id);
    }
    this.put(profile);
    this.scheduleWrite();
  }

  delete(profileId: string): void {
    const profile = this.byProfileId.get(profileId);
    if (!profile) return;
    this.byProfileId.delete(profileId);
    if (profile.customer_user_id !== null) this.byCustomerUserId.delete(profile.customer_user_id);
    this.scheduleWrite();
  }

  /** Back to the demo profiles, as on first start. */
  reset(): void {
    this.replaceAll(this.seed());
    this.flush();
  }

  private scheduleWrite(): void {
    if (!this.file || this.writeTimer) return;
    this.writeTimer = setTimeout(() => this.flush(), 20);
    this.writeTimer.unref();
  }

  /** Writes the state now; called on shutdown too. */
  flush(): void {
    if (this.writeTimer) clearTimeout(this.writeTimer);
    this.writeTimer = undefined;
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    const state: StateFile = { version: 1, profiles: this.all() };
    writeFileSync(temporary, JSON.stringify(state));
    renameSync(temporary, this.file);
  }
}
