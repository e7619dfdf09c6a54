// Not fenced with server-only, like schema.ts: next.config.js loads it before Next.js exists.
import { z } from "zod";

// An empty variable (FOO=) means "not set", as in most twelve-factor tooling.
const unsetIfEmpty = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const variable = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema);

export const integer = (min: number, max: number, expected: string) =>
  z.string().regex(/^\d+$/, expected).transform(Number).pipe(z.number().int().min(min, expected).max(max, expected));
