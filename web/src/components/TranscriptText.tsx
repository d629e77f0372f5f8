// The transcript's text, one row per segment, in a virtualised list: only the rows in
// view (and a few around) are in the page, so a two-hour meeting (thousands of
// segments, tens of thousands of words) scrolls and plays as smoothly as a short one.
// Raw text shows each word (click one to seek there; the one being said is
// highlighted); clean text, which has no word times, seeks and highlights by segment.
// Once the recording is finished, a segment said by another of its speakers can be moved
// to them ("change speaker"), its text corrected ("edit text"), and the words at one of its
// ends given to another speaker ("move words"; click a word to pick it).
import { useVirtualizer } from "@tanstack/react-virtual";
import { Fragment, type MouseEvent, memo, useEffect, useRef, useState } from "react";

import type { Segment } from "../api/client";
import { clock } from "../format";
import { useT } from "../i18n";
import {
  type EditText,
  type MoveWords,
  SpeakerOptions,
  TextEditor,
  WordsMover,
} from "./SegmentCorrections";

export type View = "clean" | "raw";

/** A speaker a segment can be moved to: its label and the name shown. */
export interface SpeakerChoice {
  label: string;
  name: string;
}

/** Move segment `idx` to speaker `label`; resolves to an error sentence, or null. */
export type MoveSegment = (idx: number, label: string) => Promise<string | null>;

export interface Active {
  segment: number;
  word: number;
}

/** The segment (and word) being said at `t`, by binary search: -1 where none is. */
export function locate(segments: Segment[], t: number): Active {
  const i = lastStartingBy(segments, t);
  const segment = segments[i];
  if (!segment || t >= segment.end) return { segment: -1, word: -1 };
  const w = lastStartingBy(segment.words, t);
  const word = segment.words[w];
  return { segment: i, word: word && t < word.end + 0.25 ? w : -1 };
}

function lastStartingBy(items: { start: number }[], t: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid]?.start ?? Infinity) <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export function TranscriptText({
  segments,
  view,
  colours,
  names,
  active,
  follow,
  scrollTo,
  onSeek,
  choices,
  onMove,
  onEdit,
  onMoveWords,
}: {
  segments: Segment[];
  view: View;
  colours: Map<string, string>;
  names: Map<string, string>;
  active: Active;
  follow: boolean;
  /** A segment to bring into view once (a ?t= link). */
  scrollTo: number | null;
  onSeek: (seconds: number) => void;
  /** The speakers a segment can go to; with `onMove`, each segment can change speaker. */
  choices?: SpeakerChoice[];
  onMove?: MoveSegment;
  onEdit?: EditText;
  onMoveWords?: MoveWords;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // The word last clicked: where "move words" starts.
  const [picked, setPicked] = useState<{ idx: number; word: number } | null>(null);
  const t = useT();
  const virtualizer = useVirtualizer({
    count: segments.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 76,
    overscan: 6,
  });

  useEffect(() => {
    if (follow && active.segment >= 0) virtualizer.scrollToIndex(active.segment, { align: "auto" });
  }, [follow, active.segment, virtualizer]);

  useEffect(() => {
    if (scrollTo !== null && scrollTo >= 0) virtualizer.scrollToIndex(scrollTo, { align: "center" });
  }, [scrollTo, virtualizer]);

  // One listener for every word: seek to the clicked element's data-start (and pick it).
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>("[data-start]");
    if (target?.dataset.start) onSeek(Number(target.dataset.start));
    const row = target?.closest<HTMLElement>("[data-idx]");
    if (target?.dataset.word && row?.dataset.idx) {
      setPicked({ idx: Number(row.dataset.idx), word: Number(target.dataset.word) });
    }
  };

  return (
    <div ref={scroller} className="transcript-scroll" onClick={onClick} data-view={view}>
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualizer.getVirtualItems().map((item) => {
          const segment = segments[item.index]!;
          const label = segment.speaker ?? "";
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="segment-slot"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <SegmentRow
                segment={segment}
                view={view}
                colour={colours.get(label) ?? "#555"}
                speaker={names.get(label) ?? (label || t.common.unknownSpeaker)}
                isActive={active.segment === item.index}
                activeWord={active.segment === item.index ? active.word : -1}
                choices={choices}
                onMove={onMove}
                onEdit={onEdit}
                onMoveWords={onMoveWords}
                picked={picked?.idx === segment.idx ? picked.word : -1}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}

const SegmentRow = memo(function SegmentRow({
  segment,
  view,
  colour,
  speaker,
  isActive,
  activeWord,
  choices,
  onMove,
  onEdit,
  onMoveWords,
  picked,
}: {
  segment: Segment;
  view: View;
  colour: string;
  speaker: string;
  isActive: boolean;
  activeWord: number;
  choices?: SpeakerChoice[];
  onMove?: MoveSegment;
  onEdit?: EditText;
  onMoveWords?: MoveWords;
  /** The word picked in this segment (-1: none). */
  picked: number;
}) {
  const [open, setOpen] = useState<"text" | "words" | null>(null);
  const clean = view === "clean" && segment.clean_text != null;
  const others = (choices ?? []).filter((c) => c.label !== segment.speaker);
  const at = clock(segment.start);
  const t = useT().segments;
  const pickedWord = segment.words[picked]?.word.trim() ?? "";
  return (
    <div className={isActive ? "segment active" : "segment"} data-idx={segment.idx}>
      <div className="segment-head">
        <button
          type="button"
          className="time"
          data-start={segment.start}
          aria-label={t.playFrom(at)}
        >
          {at}
        </button>
        <span className="segment-speaker" style={{ color: colour }}>
          {speaker}
        </span>
        {segment.edited_at && (
          <span className="badge" title={t.editedHelp(segment.text)}>
            {t.edited}
          </span>
        )}
        {onMove && others.length > 0 && (
          <MoveControl segment={segment} others={others} onMove={onMove} />
        )}
        {onMoveWords && others.length > 0 && segment.words.length > 1 && open !== "words" && (
          <button
            type="button"
            className="link move"
            aria-label={
              picked >= 0 ? t.moveWordsFromLabel(pickedWord, at) : t.moveWordsLabel(at)
            }
            onClick={() => setOpen("words")}
          >
            {picked >= 0 ? t.moveWordsFrom(pickedWord) : t.moveWords}
          </button>
        )}
        {onEdit && open !== "text" && (
          <button
            type="button"
            className="link move"
            aria-label={t.editTextLabel(at)}
            onClick={() => setOpen("text")}
          >
            {t.editText}
          </button>
        )}
      </div>
      {open === "words" && onMoveWords && (
        <WordsMover
          segment={segment}
          others={others}
          selected={picked}
          onMoveWords={onMoveWords}
          onClose={() => setOpen(null)}
        />
      )}
      {open === "text" && onEdit ? (
        <TextEditor segment={segment} onEdit={onEdit} onClose={() => setOpen(null)} />
      ) : !segment.text.trim() && !segment.clean_text ? (
        // Speech diarization found and ASR did not transcribe: listen, and write it.
        <p className="segment-text untranscribed" data-start={segment.start}>
          {t.untranscribed}
        </p>
      ) : clean || segment.words.length === 0 ? (
        <p className="segment-text" data-start={segment.start}>
          {clean ? segment.clean_text : segment.text}
        </p>
      ) : (
        <p className="segment-text words">
          {segment.words.map((w, i) => (
            <Fragment key={i}>
              {i > 0 && !/^\s/.test(w.word) && " "}
              <span
                className={i === activeWord ? "word current" : "word"}
                data-start={w.start}
                data-word={i}
                style={i === picked ? { outline: "2px solid var(--accent)" } : undefined}
              >
                {w.word}
              </span>
            </Fragment>
          ))}
        </p>
      )}
    </div>
  );
});

function MoveControl({
  segment,
  others,
  onMove,
}: {
  segment: Segment;
  others: SpeakerChoice[];
  onMove: MoveSegment;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const at = clock(segment.start);
  const t = useT();
  if (!open) {
    return (
      <button
        type="button"
        className="link move"
        aria-label={t.segments.changeSpeakerLabel(at)}
        onClick={() => setOpen(true)}
      >
        {t.segments.changeSpeaker}
      </button>
    );
  }
  return (
    <span className="move-control">
      <select
        aria-label={t.segments.newSpeakerLabel(at)}
        value=""
        disabled={busy}
        autoFocus
        onChange={async (e) => {
          const label = e.target.value;
          if (!label) return;
          setBusy(true);
          setError(null);
          const problem = await onMove(segment.idx, label);
          setBusy(false);
          if (problem) setError(problem);
          else setOpen(false);
        }}
      >
        <SpeakerOptions speakers={others} />
      </select>{" "}
      <button type="button" className="link" onClick={() => setOpen(false)}>
        {t.common.cancel}
      </button>
      {error && (
        <span role="alert" className="error">
          {" "}
          {error}
        </span>
      )}
    </span>
  );
}
