import "server-only";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { chromium } from "@playwright/test";
import { CHROMIUM, CHROMIUM_FLAGS } from "./browser";
import { freePort } from "./processes";
import { median } from "./stats";

// Lighthouse 12 (13 needs Node 22), desktop preset, against Debian's Chromium started with
// a debugging port; the session travels as a Cookie header on every request it makes.
// Its own command line, in plain Node: under tsx, the functions Lighthouse sends into the
// page carry esbuild's __name helper, which the page lacks.
const LIGHTHOUSE_CLI = "node_modules/lighthouse/cli/index.js";

export interface LighthouseFigures {
  score: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

async function once(url: string, port: number, cookie: string | undefined): Promise<LighthouseFigures> {
  const args = [
    LIGHTHOUSE_CLI,
    url,
    `--port=${port}`,
    "--preset=desktop",
    "--only-categories=performance",
    "--output=json",
    "--output-path=stdout",
    "--quiet",
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
  ];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 2 ** 20 });
  const lhr = JSON.parse(stdout) as {
    runtimeError?: { message: string };
    audits: Record<string, { numericValue?: number } | undefined>;
    categories: { performance?: { score: number | null } };
  };
  if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    lcpMs: audit("largest-contentful-paint"),
    tbtMs: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
  };
}

/** The median of `runs` Lighthouse runs for each page (medians taken figure by figure). */
export async function lighthousePages(
  pages: { name: string; url: string; cookie?: string }[],
  runs: number,
): Promise<Record<string, LighthouseFigures>> {
  const port = await freePort();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_FLAGS, `--remote-debugging-port=${port}`],
  });
  try {
    const figures: Record<string, LighthouseFigures> = {};
    for (const page of pages) {
      const each: LighthouseFigures[] = [];
      for (let run = 0; run < runs; run++) each.push(await once(page.url, port, page.cookie));
      figures[page.name] = {
        score: median(each.map((f) => f.score)),
        lcpMs: median(each.map((f) => f.lcpMs)),
        tbtMs: median(each.map((f) => f.tbtMs)),
        cls: median(each.map((f) => f.cls)),
      };
    }
    return figures;
  } finally {
    await browser.close();
  }
}
