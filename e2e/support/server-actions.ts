import { readFileSync } from "node:fs";
import path from "node:path";
import { SEED_PROFILE_ID } from "./attack-arguments";
import { CONSOLE_URL } from "./servers";

// Server actions are public POST endpoints named by an id. The build's own manifest lists
// every one with its source file and export, so the attack tests cover each action the
// console has — a new action is attacked without anyone remembering to add it.

export interface ServerAction {
  id: string;
  name: string;
  filename: string;
  /** A page that mounts the action; a POST there with the action's id calls it. */
  path: string;
}

const NO_BATCH_ID = "00000000-0000-4000-8000-000000000000";

/** "app/(console)/profiles/[profileId]/(view)/page" → "/profiles/9c1e…01". */
function concretePath(worker: string): string {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) =>
      segment === "[profileId]"
        ? SEED_PROFILE_ID
        : segment === "[customerUserId]"
          ? "demo-no-access"
          : // A batch's page: the action runs whatever batch the page names (its input names its own).
            segment === "[id]"
            ? NO_BATCH_ID
            : segment,
    );
  return `/${segments.join("/")}`;
}

export function serverActions(): ServerAction[] {
  const manifest = JSON.parse(
    readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).find((name) => name.endsWith("/page"));
    if (!worker) throw new Error(`server action ${entry.exportedName} is mounted on no page`);
    return { id, name: entry.exportedName, filename: entry.filename, path: concretePath(worker) };
  });
}

export function serverAction(name: string): ServerAction {
  const action = serverActions().find((candidate) => candidate.name === name);
  if (!action) throw new Error(`no server action named ${name} in the build`);
  return action;
}

export interface ActionAnswer {
  status: number;
  text: string;
  /** next-safe-action's result object, when the answer carried one. */
  result: { data?: unknown; serverError?: string; validationErrors?: unknown } | undefined;
}

/**
 * Calls an action as React does (arguments as a JSON array), with whatever headers an
 * attacker picks; a header given as "" is left out (e.g. `origin: ""` sends no Origin).
 */
export async function callAction(
  action: ServerAction,
  args: unknown[] | string,
  {
    cookie,
    headers = {},
    path: at = action.path,
    base = CONSOLE_URL,
  }: { cookie?: string; headers?: Record<string, string>; path?: string; base?: string } = {},
): Promise<ActionAnswer> {
  const sent = Object.entries({
    "next-action": action.id,
    accept: "text/x-component",
    "content-type": "text/plain;charset=UTF-8",
    origin: base,
    ...(cookie ? { cookie } : {}),
    ...headers,
  }).filter(([, value]) => value !== "");
  const response = await fetch(`${base}${at}`, {
    method: "POST",
    redirect: "manual",
    headers: Object.fromEntries(sent),
    body: typeof args === "string" ? args : JSON.stringify(args),
  });
  const text = await response.text();
  const line = text.split("\n").find((candidate) => candidate.startsWith("1:"));
  let result: ActionAnswer["result"];
  try {
    result = line ? (JSON.parse(line.slice(2)) as ActionAnswer["result"]) : undefined;
  } catch {
    result = undefined;
  }
  return { status: response.status, text, result };
}

/**
 * Posts a multipart body as React sends FormData arguments (`fetchAction`: with the
 * next-action header, parts "0" and "_1_<field>") or as a form without JavaScript does
 * (no header; `$ACTION_ID_…` or `$ACTION_REF_…` fields), with the parts an attacker picks.
 */
export async function postActionForm(
  action: ServerAction,
  parts: [string, string][],
  { cookie, fetchAction = true }: { cookie?: string; fetchAction?: boolean } = {},
): Promise<{ status: number; text: string }> {
  const body = new FormData();
  for (const [name, value] of parts) body.append(name, value);
  const response = await fetch(`${CONSOLE_URL}${action.path}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      origin: CONSOLE_URL,
      ...(fetchAction ? { "next-action": action.id, accept: "text/x-component" } : {}),
      ...(cookie ? { cookie } : {}),
    },
    body,
  });
  return { status: response.status, text: await response.text() };
}
