/** The title and one-line purpose at the top of every console screen. */
export function PageHeader({ title, intro }: { title: string; intro?: string }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      {intro ? <p className="mt-1 max-w-2xl text-sm text-slate-600">{intro}</p> : null}
    </div>
  );
}
