// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");
const tsx = require("tsx/cjs/api");

/**
 * Refuse a bad configuration before anything else runs: `next build`, `next start` and
 * `next dev` all load this file first. One line names each bad variable; no stack trace.
 * SKIP_ENV_VALIDATION=1 lets an image be built without its runtime secrets.
 */
function validateConfiguration() {
  if (process.env.SKIP_ENV_VALIDATION === "1") return;
  /** @type {typeof import("./server/env/schema")} */
  const { parseEnv } = tsx.require("./server/env/schema.ts", __filename);
  const result = parseEnv(process.env);
  if (!result.ok) {
    process.stderr.write(`${result.message}\n`);
    process.exit(1);
  }
}

validateConfiguration();

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Adapty's paths end with "/" and the built-in sandbox serves them verbatim at
  // /sandbox/adapty/…; Next.js would otherwise redirect them to the slash-less form.
  skipTrailingSlashRedirect: true,
  // Native and WASM database drivers are loaded by Node at run time, never bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pg-boss", "proper-lockfile"],
  typescript: { tsconfigPath: "tsconfig.json" },
  // forbidden(): a 403 page for a role that may not see a page (server/auth/require-staff.ts).
  // proxyClientMaxBodySize: proxy.ts sees the whole body of a bulk batch's file (up to 10 MB
  // plus the form around it, server/http/request-guard.ts) rather than a cut-off copy.
  experimental: { authInterrupts: true, proxyClientMaxBodySize: "11mb" },
  // Headers every response carries, static files included. The Content-Security-Policy
  // (with a per-request nonce) and HSTS (live mode) are set per request in proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
