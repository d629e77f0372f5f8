// The recording's speakers: colour, name (or diarization label), where the name came
// from, how sure, and whether the sources agreed; each can be renamed
// (PUT /api/transcripts/{id}/speakers/{label}), a suggested voice confirmed or dismissed,
// and a wrong name undone (DELETE /api/transcripts/{id}/speakers/{label}/identity: the
// voice that named or suggested it keeps this voice as one that is not its person).
// Once the recording is finished, a speaker that is another one is merged into it
// (POST /api/transcripts/{id}/speakers/{label}/merge), after a confirmation.
import { type FormEvent, useState } from "react";

import { type Speaker, api, errorText } from "../api/client";
import { clock, percent, speakerName } from "../format";
import { type Messages, useT } from "../i18n";
import { ConfirmButton } from "./ConfirmButton";

/** What the evidence says about the name (the conflict's `why` is the pipeline's own
 *  sentence, shown as it is). */
function evidenceNote(speaker: Speaker, t: Messages["speakers"]): string | null {
  const ev = speaker.evidence as Record<string, Record<string, unknown> | undefined>;
  if (ev.conflict) {
    const who = ev.conflict.voiceprint ? t.voiceMatched(String(ev.conflict.voiceprint)) : "";
    const why = ev.conflict.why ? String(ev.conflict.why) : "";
    return [who, why].filter(Boolean).join(t.but) || t.disagreed;
  }
  if (ev.merged) return t.merged;
  if (ev.suggested?.voiceprint) {
    // The voice's proposal, and the name the meeting hinted at beside it, if any.
    const hinted = (ev.suggested.hinted as { name?: unknown } | undefined)?.name;
    const voice = t.soundsLike(String(ev.suggested.voiceprint));
    return typeof hinted === "string" ? `${voice}; ${t.hinted(hinted)}` : voice;
  }
  if (ev.suggested?.name) {
    const name = String(ev.suggested.name);
    return ev.suggested.source === "rules" ? t.hinted(name) : t.readAs(name);
  }
  if (ev.unnamed?.was) return t.undone(String(ev.unnamed.was));
  return null;
}

/** The name proposed for an unnamed speaker: a suggested voiceprint its voice matches
 *  (`id`), or a name the LLM or the rules read from the meeting (`id` null). */
function suggestion(speaker: Speaker): { id: string | null; name: string } | null {
  const s = (
    speaker.evidence as {
      suggested?: { voiceprint?: unknown; voiceprint_id?: unknown; name?: unknown };
    }
  ).suggested;
  if (speaker.status !== "suggested" || !s) return null;
  if (typeof s.voiceprint_id === "string") {
    return { id: s.voiceprint_id, name: String(s.voiceprint ?? "") };
  }
  return typeof s.name === "string" ? { id: null, name: s.name } : null;
}

export function SpeakerList({
  transcriptId,
  speakers,
  colours,
  onChanged,
  canMerge = false,
}: {
  transcriptId: string;
  speakers: Speaker[];
  colours: Map<string, string>;
  onChanged: () => void | Promise<void>;
  /** Speakers can be merged (the recording's run is over). */
  canMerge?: boolean;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [merging, setMerging] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ label: string; text: string } | null>(null);
  const t = useT().speakers;

  // One correction at a time: the API's answers, then the transcript again (also after
  // a failed step: an earlier one may have changed it).
  const correct = async (label: string, steps: () => Promise<string | null>) => {
    setBusy(label);
    setFailed(null);
    const problem = await steps();
    await onChanged();
    if (problem) setFailed({ label, text: problem });
    setBusy(null);
  };
  const path = (label: string) => ({
    params: { path: { transcript_id: transcriptId, label } },
  });

  // The suggestion is this speaker. A suggested voice is confirmed first (naming the
  // speakers it learnt from); then this speaker is named, which enrols its voice.
  const confirm = (s: Speaker, proposal: { id: string | null; name: string }) =>
    correct(s.label, async () => {
      let name = proposal.name;
      if (proposal.id !== null) {
        const confirmed = await api.POST("/api/voiceprints/{vp_id}/confirm", {
          params: { path: { vp_id: proposal.id } },
        });
        if (!confirmed.data) return errorText(confirmed.error, confirmed.response.status);
        name = confirmed.data.name;
      }
      const named = await api.PUT("/api/transcripts/{transcript_id}/speakers/{label}", {
        ...path(s.label),
        body: { name, enrol: true },
      });
      return named.response.ok ? null : errorText(named.error, named.response.status);
    });

  // Not that person: no name (or suggestion) left, and the voice learns it is not them.
  const forget = (s: Speaker) =>
    correct(s.label, async () => {
      const done = await api.DELETE(
        "/api/transcripts/{transcript_id}/speakers/{label}/identity",
        path(s.label),
      );
      return done.response.ok ? null : errorText(done.error, done.response.status);
    });

  // This speaker is `into`: its words go there, and it is gone.
  const merge = (s: Speaker, into: string) =>
    correct(s.label, async () => {
      const done = await api.POST("/api/transcripts/{transcript_id}/speakers/{label}/merge", {
        ...path(s.label),
        body: { into },
      });
      if (done.response.ok) setMerging(null);
      return done.response.ok ? null : errorText(done.error, done.response.status);
    });

  return (
    <ul className="speakers" aria-label={t.list}>
      {speakers.map((s) => {
        const note = evidenceNote(s, t);
        return (
          <li key={s.label} className={`speaker speaker-${s.status}`} data-label={s.label}>
            <span className="swatch" style={{ background: colours.get(s.label) }} aria-hidden />
            <div className="speaker-body">
              <div className="speaker-head">
                <strong className="speaker-name">{speakerName(s)}</strong>
                {s.name && <span className="muted small"> {s.label}</span>}
                <span className={`badge speaker-status-${s.status}`} title={t.statusHelp[s.status]}>
                  {t.status[s.status]}
                </span>
              </div>
              <div className="muted small">
                {t.source[s.source]} · {t.facts(percent(s.confidence), clock(s.talk_time_s))}
              </div>
              {note && <div className="note small">{note}</div>}
              {suggestion(s) && editing !== s.label && (
                <div className="speaker-actions">
                  <button
                    type="button"
                    className="small"
                    disabled={busy !== null}
                    onClick={() => void confirm(s, suggestion(s)!)}
                  >
                    {t.confirm(suggestion(s)!.name)}
                  </button>
                  <button
                    type="button"
                    className="secondary small"
                    disabled={busy !== null}
                    onClick={() => void forget(s)}
                    title={t.dismissHelp(suggestion(s)!.name)}
                  >
                    {t.dismiss}
                  </button>
                </div>
              )}
              {failed?.label === s.label && (
                <p role="alert" className="error small">
                  {failed.text}
                </p>
              )}
              {editing === s.label ? (
                <RenameForm
                  transcriptId={transcriptId}
                  speaker={s}
                  onDone={(renamed) => {
                    setEditing(null);
                    if (renamed) void onChanged();
                  }}
                />
              ) : merging === s.label ? (
                <MergeForm
                  speaker={s}
                  others={speakers.filter((o) => o.label !== s.label)}
                  busy={busy !== null}
                  onMerge={(into) => merge(s, into)}
                  onCancel={() => setMerging(null)}
                />
              ) : (
                <div className="speaker-links">
                  <button type="button" className="link" onClick={() => setEditing(s.label)}>
                    {t.rename}
                  </button>
                  {s.name && (
                    <button
                      type="button"
                      className="link"
                      disabled={busy !== null}
                      onClick={() => void forget(s)}
                      title={t.undoHelp(s.name)}
                    >
                      {t.undoName}
                    </button>
                  )}
                  {canMerge && speakers.length > 1 && (
                    <button
                      type="button"
                      className="link"
                      onClick={() => setMerging(s.label)}
                      aria-label={t.mergeLabel(speakerName(s))}
                    >
                      {t.mergeOpen}
                    </button>
                  )}
                </div>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function RenameForm({
  transcriptId,
  speaker,
  onDone,
}: {
  transcriptId: string;
  speaker: Speaker;
  onDone: (renamed: boolean) => void;
}) {
  const [name, setName] = useState(speaker.name ?? "");
  const [enrol, setEnrol] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useT();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const { error: failed, response } = await api.PUT(
      "/api/transcripts/{transcript_id}/speakers/{label}",
      {
        params: { path: { transcript_id: transcriptId, label: speaker.label } },
        body: { name: name.trim(), enrol },
      },
    );
    setBusy(false);
    if (response.ok) onDone(true);
    else setError(errorText(failed, response.status));
  };

  return (
    <form onSubmit={submit} className="rename" aria-label={t.speakers.renameForm(speaker.label)}>
      <input
        aria-label={t.speakers.newName}
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={200}
        required
        autoFocus
      />
      <label className="small">
        <input type="checkbox" checked={enrol} onChange={(e) => setEnrol(e.target.checked)} />{" "}
        {t.speakers.remember}
      </label>
      <div>
        <button type="submit" disabled={busy || !name.trim()}>
          {t.common.save}
        </button>{" "}
        <button type="button" className="link" onClick={() => onDone(false)}>
          {t.common.cancel}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

function MergeForm({
  speaker,
  others,
  busy,
  onMerge,
  onCancel,
}: {
  speaker: Speaker;
  others: Speaker[];
  busy: boolean;
  onMerge: (into: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [into, setInto] = useState("");
  const target = others.find((o) => o.label === into);
  const who = speakerName(speaker);
  const t = useT();
  return (
    <div className="rename">
      <select
        aria-label={t.speakers.mergeInto(who)}
        value={into}
        onChange={(e) => setInto(e.target.value)}
        autoFocus
      >
        <option value="">{t.speakers.samePerson}</option>
        {others.map((o) => (
          <option key={o.label} value={o.label}>
            {o.name ? `${o.name} (${o.label})` : o.label}
          </option>
        ))}
      </select>
      <div>
        <ConfirmButton
          label={t.speakers.merge}
          question={target ? t.speakers.mergeQuestion(who, speakerName(target)) : ""}
          yes={t.speakers.merge}
          disabled={busy || !target}
          onConfirm={() => onMerge(into)}
          className="small"
        />{" "}
        <button type="button" className="link" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </div>
  );
}
