// Search across the tenant's meetings (POST /api/ai/search), narrowed by speaker, upload
// date and meeting inside the index itself; each hit opens its transcript at the moment
// it was said.
import { type FormEvent, useEffect, useState } from "react";

import { type SearchHit, type Schemas, type TranscriptSummary, api, errorText } from "../api/client";
import { isReadable } from "../components/StatusBadge";
import { clock, when } from "../format";
import { messages, useT } from "../i18n";
import { Link } from "../router";

type Filters = Schemas["SearchFilters"];

export function Search() {
  const [query, setQuery] = useState("");
  const [speaker, setSpeaker] = useState("");
  const [dateFrom, setDateFrom] = useState("");
  const [dateTo, setDateTo] = useState("");
  const [meeting, setMeeting] = useState("");
  const [known, setKnown] = useState<string[]>([]);
  const [meetings, setMeetings] = useState<TranscriptSummary[]>([]);
  const [asked, setAsked] = useState<{ query: string; speaker: string } | null>(null);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useT();

  // The tenant's known voices, offered as speaker names (any name can be typed), and its
  // readable meetings (the 200 newest) for the meeting filter.
  useEffect(() => {
    void api.GET("/api/voiceprints").then(({ data }) => {
      if (data) setKnown(data.filter((v) => v.status === "confirmed").map((v) => v.name));
    });
    void api.GET("/api/transcripts", { params: { query: { limit: 200 } } }).then(({ data }) => {
      if (data) setMeetings(data.items.filter((item) => isReadable(item.status)));
    });
  }, []);

  // A search runs when the form is submitted, then again whenever a date or the meeting
  // changes, so the hits shown always match the filters shown; a late answer to an older
  // search is dropped.
  useEffect(() => {
    if (!asked) return;
    if (dateFrom && dateTo && dateFrom > dateTo) {
      setBusy(false);
      setHits(null);
      setError(messages().search.datesReversed);
      return;
    }
    const filters: Filters = {};
    if (asked.speaker) filters.speaker = asked.speaker;
    if (dateFrom) filters.date_from = dateFrom;
    if (dateTo) filters.date_to = dateTo;
    if (meeting) filters.transcript_id = meeting;
    let current = true;
    setBusy(true);
    setError(null);
    void api
      .POST("/api/ai/search", { body: { query: asked.query, limit: 20, filters } })
      .then(({ data, error: failed, response }) => {
        if (!current) return;
        setBusy(false);
        if (data) setHits(data.hits);
        else setError(errorText(failed, response.status));
      })
      .catch((err: unknown) => {
        if (!current) return;
        setBusy(false);
        setError(errorText(err));
      });
    return () => {
      current = false;
    };
  }, [asked, dateFrom, dateTo, meeting]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked({ query: query.trim(), speaker: speaker.trim() });
  };

  return (
    <section>
      <h1>{t.search.title}</h1>
      <form onSubmit={submit} className="search" role="search" aria-label={t.search.form}>
        <label className="search-query">
          {t.search.query}
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
          {t.search.saidBy}
          <input
            type="text"
            name="speaker"
            list="known-speakers"
            value={speaker}
            onChange={(e) => setSpeaker(e.target.value)}
            placeholder={t.search.anyone}
            maxLength={200}
          />
          <datalist id="known-speakers">
            {known.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </label>
        {/* Not wrapped in its label: a select's name would then take its option's text. */}
        <div className="field">
          <label htmlFor="search-meeting">{t.search.meeting}</label>
          <select
            id="search-meeting"
            name="meeting"
            value={meeting}
            onChange={(e) => setMeeting(e.target.value)}
          >
            <option value="">{t.search.allMeetings}</option>
            {meetings.map((item) => (
              <option key={item.id} value={item.id}>
                {item.title} ({when(item.created_at)})
              </option>
            ))}
          </select>
        </div>
        <label>
          {t.search.from}
          <input
            type="date"
            name="date_from"
            value={dateFrom}
            max={dateTo || undefined}
            onChange={(e) => setDateFrom(e.target.value)}
          />
        </label>
        <label>
          {t.search.to}
          <input
            type="date"
            name="date_to"
            value={dateTo}
            min={dateFrom || undefined}
            onChange={(e) => setDateTo(e.target.value)}
          />
        </label>
        <button type="submit" disabled={busy || !query.trim()}>
          {busy ? t.search.busy : t.search.submit}
        </button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {hits && hits.length === 0 && <p>{t.search.none}</p>}
      {hits && hits.length > 0 && (
        <ol className="hits" aria-label={t.search.results}>
          {hits.map((hit) => (
            <li key={`${hit.transcript_id}-${hit.segment_idx ?? hit.start}`} className="hit">
              <Link to={`/transcripts/${hit.transcript_id}?t=${hit.start}`}>
                {hit.title || t.common.untitled} · {clock(hit.start)}
              </Link>
              <span className="muted small"> {hit.speaker ?? t.common.unknownSpeaker}</span>
              {hit.in_reply_to && (
                <blockquote className="small muted">
                  {t.search.inReplyTo(hit.in_reply_to.speaker, hit.in_reply_to.text)}
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
