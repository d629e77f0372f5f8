// The recording's speakers: colour, name (or diarization label), where the name came
// from, how sure, and whether the sources agreed; each can be renamed
// (PUT /api/transcripts/{id}/speakers/{label}).
import { type FormEvent, useState } from "react";

import { type Speaker, api, errorText } from "../api/client";
import { clock, percent, speakerName } from "../format";

const STATUS_HELP: Record<Speaker["status"], string> = {
  decided: "the sources agree (or only one spoke)",
  conflicted: "the sources disagreed: check this name",
  suggested: "unnamed, but the voice matches a suggested voiceprint",
  unknown: "no source named this speaker",
};

function evidenceNote(speaker: Speaker): string | null {
  const ev = speaker.evidence as Record<string, Record<string, unknown> | undefined>;
  if (ev.conflict) {
    const who = ev.conflict.voiceprint ? `the voice matched ${String(ev.conflict.voiceprint)}` : "";
    const why = ev.conflict.why ? String(ev.conflict.why) : "";
    return [who, why].filter(Boolean).join(", but ") || "the sources disagreed";
  }
  if (ev.merged) return "two people may have been merged into this speaker";
  if (ev.suggested?.voiceprint) {
    return `sounds like ${String(ev.suggested.voiceprint)} (a suggested voiceprint, not confirmed)`;
  }
  return null;
}

export function SpeakerList({
  transcriptId,
  speakers,
  colours,
  onRenamed,
}: {
  transcriptId: string;
  speakers: Speaker[];
  colours: Map<string, string>;
  onRenamed: () => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <ul className="speakers" aria-label="speakers">
      {speakers.map((s) => (
        <li key={s.label} className={`speaker speaker-${s.status}`} data-label={s.label}>
          <span className="swatch" style={{ background: colours.get(s.label) }} aria-hidden />
          <div className="speaker-body">
            <div className="speaker-head">
              <strong className="speaker-name">{speakerName(s)}</strong>
              {s.name && <span className="muted small"> {s.label}</span>}
              <span className={`badge speaker-status-${s.status}`} title={STATUS_HELP[s.status]}>
                {s.status}
              </span>
            </div>
            <div className="muted small">
              {s.source} · {percent(s.confidence)} sure · spoke {clock(s.talk_time_s)}
            </div>
            {evidenceNote(s) && <div className="note small">{evidenceNote(s)}</div>}
            {editing === s.label ? (
              <RenameForm
                transcriptId={transcriptId}
                speaker={s}
                onDone={(renamed) => {
                  setEditing(null);
                  if (renamed) onRenamed();
                }}
              />
            ) : (
              <button type="button" className="link" onClick={() => setEditing(s.label)}>
                Rename
              </button>
            )}
          </div>
        </li>
      ))}
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
    <form onSubmit={submit} className="rename" aria-label={`rename ${speaker.label}`}>
      <input
        aria-label="New name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={200}
        required
        autoFocus
      />
      <label className="small">
        <input type="checkbox" checked={enrol} onChange={(e) => setEnrol(e.target.checked)} />{" "}
        remember this voice for later meetings
      </label>
      <div>
        <button type="submit" disabled={busy || !name.trim()}>
          Save
        </button>{" "}
        <button type="button" className="link" onClick={() => onDone(false)}>
          Cancel
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
