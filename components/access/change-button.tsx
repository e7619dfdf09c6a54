"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, type ComponentType } from "react";

type Dialog<P> = ComponentType<P & { open: boolean; onClose: () => void }>;

interface Props<P> {
  label: string;
  className: string;
  ariaLabel?: string;
  /** The dialog's module: `() => import("./grant-dialog").then((m) => m.GrantDialog)`. */
  load: () => Promise<Dialog<P>>;
  dialog: P;
}

/**
 * The Grant and Revoke buttons. A dialog's code (its form, schemas and date picker: most of
 * the profile page's JavaScript) is fetched when the agent first points at or focuses the
 * button, not with the page, which only looks the customer up. The button stays the same
 * element throughout, so focus never jumps; once loaded, the dialog stays mounted, so a
 * form left half-filled is still there when it opens again.
 */
export function ChangeButton<P extends object>({ label, className, ariaLabel, load, dialog }: Props<P>) {
  const t = useTranslations("Access");
  const [Loaded, setLoaded] = useState<Dialog<P> | null>(null);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState(false);
  const fetching = useRef(false);
  const prepare = () => {
    if (Loaded || fetching.current) return;
    fetching.current = true;
    setFailed(false);
    load().then(
      (component) => setLoaded(() => component),
      () => {
        fetching.current = false; // the next try fetches again
        setFailed(true);
      },
    );
  };
  return (
    <>
      <button
        type="button"
        className={className}
        aria-label={ariaLabel}
        onPointerEnter={prepare}
        onFocus={prepare}
        onClick={() => {
          prepare();
          setOpen(true);
        }}
      >
        {label}
      </button>
      {failed && open ? (
        <span role="alert" className="text-sm text-red-700">
          {t("dialogUnavailable")}
        </span>
      ) : null}
      {Loaded ? <Loaded {...dialog} open={open} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
