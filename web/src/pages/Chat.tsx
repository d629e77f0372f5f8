// Ask the meetings (POST /api/ai/chat, SSE over POST): the answer streams in, then its
// citations (each opens the moment it cites), how reliable it is, and a thumbs up or
// down (POST /api/ai/feedback).
import { type FormEvent, Fragment, type ReactNode, useRef, useState } from "react";

import {
  type ChatCitation,
  type ChatFinalEvent,
  type ChatRetrievalEvent,
  type Schemas,
  api,
  errorText,
  signedOut,
} from "../api/client";
import type { paths } from "../api/schema.gen";
import { readSse } from "../api/sse";
import { clock, percent } from "../format";
import { useT } from "../i18n";
import { Link } from "../router";

interface Turn {
  question: string;
  text: string;
  snippets: number;
  final?: ChatFinalEvent;
  error?: string;
}

const CHAT_PATH: keyof paths = "/api/ai/chat";

export function Chat() {
  const [turns, setTurns] = useState<Turn[]>([]);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const conversation = useRef<string | null>(null);
  const t = useT().chat;

  const update = (change: (turn: Turn) => Turn) =>
    setTurns((all) => all.map((t, i) => (i === all.length - 1 ? change(t) : t)));

  const ask = async (e: FormEvent) => {
    e.preventDefault();
    const question = message.trim();
    if (!question) return;
    setMessage("");
    setBusy(true);
    setTurns((all) => [...all, { question, text: "", snippets: 0 }]);
    const body: Schemas["ChatRequest"] = { message: question };
    if (conversation.current) body.conversation_id = conversation.current;
    try {
      const response = await fetch(CHAT_PATH, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
        body: JSON.stringify(body),
      });
      if (!response.ok || !response.body) {
        if (response.status === 401) signedOut();
        const failed = await response.json().catch(() => undefined);
        update((t) => ({ ...t, error: errorText(failed, response.status) }));
        return;
      }
      for await (const event of readSse(response.body)) {
        if (event.event === "retrieval") {
          const retrieval = JSON.parse(event.data) as ChatRetrievalEvent;
          conversation.current = retrieval.conversation_id;
          update((t) => ({ ...t, snippets: retrieval.snippets.length }));
        } else if (event.event === "token") {
          const { text } = JSON.parse(event.data) as { text: string };
          update((t) => ({ ...t, text: t.text + text }));
        } else if (event.event === "final") {
          const final = JSON.parse(event.data) as ChatFinalEvent;
          conversation.current = final.conversation_id;
          update((t) => ({ ...t, text: final.answer, final }));
        } else if (event.event === "error") {
          update((t) => ({ ...t, error: errorText(JSON.parse(event.data)) }));
        }
      }
    } catch (err) {
      update((t) => ({ ...t, error: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="chat">
      <h1>{t.title}</h1>
      <p className="hint">{t.hint}</p>
      <ol className="turns" aria-label={t.conversation}>
        {turns.map((turn, i) => (
          <li key={i} className="turn">
            <p className="question">
              <strong>{t.you}</strong> {turn.question}
            </p>
            <Answer turn={turn} />
          </li>
        ))}
      </ol>
      <form onSubmit={ask} className="ask" aria-label={t.form}>
        <label htmlFor="message" className="sr-only">
          {t.question}
        </label>
        <textarea
          id="message"
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
          maxLength={2000}
          rows={2}
          placeholder={t.placeholder}
        />
        <button type="submit" disabled={busy || !message.trim()}>
          {busy ? t.busy : t.ask}
        </button>
        {turns.length > 0 && (
          <button
            type="button"
            className="link"
            disabled={busy}
            onClick={() => {
              conversation.current = null;
              setTurns([]);
            }}
          >
            {t.newConversation}
          </button>
        )}
      </form>
    </section>
  );
}

function citationLink(c: ChatCitation): string {
  return `/transcripts/${c.transcript_id}?t=${c.start}`;
}

/** The answer with each [n] marker made a link to its citation's moment. */
function linked(text: string, citations: ChatCitation[]): ReactNode[] {
  const byN = new Map(citations.map((c) => [c.n, c]));
  return text.split(/(\[\d+\])/g).map((part, i) => {
    const n = /^\[(\d+)\]$/.exec(part);
    const cited = n ? byN.get(Number(n[1])) : undefined;
    return cited ? (
      <Link key={i} to={citationLink(cited)} className="marker">
        {part}
      </Link>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    );
  });
}

function Answer({ turn }: { turn: Turn }) {
  const { final } = turn;
  const all = useT();
  const t = all.chat;
  if (turn.error) {
    return (
      <p role="alert" className="error">
        {turn.error}
      </p>
    );
  }
  if (!final) {
    return (
      <p className="answer streaming" aria-live="polite">
        {turn.text || (turn.snippets ? t.reading(turn.snippets) : t.searching)}
      </p>
    );
  }
  const level = final.reliability >= 0.7 ? "high" : final.reliability >= 0.4 ? "medium" : "low";
  return (
    <div className={final.found ? "answer" : "answer not-found"} data-message={final.message_id}>
      <p>{linked(final.answer, final.citations)}</p>
      <p className="small">
        <span className={`badge reliability-${level}`} title={final.reliability_basis ?? undefined}>
          {t.reliability(percent(final.reliability))}
        </span>
        {!final.found && <span className="note"> {t.notFound}</span>}
        {final.degraded && <span className="note"> ({final.degraded})</span>}
      </p>
      {final.citations.length > 0 && (
        <ol className="citations" aria-label={t.citations}>
          {final.citations.map((c) => (
            <li key={c.n} value={c.n}>
              <Link to={citationLink(c)}>
                {c.title || all.common.untitled} · {clock(c.start)}
              </Link>
              <span className="muted small"> {c.speaker ?? all.common.unknownSpeaker}</span>
            </li>
          ))}
        </ol>
      )}
      <Feedback messageId={final.message_id} />
    </div>
  );
}

function Feedback({ messageId }: { messageId: string }) {
  const [sent, setSent] = useState<"up" | "down" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const t = useT().chat;
  const rate = async (rating: "up" | "down") => {
    const { error: failed, response } = await api.POST("/api/ai/feedback", {
      body: { message_id: messageId, rating },
    });
    if (response.ok) setSent(rating);
    else setError(errorText(failed, response.status));
  };
  if (sent) {
    return (
      <p className="small muted">{t.thanks(sent === "up")}</p>
    );
  }
  return (
    <p className="feedback small">
      {t.useful}{" "}
      <button type="button" onClick={() => rate("up")} aria-label={t.yesLabel}>
        <span aria-hidden="true">▲</span> {t.yes}
      </button>{" "}
      <button type="button" onClick={() => rate("down")} aria-label={t.noLabel}>
        <span aria-hidden="true">▼</span> {t.no}
      </button>
      {error && <span className="error"> {error}</span>}
    </p>
  );
}
