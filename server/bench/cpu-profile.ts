import "server-only";
import { existsSync, readFileSync } from "node:fs";
import { SourceMap, type SourceMapPayload } from "node:module";
import { fileURLToPath } from "node:url";

// Where the console's CPU time goes under load. V8's profiler writes a .cpuprofile
// (server/bench/profiler-preload.mjs); this maps each sample's frames through the build's source maps back to the
// file they came from (components/…, server/…, node_modules/<package>) and sums, per file and
// per package, the time spent in it (self) and the time it was on the stack (inclusive).

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  name: string;
  selfMs: number;
  inclusiveMs: number;
}

const maps = new Map<string, SourceMap | null>();

function sourceMapOf(file: string): SourceMap | null {
  if (!maps.has(file)) {
    const mapFile = `${file}.map`;
    maps.set(
      file,
      existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, "utf8")) as SourceMapPayload) : null,
    );
  }
  return maps.get(file)!;
}

/** The original file of a frame: "server/auth/session.ts", "node_modules/next/…", "(gc)", … */
function sourceOf({ url, functionName, lineNumber, columnNumber }: ProfileNode["callFrame"]): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return url;
  const file = url.startsWith("file://") ? fileURLToPath(url) : url;
  const entry = file.includes("/.next/") ? sourceMapOf(file)?.findEntry(lineNumber, columnNumber) : undefined;
  const original = entry && "originalSource" in entry ? String(entry.originalSource) : file;
  const relative = original.replace(/^.*?\/(node_modules|\.next|app|components|lib|server|proxy\.ts)/, "$1");
  return relative.replace(/^webpack:\/\/\/|^turbopack:\/\/\/|^\[project\]\//, "");
}

const packageOf = (source: string) => {
  const modules = source.lastIndexOf("node_modules/");
  if (modules < 0) return source.split("/")[0]!;
  const [scope, name] = source.slice(modules + "node_modules/".length).split("/");
  return scope?.startsWith("@") ? `${scope}/${name}` : scope!;
};

export function summarise(profile: CpuProfile, top = 30) {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const sources = new Map(profile.nodes.map((node) => [node.id, sourceOf(node.callFrame)]));
  const files = new Map<string, HotSpot>();
  const packages = new Map<string, HotSpot>();
  const spot = (map: Map<string, HotSpot>, name: string) => {
    if (!map.has(name)) map.set(name, { name, selfMs: 0, inclusiveMs: 0 });
    return map.get(name)!;
  };
  let total = 0;
  profile.samples.forEach((id, i) => {
    if (byId.get(id)!.callFrame.functionName === "(idle)") return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    spot(files, sources.get(id)!).selfMs += ms;
    spot(packages, packageOf(sources.get(id)!)).selfMs += ms;
    const seenFiles = new Set<string>();
    const seenPackages = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const source = sources.get(node)!;
      if (!seenFiles.has(source)) {
        seenFiles.add(source);
        spot(files, source).inclusiveMs += ms;
      }
      const owner = packageOf(source);
      if (!seenPackages.has(owner)) {
        seenPackages.add(owner);
        spot(packages, owner).inclusiveMs += ms;
      }
    }
  });
  const ranked = (map: Map<string, HotSpot>, by: "selfMs" | "inclusiveMs") =>
    [...map.values()].sort((a, b) => b[by] - a[by]).slice(0, top);
  return {
    total,
    packagesBySelf: ranked(packages, "selfMs"),
    filesBySelf: ranked(files, "selfMs"),
  };
}

/** Signals the console to start profiling, runs `work`, and reads the profile it writes. */
export async function profiled<T>(pid: number, file: string, work: () => Promise<T>): Promise<[T, CpuProfile]> {
  process.kill(pid, "SIGUSR2");
  const result = await work();
  process.kill(pid, "SIGUSR2");
  for (let attempt = 0; attempt < 100 && !existsSync(file); attempt++) await new Promise((r) => setTimeout(r, 100));
  if (!existsSync(file)) throw new Error(`the console wrote no CPU profile into ${file}`);
  await new Promise((resolve) => setTimeout(resolve, 500)); // a large profile takes a moment to write
  return [result, JSON.parse(readFileSync(file, "utf8")) as CpuProfile];
}

/** Per request: milliseconds of CPU each hot spot cost, divided by the requests served. */
export function hotSpotTable(title: string, spots: HotSpot[], requests: number): string {
  const perRequest = (ms: number) => (ms / requests).toFixed(2).padStart(6);
  return [
    `${title} (ms per lookup: self, inclusive):`,
    ...spots.map((spot) => `  ${perRequest(spot.selfMs)} ${perRequest(spot.inclusiveMs)}  ${spot.name}`),
  ].join("\n");
}
