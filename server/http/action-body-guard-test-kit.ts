import { createRequire } from "node:module";
import { refuseActionBody } from "./action-body-guard";

// React's own client encoder, the one the console's pages use: what it writes must pass.
export const { encodeReply } = createRequire(import.meta.url)(
  "next/dist/compiled/react-server-dom-webpack/client.node",
) as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

export const URL = "http://console.internal/profiles/abc";
export const ACTION_ID = "60e18d205865e5f4810bce96df6c35c23d586a29df";

/** An action call as fetch sends it: a text body, or multipart from FormData (parts in order). */
export function actionCall(body: string | FormData | [string, string][], headers: Record<string, string> = {}) {
  let sent: string | FormData;
  if (Array.isArray(body)) {
    sent = new FormData();
    for (const [name, value] of body) sent.append(name, value);
  } else sent = body;
  return new Request(URL, {
    method: "POST",
    headers: {
      "next-action": ACTION_ID,
      ...(typeof sent === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
      ...headers,
    },
    body: sent,
  });
}

/** A form posted before JavaScript loaded: no next-action header, the action in its fields. */
export function formPost(fields: [string, string][]) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return new Request(URL, { method: "POST", body: form });
}

export const problemOf = async (request: Request) =>
  (await refuseActionBody(request))?.log.replace(/^Refused a POST to \/profiles\/abc: /, "");
export const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
export const signInForm = () => {
  const form = new FormData();
  form.append("callbackUrl", "/profiles");
  form.append("email", "agent@example.com");
  form.append("password", "$ecret");
  return form;
};
/** What the sign-in form sends without JavaScript (captured from the built console). */
export const signInWithoutJs = (
  descriptor = `{"id":"${ACTION_ID}","bound":"$@1"}`,
  bound = "[{}]",
): [string, string][] => [
  ["$ACTION_REF_1", ""],
  ["$ACTION_1:0", descriptor],
  ["$ACTION_1:1", bound],
  ["$ACTION_KEY", "k6453262dbda6657613ba8623b313bd78"],
  ["email", "agent@example.com"],
  ["password", "$ecret"],
];
