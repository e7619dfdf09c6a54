import { type ComponentProps, Fragment } from "react";

// Ids are long unbroken words (UUIDs, emails, app-chosen ids like user_2024_07_abc). Left
// alone they push the page sideways on a phone; `break-all` splits them at any letter.
// This offers a line break after each separator instead, and only there unless a single
// piece is still too long. <wbr> adds nothing to the text, so copying the id stays exact.
const AFTER_SEPARATOR = /(?<=[-_./@:|+])/;

export function BreakableId({ value, className, ...rest }: { value: string } & ComponentProps<"span">) {
  const pieces = value.split(AFTER_SEPARATOR);
  return (
    <span {...rest} className={`wrap-anywhere ${className ?? ""}`}>
      {pieces.map((piece, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {piece}
        </Fragment>
      ))}
    </span>
  );
}
