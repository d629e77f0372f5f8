// The corrections of one segment of a finished recording besides its speaker: what it
// says (the clean text; the raw words stay as ASR heard them), and the words at one of
// its ends said by another speaker (they become a segment of their own).
import { type FormEvent, type KeyboardEvent, useEffect, useState } from "react";

import type { Segment } from "../api/client";
import { clock } from "../format";
import { useT } from "../i18n";
import type { SpeakerChoice } from "./TranscriptText";

/** Segment `idx` says `text`; resolves to an error sentence, or null. */
export type EditText = (idx: number, text: string) => Promise<string | null>;

/** The words of segment `idx` from `word` to its `to` end are `label`'s. */
export type MoveWords = (
  idx: number,
  word: number,
  to: "start" | "end",
  label: string,
) => Promise<string | null>;

export function TextEditor({
  segment,
  onEdit,
  onClose,
}: {
  segment: Segment;
  onEdit: EditText;
  onClose: () => void;
}) {
  const [text, setText] = useState(segment.clean_text ?? segment.text);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const at = clock(segment.start);
  const t = useT();

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(null);
    const problem = await onEdit(segment.idx, text);
    setBusy(false);
    if (problem) setError(problem);
    else onClose();
  };
  // Escape cancels, Ctrl+Enter (⌘+Enter) saves.
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Escape") onClose();
    else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) void save();
  };

  return (
    <form className="rename" onSubmit={save} aria-label={t.segments.editForm(at)}>
      <textarea
        aria-label={t.segments.textOf(at)}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKey}
        rows={3}
        maxLength={20000}
        style={{ width: "100%" }}
        autoFocus
      />
      <div className="small">
        <button type="submit" className="small" disabled={busy || !text.trim()}>
          {t.segments.saveText}
        </button>{" "}
        <button type="button" className="link" onClick={onClose}>
          {t.common.cancel}
        </button>{" "}
        <span className="muted">{t.segments.rawStays}</span>
      </div>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </form>
  );
}

export function WordsMover({
  segment,
  others,
  selected,
  onMoveWords,
  onClose,
}: {
  segment: Segment;
  others: SpeakerChoice[];
  /** The word picked in the text, if one of this segment's. */
  selected: number;
  onMoveWords: MoveWords;
  onClose: () => void;
}) {
  const [word, setWord] = useState(Math.max(0, selected));
  const [to, setTo] = useState<"start" | "end">("end");
  const [label, setLabel] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const at = clock(segment.start);
  const t = useT();

  useEffect(() => {
    if (selected >= 0) setWord(selected);
  }, [selected]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!label) return;
    setBusy(true);
    setError(null);
    const problem = await onMoveWords(segment.idx, word, to, label);
    setBusy(false);
    if (problem) setError(problem);
    else onClose();
  };

  return (
    <form className="move-control" onSubmit={submit} aria-label={t.segments.moveWordsLabel(at)}>
      {t.segments.wordsFrom}{" "}
      <select
        aria-label={t.segments.fromWord}
        value={word}
        onChange={(e) => setWord(Number(e.target.value))}
      >
        {segment.words.map((w, i) => (
          <option key={i} value={i}>
            {w.word.trim()} ({clock(w.start)})
          </option>
        ))}
      </select>{" "}
      <select
        aria-label={t.segments.whichEnd}
        value={to}
        onChange={(e) => setTo(e.target.value === "start" ? "start" : "end")}
      >
        <option value="end">{t.segments.toEnd}</option>
        <option value="start">{t.segments.toStart}</option>
      </select>{" "}
      →{" "}
      <select
        aria-label={t.segments.saidBy}
        value={label}
        onChange={(e) => setLabel(e.target.value)}
      >
        <SpeakerOptions speakers={others} />
      </select>{" "}
      <button type="submit" className="small" disabled={busy || !label}>
        {t.segments.moveWordsSubmit}
      </button>{" "}
      <button type="button" className="link" onClick={onClose}>
        {t.common.cancel}
      </button>
      {error && (
        <span role="alert" className="error">
          {" "}
          {error}
        </span>
      )}
    </form>
  );
}

/** A "said by" list's options: a prompt, then each other speaker by name and label. */
export function SpeakerOptions({ speakers }: { speakers: SpeakerChoice[] }) {
  const t = useT();
  return (
    <>
      <option value="">{t.segments.saidByChoice}</option>
      {speakers.map((c) => (
        <option key={c.label} value={c.label}>
          {c.name === c.label ? c.label : `${c.name} (${c.label})`}
        </option>
      ))}
    </>
  );
}
