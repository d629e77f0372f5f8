// One recording's pipeline, stage by stage, as its SSE events arrive.
import { useEffect } from "react";

import { usePipelineProgress } from "../api/progress";
import { Link } from "../router";

const LABELS: Record<string, string> = {
  audio: "Audio",
  asr: "Speech recognition",
  diarization: "Who spoke when",
  segments: "Segments",
  speaker_embeddings: "Voices",
  naming: "Naming",
  readable: "Readable",
  llm_naming: "Naming (LLM)",
  cleanup: "Clean-up",
  voiceprints: "Voiceprints",
  indexing: "Search index",
  document_indexing: "Documents index",
  run: "Run",
};

export function PipelineProgress({
  id,
  title,
  onFinished,
  onDismiss,
}: {
  id: string;
  title: string;
  /** Called when the recording becomes readable, and when it ends. */
  onFinished: () => void;
  onDismiss?: () => void;
}) {
  const progress = usePipelineProgress(id);
  const final = progress.final;
  const readable = progress.stages.readable?.status === "completed";
  useEffect(() => {
    if (final || readable) onFinished();
  }, [final, readable, onFinished]);
  const stages = Object.entries(progress.stages);

  return (
    <article className="progress" aria-label={`progress of ${title}`} data-transcript={id}>
      <header>
        <h3>{title}</h3>
        {final ? (
          <span className={`badge status-${final.status}`}>{final.status.replace("_", " ")}</span>
        ) : (
          <span className="badge status-processing">in progress</span>
        )}
        {onDismiss && (
          <button type="button" className="link" onClick={onDismiss} aria-label={`hide ${title}`}>
            hide
          </button>
        )}
      </header>
      {stages.length === 0 && !final && <p className="hint">Queued: waiting for the pipeline…</p>}
      <ol className="stages">
        {stages.map(([stage, state]) => (
          <li key={stage} className={`stage stage-${state.status}`} data-stage={stage}>
            <span className="stage-name">{LABELS[stage] ?? stage}</span>
            <progress max={100} value={state.percent} />
            <span className="stage-status">{state.status}</span>
            {state.error && <span className="error"> {state.error}</span>}
          </li>
        ))}
      </ol>
      {final?.error && <p className="error">{final.error}</p>}
      {progress.lost && <p className="error">{progress.lost}</p>}
      {(readable || (final && final.status !== "failed")) && (
        <p>
          <Link to={`/transcripts/${id}`}>Open the transcript</Link>
        </p>
      )}
    </article>
  );
}
