// A transcript's status as a coloured word.
import { useT, wordFor } from "../i18n";

const READABLE = new Set(["transcribed", "completed", "completed_degraded"]);

export function isReadable(status: string): boolean {
  return READABLE.has(status);
}

export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  return <span className={`badge status-${status}`}>{statusText(t.status, status)}</span>;
}

/** A status in the interface's words (an unknown one as the API wrote it). */
export function statusText(words: Readonly<Record<string, string>>, status: string): string {
  return wordFor(words, status) ?? status.replace("_", " ");
}
