// Small formatting helpers shared by the pages.
import type { Speaker } from "./api/client";
import { messages } from "./i18n";

/** 3725.5 → "1:02:05"; 65 → "1:05". */
export function clock(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) return "–";
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

/** A date and time in the interface's language. */
export function when(iso: string): string {
  return new Date(iso).toLocaleString(messages().language.locale, {
    dateStyle: "medium",
    timeStyle: "short",
  });
}

export function percent(value: number): string {
  return `${Math.round(value * 100)} %`;
}

// Distinct, and readable as text on white and on the current segment's tint (contrast of at
// least 4.5:1, WCAG AA): Tableau's ten, darkened where they were lighter than that.
const PALETTE = [
  "#1e74b0", "#d62728", "#238023", "#8a59b7", "#b45400",
  "#0f7b86", "#8c564b", "#c82998", "#6e6e6e", "#717114",
];

/** A colour per speaker label, in the order the transcript lists its speakers. */
export function speakerColours(speakers: Speaker[]): Map<string, string> {
  return new Map(speakers.map((s, i) => [s.label, PALETTE[i % PALETTE.length] ?? "#333"]));
}

export function speakerName(speaker: Pick<Speaker, "name" | "label">): string {
  return speaker.name ?? speaker.label;
}
