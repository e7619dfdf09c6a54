import "server-only";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";

// One line per figure: what was measured, against its budget (when the issue set one).

export interface Figure {
  name: string;
  value: number;
  unit: "ms" | "/s" | "MB" | "kB" | "" | "errors";
  /** At most (≤) or at least (≥) this; none: reported, not judged. */
  budget?: { max: number } | { min: number };
}

export const passes = (figure: Figure) =>
  !figure.budget || ("max" in figure.budget ? figure.value <= figure.budget.max : figure.value >= figure.budget.min);

const shown = (value: number, unit: Figure["unit"]) => {
  const digits = unit === "" ? (Number.isInteger(value) ? 0 : 3) : Math.abs(value) < 10 ? 1 : 0;
  return `${value.toFixed(digits)}${unit && unit !== "errors" ? ` ${unit}` : ""}`;
};

export function table(figures: Figure[]): string {
  const rows = figures.map((figure) => [
    figure.name,
    shown(figure.value, figure.unit),
    figure.budget
      ? `${"max" in figure.budget ? "≤" : "≥"} ${shown("max" in figure.budget ? figure.budget.max : figure.budget.min, figure.unit)}`
      : "—",
    figure.budget ? (passes(figure) ? "pass" : "FAIL") : "",
  ]);
  const header = ["figure", "measured", "budget", ""];
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

export function writeResults(figures: Figure[], file = "bench/results.json"): void {
  mkdirSync("bench", { recursive: true });
  const machine = { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  const results = figures.map((figure) => ({ ...figure, pass: passes(figure) }));
  writeFileSync(
    file,
    `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, figures: results }, null, 2)}\n`,
  );
}
