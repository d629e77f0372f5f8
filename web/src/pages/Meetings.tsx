// The tenant's recordings, the upload form, and the live progress of this browser's
// uploads (kept in sessionStorage: a reload resumes their streams).
import { useCallback, useEffect, useState } from "react";

import { type TranscriptSummary, api, errorText } from "../api/client";
import { forgetProgress } from "../api/progress";
import { PipelineProgress } from "../components/PipelineProgress";
import { StatusBadge, isReadable } from "../components/StatusBadge";
import { UploadForm } from "../components/UploadForm";
import { clock, when } from "../format";
import { Link } from "../router";

const PAGE = 25;
const FOLLOWED = "st.followed";

interface Followed {
  id: string;
  title: string;
}

function loadFollowed(): Followed[] {
  try {
    return JSON.parse(sessionStorage.getItem(FOLLOWED) ?? "[]") as Followed[];
  } catch {
    return [];
  }
}

export function Meetings() {
  const [offset, setOffset] = useState(0);
  const [items, setItems] = useState<TranscriptSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [followed, setFollowed] = useState<Followed[]>(loadFollowed);

  const load = useCallback(async () => {
    const { data, error: failed, response } = await api.GET("/api/transcripts", {
      params: { query: { limit: PAGE, offset } },
    });
    if (data) {
      setItems(data.items);
      setTotal(data.total);
      setError(null);
    } else {
      setError(errorText(failed, response.status));
    }
  }, [offset]);

  useEffect(() => {
    void load();
  }, [load]);

  const follow = (list: Followed[]) => {
    sessionStorage.setItem(FOLLOWED, JSON.stringify(list));
    setFollowed(list);
  };

  return (
    <section>
      <h1>Meetings</h1>
      <div className="columns">
        <div>
          {error && <p className="error">{error}</p>}
          {items === null ? (
            <p className="loading">Loading…</p>
          ) : items.length === 0 ? (
            <p>No recording yet: upload one.</p>
          ) : (
            <div className="table-scroll" role="region" aria-label="recordings" tabIndex={0}>
              <table className="meetings">
                <thead>
                  <tr>
                    <th scope="col">Title</th>
                    <th scope="col">Status</th>
                    <th scope="col">Language</th>
                    <th scope="col">Length</th>
                    <th scope="col">Uploaded</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((t) => (
                    <tr key={t.id}>
                      <td>
                        {isReadable(t.status) ? (
                          <Link to={`/transcripts/${t.id}`}>{t.title}</Link>
                        ) : (
                          t.title
                        )}
                        {t.error && <div className="error small">{t.error}</div>}
                      </td>
                      <td>
                        <StatusBadge status={t.status} />
                      </td>
                      <td>{t.detected_language ?? t.language ?? "–"}</td>
                      <td>{clock(t.duration_s)}</td>
                      <td>{when(t.created_at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {total > PAGE && (
            <nav className="pager" aria-label="pages">
              <button type="button" disabled={offset === 0} onClick={() => setOffset(offset - PAGE)}>
                Newer
              </button>
              <span>
                {offset + 1}–{Math.min(offset + PAGE, total)} of {total}
              </span>
              <button
                type="button"
                disabled={offset + PAGE >= total}
                onClick={() => setOffset(offset + PAGE)}
              >
                Older
              </button>
            </nav>
          )}
        </div>
        <aside>
          <UploadForm
            onUploaded={(accepted, title) => {
              follow([{ id: accepted.id, title }, ...followed.filter((f) => f.id !== accepted.id)]);
              setOffset(0);
              void load();
            }}
          />
          {followed.map((f) => (
            <PipelineProgress
              key={f.id}
              id={f.id}
              title={f.title}
              onFinished={load}
              onDismiss={() => {
                forgetProgress(f.id);
                follow(followed.filter((x) => x.id !== f.id));
              }}
            />
          ))}
        </aside>
      </div>
    </section>
  );
}
