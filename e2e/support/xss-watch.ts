import { expect, type Page } from "@playwright/test";

/** Fails the test on any dialog, any element carrying a payload's handler, or a CSP report of an inline script. */
export function watchForExecution(page: Page) {
  const fired: string[] = [];
  page.on("dialog", (dialog) => {
    fired.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to execute/i.test(message.text())) fired.push(`csp: ${message.text()}`);
  });
  return {
    fired,
    async expectInert(where: string) {
      const injected = await page.evaluate(() => ({
        handlers: document.querySelectorAll("[onload],[onerror]").length,
        // Next.js's own inline scripts carry the page's nonce (and the data, JSON-escaped); an injected one would not.
        scripts: [...document.scripts].filter((script) => !script.src && !script.nonce).length,
        links: [...document.querySelectorAll("a[href]")].filter((a) =>
          a.getAttribute("href")?.startsWith("javascript:"),
        ).length,
      }));
      expect(injected, where).toEqual({ handlers: 0, scripts: 0, links: 0 });
      expect(fired, where).toEqual([]);
    },
  };
}
