import Link from "next/link";

/** A full-page "this cannot be shown" answer: the status, plain words, and a way back. */
export function StatusPage({
  status,
  title,
  body,
  home,
}: {
  status: number;
  title: string;
  body: string;
  home: string;
}) {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-slate-500">{status}</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-3 text-slate-600">{body}</p>
      <Link
        href="/profiles"
        className="mt-6 inline-block rounded-md bg-slate-900 px-4 py-2 text-sm text-white hover:bg-slate-700"
      >
        {home}
      </Link>
    </main>
  );
}
