import { checkHealth } from "@/server/health";

// Open to load balancers and uptime monitors without a session: it reports only whether
// the database and Adapty answer, never configuration, data or secrets.
export const dynamic = "force-dynamic";

export async function GET() {
  const report = await checkHealth();
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
