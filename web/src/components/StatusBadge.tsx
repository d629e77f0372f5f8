// A transcript's status as a coloured word.
const READABLE = new Set(["transcribed", "completed", "completed_degraded"]);

export function isReadable(status: string): boolean {
  return READABLE.has(status);
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status}`}>{status.replace("_", " ")}</span>;
}
