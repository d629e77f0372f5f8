// A button whose action is asked about first, in place: the first click shows the
// question with "yes" and "cancel" (no browser dialog), the second does it.
import { type ReactNode, useState } from "react";

import { useT } from "../i18n";

export function ConfirmButton({
  label,
  question,
  yes,
  onConfirm,
  disabled,
  className = "secondary",
}: {
  label: string;
  question: ReactNode;
  yes: string;
  onConfirm: () => void | Promise<void>;
  disabled?: boolean;
  /** The first button's look ("link small" for one inside a line of text). */
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  const t = useT();
  if (!asking) {
    return (
      <button type="button" className={className} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={label}>
      <span className="small">{question}</span>{" "}
      <button
        type="button"
        className="danger"
        disabled={disabled}
        onClick={async () => {
          await onConfirm();
          setAsking(false);
        }}
      >
        {yes}
      </button>{" "}
      <button type="button" className="link" onClick={() => setAsking(false)}>
        {t.common.cancel}
      </button>
    </span>
  );
}
