"use client";

import { useEffect } from "react";
import { Notice } from "@/components/ui/notice";

/**
 * "Saved", on the profile an edit just returned to (`?saved=1`). The marker leaves the
 * address once shown, so a reload or a shared link does not claim a save again.
 */
export function SavedNotice({ message }: { message: string }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.delete("saved");
    window.history.replaceState(null, "", url);
  }, []);
  return <Notice tone="success">{message}</Notice>;
}
