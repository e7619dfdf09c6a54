import { insertedBatch } from "../support/attack-batches";
import { appliedGrants, batchRecord, controlBatch, uploadBatch, uploadCsv } from "../support/bulk";
import { query } from "../support/database";
import { expect, test } from "../support/fixtures";
import { signedIn } from "../support/http-session";
import { callAction, serverAction } from "../support/server-actions";
import { CONSOLE_URL } from "../support/servers";

// Threat: the bulk routes and batch controls used by someone they are not for — signed out,
// a viewer, another site, another agent — or fed a body meant to break them. Each test makes
// its own staff and batches and reads what was stored back from the database.

const CSV = "customer_user_id,access_level_id,duration\r\ndemo-no-access,premium,1m\r\n";
const PROXY_REFUSAL =
  /^Refused: the request's body is not one the console's own pages send \(.+\)\. Nothing was changed\.$/;
const NOT_A_FORM = { outcome: "refused", message: "BulkRun.errors.notAForm" };
const REFUSED_CROSS_SITE = "Refused: this request did not come from the console's own pages. Nothing was changed.";

const batchesNamed = async (fileName: string) =>
  Number(
    (await query<{ n: number }>("select count(*)::int as n from bulk_batches where file_name = $1", [fileName]))[0]?.n,
  );

const auditRowsOf = (email: string) =>
  query<{ action: string; outcome: string }>(
    "select action, outcome::text from audit_events where actor_email = $1 and action like 'batch.%' order by id",
    [email],
  );

/** Every bulk route, with a real batch id, answered to `cookie` (upload: a real file, named `fileName`). */
async function everyRoute(cookie: string | undefined, batchId: string, fileName: string) {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const upload = await uploadCsv(cookie ?? "", CSV, {}, { fileName });
  const gets = await Promise.all(
    [`/bulk/${batchId}/progress`, `/bulk/${batchId}/result.csv`, "/bulk/template.csv"].map(async (path) => {
      const response = await fetch(`${CONSOLE_URL}${path}`, { headers, redirect: "manual" });
      const text = await response.text();
      return { path, status: response.status, text, json: response.status < 300 ? undefined : safeJson(text) };
    }),
  );
  return [
    { path: "/bulk/upload", status: upload.status, text: JSON.stringify(upload.answer), json: upload.answer },
    ...gets,
  ];
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

test("signed out, every bulk route answers 401 with the catalogue's sentence, reveals nothing and stores nothing", async ({
  freshStaff,
}) => {
  const owner = await freshStaff("agent");
  const { batchId } = await insertedBatch(owner, "draft", { profileId: "9c1e5a70-0000-4000-8000-000000000001" });
  const quitter = await freshStaff("admin");
  const cookie = await signedIn(quitter);
  await callAction(serverAction("signOutEverywhere"), [], { cookie });
  const fileName = `signed-out-${crypto.randomUUID()}.csv`;
  for (const answer of await everyRoute(cookie, batchId, fileName)) {
    expect(answer.status, answer.path).toBe(401);
    expect(answer.json, answer.path).toEqual({ outcome: "refused", message: "ActionErrors.signed_out" });
    expect(answer.text, answer.path).not.toContain(owner);
  }
  // Without any cookie, the pages' proxy sends GETs to sign-in; the upload is refused the same way.
  const anonymous = await everyRoute(undefined, batchId, fileName);
  expect(anonymous.map((answer) => answer.status)).toEqual([401, 307, 307, 307]);
  for (const answer of anonymous) expect(answer.text, answer.path).not.toContain(owner);
  expect(await batchesNamed(fileName)).toBe(0);
});

test("a viewer gets 403 from every bulk route, and no batch is stored", async ({ freshStaff }) => {
  const owner = await freshStaff("agent");
  const { batchId } = await insertedBatch(owner, "draft", { profileId: "9c1e5a70-0000-4000-8000-000000000001" });
  const viewer = await freshStaff("viewer");
  const fileName = `viewer-${crypto.randomUUID()}.csv`;
  for (const answer of await everyRoute(await signedIn(viewer), batchId, fileName)) {
    expect(answer.status, answer.path).toBe(403);
    expect(answer.json, answer.path).toEqual({ outcome: "refused", message: "ActionErrors.forbidden" });
    expect(answer.text, answer.path).not.toContain(owner);
  }
  expect(await batchesNamed(fileName)).toBe(0);
  expect(await auditRowsOf(viewer)).toEqual([]);
});

test("an upload from another site, or over the size limit, is refused by the proxy before the route runs", async ({
  freshStaff,
}) => {
  const agent = await freshStaff("agent");
  const cookie = await signedIn(agent);
  const post = (body: FormData | string, headers: Record<string, string>) =>
    fetch(`${CONSOLE_URL}/bulk/upload`, { method: "POST", body, headers: { cookie, ...headers } });
  const form = (fileName: string, bytes: string) => {
    const body = new FormData();
    body.set("file", new Blob([bytes], { type: "text/csv" }), fileName);
    for (const [name, value] of Object.entries({ zone: "Europe/Berlin", reason: "attack", concurrency: "4" }))
      body.set(name, value);
    return body;
  };
  const crossSite = `cross-site-${crypto.randomUUID()}.csv`;
  for (const origin of ["https://evil.example", "null", `${CONSOLE_URL}.evil.example`]) {
    const refused = await post(form(crossSite, CSV), { origin });
    expect(refused.status, origin).toBe(403);
    expect(await refused.text(), origin).toBe(REFUSED_CROSS_SITE);
  }
  expect(await batchesNamed(crossSite)).toBe(0);

  // 11 MB: over the 10 MB file and the 100 kB of its fields. Even signed out it is 413: the proxy answered.
  const huge = `${CSV}${"x".repeat(11 * 1024 * 1024)}`;
  const tooLarge = `too-large-${crypto.randomUUID()}.csv`;
  const oversized = await post(form(tooLarge, huge), { origin: CONSOLE_URL });
  expect(oversized.status).toBe(413);
  expect(await oversized.text()).toMatch(/^Refused: the request is larger than the console accepts \(\d+ kB\)/);
  const anonymous = await fetch(`${CONSOLE_URL}/bulk/upload`, {
    method: "POST",
    body: form(tooLarge, huge),
    headers: { origin: CONSOLE_URL },
  });
  expect(anonymous.status).toBe(413);
  expect(await batchesNamed(tooLarge)).toBe(0);
  expect(await auditRowsOf(agent)).toEqual([]);
});

test("a malformed multipart body is a 400 in the one contract, never a 500, and stores nothing", async ({
  freshStaff,
}) => {
  const agent = await freshStaff("agent");
  const cookie = await signedIn(agent);
  const bodies: [string, string, string][] = [
    ["no boundary", "multipart/form-data", '--x\r\nContent-Disposition: form-data; name="zone"\r\n\r\nUTC\r\n--x--'],
    [
      "a different boundary",
      "multipart/form-data; boundary=abc",
      '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1',
    ],
    [
      "cut off mid-part",
      "multipart/form-data; boundary=x",
      '--x\r\nContent-Disposition: form-data; name="file"; filen',
    ],
    ["no part headers", "multipart/form-data; boundary=x", "--x\r\n\r\n\r\n--x--\r\n"],
    ["not a form at all", "application/json", '{"file":"customer_user_id\\nx"}'],
    ["garbage bytes", "multipart/form-data; boundary=x", "\u0000\u00ff\ufffd--x\r\n\u0000"],
  ];
  const answers: string[] = [];
  for (const [name, contentType, body] of bodies) {
    const response = await fetch(`${CONSOLE_URL}/bulk/upload`, {
      method: "POST",
      body,
      headers: { cookie, origin: CONSOLE_URL, "content-type": contentType },
    });
    const text = await response.text();
    expect(response.status, `${name}: ${text.slice(0, 200)}`).toBe(400);
    // A multipart body the proxy cannot read is refused there, in a sentence; one it can, by the route, in JSON.
    if (!PROXY_REFUSAL.test(text)) expect(safeJson(text), name).toEqual(NOT_A_FORM);
    answers.push(PROXY_REFUSAL.test(text) ? "proxy" : "route");
  }
  console.log(`malformed uploads refused by: ${answers.join(", ")}`);
  expect(answers.at(-2), "a body that is no form reaches the route").toBe("route");
  expect(await auditRowsOf(agent)).toEqual([]);
  expect(
    (await query("select id from bulk_batches where created_by_email = $1", [agent])).length,
    "batches stored",
  ).toBe(0);
});

test("a file that is not UTF-8 is refused on its field, and nothing is stored", async ({ freshStaff }) => {
  const agent = await freshStaff("agent");
  const latin1 = new Uint8Array([
    ...Buffer.from("customer_user_id,access_level_id,duration\r\nm"),
    0xfc,
    ...Buffer.from("ller,premium,1m\r\n"),
  ]);
  const form = new FormData();
  form.set("file", new Blob([latin1], { type: "text/csv" }), "latin1.csv");
  for (const [name, value] of Object.entries({ zone: "Europe/Berlin", reason: "attack", concurrency: "4" }))
    form.set(name, value);
  const response = await fetch(`${CONSOLE_URL}/bulk/upload`, {
    method: "POST",
    body: form,
    headers: { cookie: await signedIn(agent), origin: CONSOLE_URL },
  });
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({ outcome: "refused", fieldErrors: { file: "BulkRun.errors.notUtf8" } });
  expect((await query("select id from bulk_batches where created_by_email = $1", [agent])).length).toBe(0);
});

test("another agent cannot check, start, pause or cancel someone's batch; a stale pause is refused; nothing changes", async ({
  freshStaff,
  freshProfile,
}) => {
  const [owner, other, admin] = [await freshStaff("agent"), await freshStaff("agent"), await freshStaff("admin")];
  const [ownerCookie, otherCookie, adminCookie] = [await signedIn(owner), await signedIn(other), await signedIn(admin)];
  const customer = await freshProfile();
  const draft = await uploadBatch(
    ownerCookie,
    `customer_user_id,access_level_id,duration\r\n${customer.customerUserId},premium,1m\r\n`,
  );
  for (const cookie of [otherCookie, adminCookie])
    expect(await controlBatch("startBatchAction", cookie, draft)).toEqual({
      outcome: "refused",
      message: "BulkRun.onlyStarter",
    });
  expect(await batchRecord(draft)).toEqual({ status: "draft", version: 1 });
  // Nor run its dry run again (which would throw away the uploader's check and read every row at Adapty).
  const checkBefore = await query("select check_started_at, checked_at from bulk_batches where id = $1", [draft]);
  const check = await callAction(serverAction("checkBatchAction"), [{ batchId: draft }], { cookie: otherCookie });
  expect(check.result?.data).toEqual({ outcome: "refused", message: "BulkRun.notYours" });
  expect(await query("select check_started_at, checked_at from bulk_batches where id = $1", [draft])).toEqual(
    checkBefore,
  );

  // A running batch whose one row waits an hour (a retry's pause): the drive leaves it running.
  const running = await insertedBatch(owner, "running", { profileId: customer.profileId, version: 2 });
  await query(
    "update bulk_rows set state = 'ready', outcome = null, done_at = null, not_before = now() + interval '1 hour' where batch_id = $1",
    [running.batchId],
  );
  const runningNow = () =>
    query("select status, version, status_changed_by_email from bulk_batches where id = $1", [running.batchId]);
  const before = await runningNow();
  for (const name of ["pauseBatchAction", "cancelBatchAction"] as const)
    expect(await controlBatch(name, otherCookie, running.batchId), name).toEqual({
      outcome: "refused",
      message: "BulkRun.notYours",
    });
  const pause = (version: number) =>
    callAction(serverAction("pauseBatchAction"), [{ batchId: running.batchId, version }], { cookie: ownerCookie });
  expect((await pause(1)).result?.data).toMatchObject({ outcome: "refused", message: "BulkRun.changedMeanwhile" });
  expect(await runningNow()).toEqual(before);
  expect(before).toEqual([{ status: "running", version: 2, status_changed_by_email: null }]);
  expect((await auditRowsOf(other)).filter((row) => row.outcome === "succeeded")).toEqual([]);
  expect((await auditRowsOf(admin)).filter((row) => row.outcome === "succeeded")).toEqual([]);

  // Controls: the uploader, at the version the batch is at, may pause and cancel it, and start their own draft.
  expect((await pause(2)).result?.data).toMatchObject({ outcome: "succeeded", value: { status: "paused" } });
  expect(await controlBatch("cancelBatchAction", ownerCookie, running.batchId)).toMatchObject({
    outcome: "succeeded",
    value: { status: "cancelled" },
  });
  expect(await appliedGrants(customer.customerUserId)).toBe(0);
  expect(await controlBatch("startBatchAction", ownerCookie, draft)).toMatchObject({ outcome: "succeeded" });
});
