/** The profile page's shape while Adapty answers, so nothing jumps when it arrives. */
export function ProfileSkeleton() {
  const bar = "animate-pulse rounded bg-slate-200";
  return (
    <div className="space-y-6" aria-busy="true">
      <div className="space-y-2">
        <div className={`${bar} h-8 w-80`} />
        <div className={`${bar} h-4 w-96`} />
        <div className={`${bar} h-4 w-96`} />
        <div className={`${bar} h-4 w-40`} />
      </div>
      {[0, 1, 2, 3].map((card) => (
        <div key={card} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
          <div className={`${bar} h-5 w-40`} />
          <div className={`${bar} h-4 w-full`} />
          <div className={`${bar} h-4 w-2/3`} />
        </div>
      ))}
    </div>
  );
}
