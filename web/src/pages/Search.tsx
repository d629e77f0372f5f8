// Search across the tenant's meetings (POST /api/ai/search); each hit opens its
// transcript at the moment it was said.
import { type FormEvent, useEffect, useState } from "react";

import { type SearchHit, api, errorText } from "../api/client";
import { clock } from "../format";
import { Link } from "../router";

export function Search() {
  const [query, setQuery] = useState("");
  const [speaker, setSpeaker] = useState("");
  const [known, setKnown] = useState<string[]>([]);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The tenant's known voices, offered as speaker names (any name can be typed).
  useEffect(() => {
    void api.GET("/api/voiceprints").then(({ data }) => {
      if (data) setKnown(data.filter((v) => v.status === "confirmed").map((v) => v.name));
    });
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const { data, error: failed, response } = await api.POST("/api/ai/search", {
      body: {
        query: query.trim(),
        limit: 20,
        filters: speaker.trim() ? { speaker: speaker.trim() } : {},
      },
    });
    setBusy(false);
    if (data) setHits(data.hits);
    else setError(errorText(failed, response.status));
  };

  return (
    <section>
      <h1>Search</h1>
      <form onSubmit={submit} className="search" role="search" aria-label="search the meetings">
        <label>
          Words or a question
          <input
            type="search"
            name="q"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            maxLength={1000}
            required
          />
        </label>
        <label>
          Said by
          <input
            type="text"
            name="speaker"
            list="known-speakers"
            value={speaker}
            onChange={(e) => setSpeaker(e.target.value)}
            placeholder="anyone"
            maxLength={200}
          />
          <datalist id="known-speakers">
            {known.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </label>
        <button type="submit" disabled={busy || !query.trim()}>
          {busy ? "Searching…" : "Search"}
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {hits && hits.length === 0 && <p>No passage matches.</p>}
      {hits && hits.length > 0 && (
        <ol className="hits" aria-label="results">
          {hits.map((hit) => (
            <li key={`${hit.transcript_id}-${hit.segment_idx ?? hit.start}`} className="hit">
              <Link to={`/transcripts/${hit.transcript_id}?t=${hit.start}`}>
                {hit.title || "untitled"} · {clock(hit.start)}
              </Link>
              <span className="muted small"> {hit.speaker ?? "unknown speaker"}</span>
              {hit.in_reply_to && (
                <blockquote className="small muted">
                  in reply to {hit.in_reply_to.speaker ?? "someone"}: “{hit.in_reply_to.text}”
                </blockquote>
              )}
              <p>{hit.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
