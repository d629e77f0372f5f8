// A recording's live pipeline stages from GET /api/transcripts/{id}/events (SSE).
// EventSource sends the session cookie (same origin) and, after a dropped connection,
// resumes by itself with Last-Event-ID. After a page reload the stages seen so far and
// the last event id come back from sessionStorage, and the stream resumes with ?after=.
import { useEffect, useState } from "react";

import { type PipelineEvent, pathTo } from "./client";

export interface StageState {
  status: PipelineEvent["status"];
  error?: string | null;
}

export interface Progress {
  stages: Record<string, StageState>;
  /** The whole run's progress, 0-100: what every event's `percent` says. */
  percent?: number;
  lastId?: string;
  final?: PipelineEvent;
  /** The stream stopped before a final event: refused (401, 404, too many streams...). */
  lost?: "refused";
}

const key = (id: string) => `st.progress.${id}`;

export function savedProgress(id: string): Progress {
  try {
    const raw = sessionStorage.getItem(key(id));
    return raw ? (JSON.parse(raw) as Progress) : { stages: {} };
  } catch {
    return { stages: {} };
  }
}

export function forgetProgress(id: string): void {
  sessionStorage.removeItem(key(id));
}

export function usePipelineProgress(id: string): Progress {
  const [progress, setProgress] = useState<Progress>(() => savedProgress(id));

  useEffect(() => {
    let current = savedProgress(id);
    setProgress(current);
    if (current.final) return;
    const url = pathTo("/api/transcripts/{transcript_id}/events", { transcript_id: id }, {
      after: current.lastId,
    });
    const source = new EventSource(url);
    const take = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as PipelineEvent;
      const stages =
        event.stage === "pipeline"
          ? current.stages
          : {
              ...current.stages,
              [event.stage]: { status: event.status, error: event.error },
            };
      const final = message.type === "final" ? event : undefined;
      const lastId = message.lastEventId || current.lastId;
      current = { stages, percent: event.percent, lastId, final };
      sessionStorage.setItem(key(id), JSON.stringify(current));
      setProgress(current);
      if (final) source.close();
    };
    source.addEventListener("progress", take);
    source.addEventListener("final", take);
    source.onerror = () => {
      // CONNECTING: EventSource retries by itself. CLOSED: it was refused (401, 404, 429).
      if (source.readyState === EventSource.CLOSED) {
        current = { ...current, lost: "refused" };
        setProgress(current);
      }
    };
    return () => source.close();
  }, [id]);

  return progress;
}
