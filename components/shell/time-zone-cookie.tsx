"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/lib/i18n/locales";
import { browserTimeZone } from "@/lib/time/zoned";

/**
 * Tells the server the agent's time zone (a cookie read by lib/i18n/request.ts), so
 * times rendered on the server are in the agent's zone; re-renders once when it changes.
 */
export function TimeZoneCookie() {
  const router = useRouter();
  useEffect(() => {
    const zone = browserTimeZone("UTC");
    const current = document.cookie.split("; ").find((entry) => entry.startsWith(`${TIME_ZONE_COOKIE}=`));
    if (current === `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}`) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [router]);
  return null;
}
