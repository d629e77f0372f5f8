// One recording: the audio player and the text in step (click a word to go there, the
// word being said highlighted; space plays or pauses, ← and → skip 5 s), the speakers
// with their names and how sure each is, raw or clean text, and the exports.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import { type TranscriptDetail, api, errorText, pathTo } from "../api/client";
import { unfollow } from "../api/followed";
import { ConfirmButton } from "../components/ConfirmButton";
import { PipelineProgress } from "../components/PipelineProgress";
import type { EditText, MoveWords } from "../components/SegmentCorrections";
import { SpeakerList } from "../components/SpeakerList";
import { StatusBadge, isReadable } from "../components/StatusBadge";
import {
  type Active,
  type MoveSegment,
  type SpeakerChoice,
  TranscriptText,
  type View,
  locate,
} from "../components/TranscriptText";
import { clock, speakerColours, speakerName, when } from "../format";
import { useT } from "../i18n";
import { Link, navigate } from "../router";

const FORMATS = ["srt", "vtt", "txt", "json", "docx"] as const;
// Corrections wait for the run to end: it would write over them.
const EDITABLE = new Set(["completed", "completed_degraded"]);
const SKIP_S = 5;

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return (
    el.isContentEditable ||
    ["INPUT", "TEXTAREA", "SELECT", "BUTTON", "A"].includes(el.tagName) ||
    el.tagName === "AUDIO"
  );
}

export function Transcript({ id, startAt }: { id: string; startAt: number | null }) {
  const [detail, setDetail] = useState<TranscriptDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<View>("clean");
  const [follow, setFollow] = useState(true);
  const [active, setActive] = useState<Active>({ segment: -1, word: -1 });
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const audio = useRef<HTMLAudioElement>(null);
  const t = useT();

  const load = useCallback(async () => {
    const { data, error: failed, response } = await api.GET("/api/transcripts/{transcript_id}", {
      params: { path: { transcript_id: id } },
    });
    if (data) setDetail(data);
    else setError(errorText(failed, response.status));
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  const segments = useMemo(() => detail?.segments ?? [], [detail]);
  const hasClean = segments.some((s) => s.clean_text != null);
  const shownView: View = hasClean ? view : "raw";

  // Follow the player: every animation frame while playing, and on each seek.
  useEffect(() => {
    const player = audio.current;
    if (!player || segments.length === 0) return;
    let frame = 0;
    const update = () => {
      const next = locate(segments, player.currentTime);
      setActive((prev) => (prev.segment === next.segment && prev.word === next.word ? prev : next));
    };
    const loop = () => {
      update();
      frame = requestAnimationFrame(loop);
    };
    const start = () => {
      cancelAnimationFrame(frame);
      loop();
    };
    const stop = () => {
      cancelAnimationFrame(frame);
      update();
    };
    player.addEventListener("play", start);
    player.addEventListener("pause", stop);
    player.addEventListener("ended", stop);
    player.addEventListener("seeked", update);
    if (!player.paused) start();
    return () => {
      cancelAnimationFrame(frame);
      player.removeEventListener("play", start);
      player.removeEventListener("pause", stop);
      player.removeEventListener("ended", stop);
      player.removeEventListener("seeked", update);
    };
  }, [segments]);

  const seek = useCallback(
    (seconds: number) => {
      const player = audio.current;
      if (!player) return;
      player.currentTime = seconds;
      const next = locate(segments, seconds);
      setActive(next);
    },
    [segments],
  );

  // A ?t= link (a search hit, a chat citation): start there once the audio is known.
  const startSegment = useMemo(
    () => (startAt === null ? null : Math.max(0, locate(segments, startAt).segment)),
    [segments, startAt],
  );
  useEffect(() => {
    const player = audio.current;
    if (!player || startAt === null || segments.length === 0) return;
    const go = () => seek(startAt);
    if (player.readyState >= HTMLMediaElement.HAVE_METADATA) go();
    else player.addEventListener("loadedmetadata", go, { once: true });
    return () => player.removeEventListener("loadedmetadata", go);
  }, [startAt, segments, seek]);

  // Space plays or pauses, ← / → skip, unless the key is for a field or a button.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const player = audio.current;
      if (!player || e.altKey || e.ctrlKey || e.metaKey || typingIn(e.target)) return;
      if (e.key === " ") {
        e.preventDefault();
        if (player.paused) void player.play();
        else player.pause();
      } else if (e.key === "ArrowLeft") {
        e.preventDefault();
        seek(Math.max(0, player.currentTime - SKIP_S));
      } else if (e.key === "ArrowRight") {
        e.preventDefault();
        const end = Number.isFinite(player.duration) ? player.duration : Infinity;
        seek(Math.min(end, player.currentTime + SKIP_S));
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [seek]);

  const colours = useMemo(() => speakerColours(detail?.speakers ?? []), [detail]);
  const names = useMemo(
    () => new Map((detail?.speakers ?? []).map((s) => [s.label, speakerName(s)])),
    [detail],
  );
  const choices = useMemo<SpeakerChoice[]>(
    () => (detail?.speakers ?? []).map((s) => ({ label: s.label, name: speakerName(s) })),
    [detail],
  );
  // A correction's answer: the transcript again, or the error sentence.
  const settle = useCallback(
    async ({ response, error: failed }: { response: Response; error?: unknown }) => {
      if (!response.ok) return errorText(failed, response.status);
      await load();
      return null;
    },
    [load],
  );
  const moveSegment = useCallback<MoveSegment>(
    async (idx, label) =>
      settle(
        await api.PUT("/api/transcripts/{transcript_id}/segments/{idx}/speaker", {
          params: { path: { transcript_id: id, idx } },
          body: { label },
        }),
      ),
    [id, settle],
  );
  const editText = useCallback<EditText>(
    async (idx, text) =>
      settle(
        await api.PATCH("/api/transcripts/{transcript_id}/segments/{idx}", {
          params: { path: { transcript_id: id, idx } },
          body: { text },
        }),
      ),
    [id, settle],
  );
  const moveWords = useCallback<MoveWords>(
    async (idx, word, to, label) =>
      settle(
        await api.POST("/api/transcripts/{transcript_id}/segments/{idx}/split", {
          params: { path: { transcript_id: id, idx } },
          body: { word, to, label },
        }),
      ),
    [id, settle],
  );

  // Everything goes with the recording (its audio, text, index points, its share of the
  // voiceprints): asked about first, then back to the meetings.
  const remove = async () => {
    const { error: failed, response } = await api.DELETE("/api/transcripts/{transcript_id}", {
      params: { path: { transcript_id: id } },
    });
    if (response.ok) {
      unfollow(id);
      navigate("/");
    }
    else setDeleteError(errorText(failed, response.status));
  };

  if (error) {
    return (
      <section>
        <h1>{t.transcript.title}</h1>
        <p className="error">{error}</p>
        <Link to="/">{t.app.backToMeetings}</Link>
      </section>
    );
  }
  if (!detail) return <p className="loading">{t.app.loading}</p>;

  const readable = isReadable(detail.status);
  return (
    <section className="transcript">
      <header className="transcript-head">
        <h1>{detail.title}</h1>
        <p className="muted">
          <StatusBadge status={detail.status} /> {when(detail.created_at)} ·{" "}
          {clock(detail.duration_s)} · {detail.detected_language ?? detail.language ?? "?"}
          {Object.keys(detail.degradations).length > 0 && (
            <span className="note">
              {" "}
              · {t.transcript.degraded} {Object.values(detail.degradations).join("; ")}
            </span>
          )}
        </p>
        <ConfirmButton
          label={t.transcript.delete}
          question={t.transcript.deleteQuestion}
          yes={t.transcript.deleteYes}
          onConfirm={remove}
        />
        {deleteError && <p className="error">{deleteError}</p>}
      </header>
      {!readable && (
        <PipelineProgress id={id} title={detail.title} onFinished={load} />
      )}
      <audio
        ref={audio}
        controls
        preload="metadata"
        src={pathTo("/api/transcripts/{transcript_id}/audio", { transcript_id: id })}
        className="player"
      />
      <p className="hint small">{t.transcript.keys(SKIP_S)}</p>
      <div className="transcript-body">
        <aside>
          <h2>{t.transcript.speakers}</h2>
          <SpeakerList
            transcriptId={id}
            speakers={detail.speakers}
            colours={colours}
            onChanged={load}
            canMerge={EDITABLE.has(detail.status)}
          />
          {readable && (
            <>
              <h2>{t.transcript.export}</h2>
              <p className="exports">
                {FORMATS.map((format) => (
                  <a
                    key={format}
                    href={pathTo(
                      "/api/transcripts/{transcript_id}/export",
                      { transcript_id: id },
                      { format, text: shownView },
                    )}
                    download
                  >
                    {format.toUpperCase()}
                  </a>
                ))}
              </p>
              <p className="hint small">{t.transcript.exportsTake(shownView)}</p>
            </>
          )}
        </aside>
        <div className="text-column">
          <div className="toolbar" role="group" aria-label={t.transcript.textOptions}>
            <fieldset className="toggle">
              <legend className="sr-only">{t.transcript.text}</legend>
              <label>
                <input
                  type="radio"
                  name="view"
                  value="clean"
                  checked={shownView === "clean"}
                  disabled={!hasClean}
                  onChange={() => setView("clean")}
                />{" "}
                {t.transcript.clean}
              </label>
              <label>
                <input
                  type="radio"
                  name="view"
                  value="raw"
                  checked={shownView === "raw"}
                  onChange={() => setView("raw")}
                />{" "}
                {t.transcript.raw}
              </label>
            </fieldset>
            <label>
              <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />{" "}
              {t.transcript.follow}
            </label>
            <span className="muted small">{t.transcript.segments(segments.length)}</span>
          </div>
          {segments.length === 0 ? (
            <p>{readable ? t.transcript.nothingSaid : t.transcript.notReadable}</p>
          ) : (
            <TranscriptText
              segments={segments}
              view={shownView}
              colours={colours}
              names={names}
              active={active}
              follow={follow}
              scrollTo={startSegment}
              onSeek={seek}
              choices={choices}
              onMove={EDITABLE.has(detail.status) ? moveSegment : undefined}
              onEdit={EDITABLE.has(detail.status) ? editText : undefined}
              onMoveWords={EDITABLE.has(detail.status) ? moveWords : undefined}
            />
          )}
        </div>
      </div>
    </section>
  );
}
