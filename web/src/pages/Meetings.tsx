// The tenant's recordings, the upload form, and the live progress of this browser's
// uploads (kept in sessionStorage: a reload resumes their streams).
import { useCallback, useEffect, useState } from "react";

import { type TranscriptSummary, api, errorText } from "../api/client";
import { type Followed, loadFollowed, saveFollowed } from "../api/followed";
import { forgetProgress } from "../api/progress";
import { PipelineProgress } from "../components/PipelineProgress";
import { StatusBadge, isReadable } from "../components/StatusBadge";
import { UploadForm } from "../components/UploadForm";
import { clock, when } from "../format";
import { useT } from "../i18n";
import { Link } from "../router";

const PAGE = 25;

export function Meetings() {
  const [offset, setOffset] = useState(0);
  const [items, setItems] = useState<TranscriptSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [followed, setFollowed] = useState<Followed[]>(loadFollowed);
  const t = useT();

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
    saveFollowed(list);
    setFollowed(list);
  };

  return (
    <section>
      <h1>{t.meetings.title}</h1>
      <div className="columns">
        <div>
          {error && <p className="error">{error}</p>}
          {items === null ? (
            <p className="loading">{t.app.loading}</p>
          ) : items.length === 0 ? (
            <p>{t.meetings.empty}</p>
          ) : (
            <div className="table-scroll" role="region" aria-label={t.meetings.table} tabIndex={0}>
              <table className="meetings">
                <thead>
                  <tr>
                    <th scope="col">{t.meetings.columnTitle}</th>
                    <th scope="col">{t.meetings.columnStatus}</th>
                    <th scope="col">{t.meetings.columnLanguage}</th>
                    <th scope="col">{t.meetings.columnLength}</th>
                    <th scope="col">{t.meetings.columnUploaded}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.id}>
                      <td>
                        {isReadable(item.status) ? (
                          <Link to={`/transcripts/${item.id}`}>{item.title}</Link>
                        ) : (
                          item.title
                        )}
                        {item.error && <div className="error small">{item.error}</div>}
                      </td>
                      <td>
                        <StatusBadge status={item.status} />
                      </td>
                      <td>{item.detected_language ?? item.language ?? "–"}</td>
                      <td>{clock(item.duration_s)}</td>
                      <td>{when(item.created_at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {total > PAGE && (
            <nav className="pager" aria-label={t.meetings.pages}>
              <button type="button" disabled={offset === 0} onClick={() => setOffset(offset - PAGE)}>
                {t.meetings.newer}
              </button>
              <span>{t.meetings.range(offset + 1, Math.min(offset + PAGE, total), total)}</span>
              <button
                type="button"
                disabled={offset + PAGE >= total}
                onClick={() => setOffset(offset + PAGE)}
              >
                {t.meetings.older}
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
