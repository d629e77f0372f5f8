// One recording's pipeline, stage by stage, as its SSE events arrive.
import { useEffect } from "react";

import { usePipelineProgress } from "../api/progress";
import { useT, wordFor } from "../i18n";
import { Link } from "../router";
import { statusText } from "./StatusBadge";

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
  const t = useT();
  const final = progress.final;
  const readable = progress.stages.readable?.status === "completed";
  useEffect(() => {
    if (final || readable) onFinished();
  }, [final, readable, onFinished]);
  const stages = Object.entries(progress.stages);

  return (
    <article className="progress" aria-label={t.progress.of(title)} data-transcript={id}>
      <header>
        <h3>{title}</h3>
        {final ? (
          <span className={`badge status-${final.status}`}>
            {statusText(t.status, final.status)}
          </span>
        ) : (
          <span className="badge status-processing">{t.progress.inProgress}</span>
        )}
        {onDismiss && (
          <button
            type="button"
            className="link"
            onClick={onDismiss}
            aria-label={t.progress.hideLabel(title)}
          >
            {t.progress.hide}
          </button>
        )}
      </header>
      {stages.length === 0 && !final && <p className="hint">{t.progress.queued}</p>}
      {progress.percent !== undefined && !final && (
        <progress
          className="overall"
          max={100}
          value={progress.percent}
          aria-label={t.progress.overall}
        />
      )}
      <ol className="stages">
        {stages.map(([stage, state]) => (
          <li key={stage} className={`stage stage-${state.status}`} data-stage={stage}>
            <span className="stage-name">{wordFor(t.progress.stages, stage) ?? stage}</span>
            {/* Done: full; running: indeterminate (events carry the run's percent only). */}
            {state.status === "completed" ? (
              <progress max={100} value={100} aria-hidden="true" />
            ) : state.status !== "failed" ? (
              <progress aria-hidden="true" />
            ) : null}
            <span className="stage-status">{t.progress.stageStatus[state.status]}</span>
            {state.error && <span className="error"> {state.error}</span>}
          </li>
        ))}
      </ol>
      {final?.error && <p className="error">{final.error}</p>}
      {progress.lost && <p className="error">{t.errors.streamRefused}</p>}
      {(readable || (final && final.status !== "failed")) && (
        <p>
          <Link to={`/transcripts/${id}`}>{t.progress.open}</Link>
        </p>
      )}
    </article>
  );
}
