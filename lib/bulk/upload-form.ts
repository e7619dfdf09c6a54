import { z } from "zod";
import { reason, ticket } from "@/lib/access/schema";
import { MAX_FILE_BYTES } from "./request";

// The /bulk upload form: what it holds while the agent fills it in, its schema (messages are
// keys of Bulk.errors, or the reason and ticket keys the grant form uses), and the multipart
// body it sends to POST /bulk/upload, whose field names its fields share so that the route's
// field errors land on them.

/** The file as the form sees it: the input's FileList (or, in tests, any list of name and size). */
export type ChosenFiles = ArrayLike<{ name: string; size: number }>;

const whole = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, message)
    .transform(Number)
    .refine((value) => value >= min && value <= max, message);

/** Why a chosen file cannot be sent, before it is: none, not a .csv, empty or larger than 10 MB. */
export function fileProblem(files: ChosenFiles | null | undefined): string | undefined {
  const file = files?.[0];
  if (!file) return "fileRequired";
  if (!file.name.toLowerCase().endsWith(".csv")) return "fileNotCsv";
  if (file.size === 0) return "fileEmpty";
  if (file.size > MAX_FILE_BYTES) return "fileTooLarge";
  return undefined;
}

export const uploadFormSchema = z
  .object({
    file: z.custom<ChosenFiles | null>(),
    zone: z.string().min(1, "zoneRequired"),
    reason,
    ticket,
    unlimited: z.boolean(),
    ratePerSecond: z.string(),
    concurrency: whole(1, 20, "concurrencyRange"),
  })
  .superRefine((values, context) => {
    const problem = fileProblem(values.file);
    if (problem) context.addIssue({ code: "custom", path: ["file"], message: problem });
    if (!values.unlimited && !whole(1, 100, "rateRange").safeParse(values.ratePerSecond).success)
      context.addIssue({ code: "custom", path: ["ratePerSecond"], message: "rateRange" });
  });

export type UploadFormValues = z.input<typeof uploadFormSchema>;
export type UploadRequest = z.output<typeof uploadFormSchema>;

/**
 * A fresh form: the agent's zone, 10 Adapty requests a second (about 5 rows), 2 rows at a time.
 * Adapty documents no limit on access changes; its one documented limit (virtual currency)
 * is 600 requests a minute per app, so 10 a second stays within it and leaves the agents' room.
 */
export const uploadDefaults = (zone: string): UploadFormValues => ({
  file: null,
  zone,
  reason: "",
  ticket: "",
  unlimited: false,
  ratePerSecond: "10",
  concurrency: "2",
});

/** The multipart body of POST /bulk/upload: `ratePerSecond` empty for no limit. */
export function uploadBody(request: UploadRequest, file: Blob & { name: string }): FormData {
  const body = new FormData();
  body.set("file", file, file.name);
  body.set("zone", request.zone);
  body.set("reason", request.reason);
  body.set("ticket", request.ticket ?? "");
  body.set("ratePerSecond", request.unlimited ? "" : request.ratePerSecond.trim());
  body.set("concurrency", String(request.concurrency));
  return body;
}
