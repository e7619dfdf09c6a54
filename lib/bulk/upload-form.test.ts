import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES } from "./request";
import { fileProblem, uploadBody, uploadDefaults, uploadFormSchema, type UploadFormValues } from "./upload-form";

const csv = (size = 120, name = "winback.csv") => [{ name, size }];
const filled = (some: Partial<UploadFormValues> = {}): UploadFormValues => ({
  ...uploadDefaults("Europe/Berlin"),
  file: csv(),
  reason: "Winback campaign",
  ...some,
});
const messages = (values: UploadFormValues): Record<string, string> => {
  const parsed = uploadFormSchema.safeParse(values);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
};

describe("fileProblem", () => {
  it("wants one .csv file, not empty, at most 10 MB", () => {
    expect(fileProblem(null)).toBe("fileRequired");
    expect(fileProblem([])).toBe("fileRequired");
    expect(fileProblem(csv(10, "rows.xlsx"))).toBe("fileNotCsv");
    expect(fileProblem(csv(0))).toBe("fileEmpty");
    expect(fileProblem(csv(MAX_FILE_BYTES + 1))).toBe("fileTooLarge");
    expect(fileProblem(csv(MAX_FILE_BYTES, "ROWS.CSV"))).toBeUndefined();
  });
});

describe("the upload form's schema", () => {
  it("takes the defaults with a file and a reason", () => {
    expect(messages(filled())).toEqual({});
  });

  it("puts each problem on its field", () => {
    expect(messages(filled({ file: null, reason: " ", concurrency: "21", ratePerSecond: "0" }))).toEqual({
      file: "fileRequired",
      reason: "reasonRequired",
      concurrency: "concurrencyRange",
      ratePerSecond: "rateRange",
    });
    expect(messages(filled({ ratePerSecond: "101", ticket: "no spaces" }))).toEqual({
      ratePerSecond: "rateRange",
      ticket: "ticketInvalid",
    });
  });

  it("ignores the rate when there is no limit", () => {
    expect(messages(filled({ unlimited: true, ratePerSecond: "" }))).toEqual({});
  });
});

describe("uploadBody", () => {
  const file = new File(["action,profile_id\n"], "winback.csv", { type: "text/csv" });

  it("sends the route's fields, the rate empty for no limit", () => {
    const request = uploadFormSchema.parse(filled({ unlimited: true, ticket: "ZD-1", concurrency: " 5 " }));
    const body = uploadBody(request, file);
    expect((body.get("file") as File).name).toBe("winback.csv");
    expect(Object.fromEntries([...body.entries()].filter(([name]) => name !== "file"))).toEqual({
      zone: "Europe/Berlin",
      reason: "Winback campaign",
      ticket: "ZD-1",
      ratePerSecond: "",
      concurrency: "5",
    });
  });

  it("sends the rate as typed when there is one, and an empty ticket", () => {
    const body = uploadBody(uploadFormSchema.parse(filled({ ratePerSecond: " 10 " })), file);
    expect(body.get("ratePerSecond")).toBe("10");
    expect(body.get("ticket")).toBe("");
  });
});
