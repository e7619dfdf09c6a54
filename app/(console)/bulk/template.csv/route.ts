import { TEMPLATE_CSV } from "@/lib/bulk/template";
import { staffForRoute } from "@/server/bulk/route-staff";

/** GET /bulk/template.csv — a file to start from: every column, with example rows. */
export async function GET(): Promise<Response> {
  const member = await staffForRoute("bulk.run");
  if ("refused" in member) return member.refused;
  return new Response(TEMPLATE_CSV, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="bulk-template.csv"',
    },
  });
}
