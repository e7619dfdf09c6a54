// The console's control and button looks, shared by every form.

const controlClass =
  "rounded-md border border-slate-300 bg-white text-sm shadow-sm focus:border-slate-900 focus:outline-none focus:ring-1 focus:ring-slate-900 aria-[invalid=true]:border-rose-500";

export const inputClass = `block w-full px-3 py-2 ${controlClass}`;

/** For controls that sit in a row with others, such as in a table cell. */
export const compactInputClass = `px-2 py-1.5 ${controlClass}`;

// Button labels and table headings break between words only (`break-keep`): a Chinese or
// Japanese label ("取り消し") is not split in two, an English one still wraps at its spaces.
export const buttonClass =
  "break-keep rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:opacity-60";

export const secondaryButtonClass =
  "break-keep rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60";
