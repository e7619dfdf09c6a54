"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { WithAdaptyWords } from "./adapty-words";

/** What a form says that belongs to no one field, in words (see useChangeOutcome). */
export interface ShownError {
  message: string;
  /** Adapty's status, code and request id, for the engineer. */
  reference?: string;
  /** A profile the form offers instead (a customer that already has one). */
  link?: { href: string; label: string };
  tone: "error" | "info";
}

const TONES = {
  error: "border-rose-300 bg-rose-50 text-rose-900",
  info: "border-slate-300 bg-slate-50 text-slate-800",
} as const;

/** A form's error that belongs to no one field: an alert, with Adapty's references when there are some. */
export function FormError({ error, id }: { error: ShownError | null; id?: string }) {
  const box = useRef<HTMLDivElement>(null);
  // Beside the buttons at the foot of a long form or dialog: brought into view when it appears
  // (a field with an error of its own then takes the focus, and the view, after it).
  useEffect(() => {
    box.current?.scrollIntoView({ block: "nearest" }); // (Chromium's returns a promise: not a cleanup)
  }, [error]);
  if (!error) return null;
  return (
    <div
      ref={box}
      id={id}
      role={error.tone === "error" ? "alert" : "status"}
      className={`rounded-md border p-3 text-sm ${TONES[error.tone]}`}
    >
      <p>
        <WithAdaptyWords>{error.message}</WithAdaptyWords>
        {error.link ? (
          <>
            {" "}
            <Link className="font-medium underline" href={error.link.href}>
              {error.link.label}
            </Link>
          </>
        ) : null}
      </p>
      {error.reference ? <p className="mt-1 font-mono text-xs">{error.reference}</p> : null}
    </div>
  );
}
