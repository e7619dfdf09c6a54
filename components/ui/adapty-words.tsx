import type { ReactNode } from "react";

/**
 * A message that carries Adapty's own words (Change.adaptyField, Change.adaptySaid) has them
 * after its first line break: our sentence in the agent's language, then Adapty's English as
 * Adapty said it, on a line of its own and marked as English for screen readers.
 */
export function WithAdaptyWords({ children }: { children: ReactNode }) {
  if (typeof children !== "string") return children;
  const split = children.indexOf("\n");
  if (split < 0) return children;
  return (
    <>
      {children.slice(0, split)}
      <span lang="en" data-testid="adapty-words" className="mt-1 block border-l-2 border-current pl-2 italic">
        {children.slice(split + 1)}
      </span>
    </>
  );
}
