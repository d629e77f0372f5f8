// The tenant's voiceprint library (GET /api/voiceprints, ?status= to narrow it): each
// voice with its status, its samples and the recordings it was heard in (a link opens the
// recording where that speaker first talks). Rename, merge, delete, confirm a suggested
// voice, and take one wrong recording out of a voice: each is one of the API's routes.
import { type FormEvent, useCallback, useEffect, useState } from "react";

import { type Voiceprint, type VoiceprintSample, api, errorText } from "../api/client";
import { ConfirmButton } from "../components/ConfirmButton";
import { clock, when } from "../format";
import { useT } from "../i18n";
import { Link } from "../router";

type Shown = "all" | "confirmed" | "suggested";

interface Entry {
  voice: Voiceprint;
  samples: VoiceprintSample[] | null;
}

export function Voiceprints() {
  const [shown, setShown] = useState<Shown>("all");
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const t = useT();

  const load = useCallback(async () => {
    const { data, error: failed, response } = await api.GET("/api/voiceprints", {
      params: { query: shown === "all" ? {} : { status: shown } },
    });
    if (!data) {
      setError(errorText(failed, response.status));
      return;
    }
    setError(null);
    // One samples request per voice, all at once.
    const samples = await Promise.all(
      data.map((v) =>
        api
          .GET("/api/voiceprints/{vp_id}/samples", { params: { path: { vp_id: v.id } } })
          .then(({ data: rows }) => rows ?? null),
      ),
    );
    setEntries(data.map((voice, i) => ({ voice, samples: samples[i] ?? null })));
  }, [shown]);

  useEffect(() => {
    void load();
  }, [load]);

  const all = entries?.map((e) => e.voice) ?? [];
  return (
    <section className="voiceprints">
      <h1>{t.voiceprints.title}</h1>
      <p className="hint">{t.voiceprints.hint}</p>
      <p className="hint small remove-note">{t.voiceprints.removeNote}</p>
      <fieldset className="toggle" aria-label={t.voiceprints.show}>
        <legend className="sr-only">{t.voiceprints.showLegend}</legend>
        {(["all", "confirmed", "suggested"] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="shown"
              value={value}
              checked={shown === value}
              onChange={() => setShown(value)}
            />{" "}
            {t.voiceprints.shown[value]}
          </label>
        ))}
      </fieldset>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {entries === null ? (
        <p className="loading">{t.app.loading}</p>
      ) : entries.length === 0 ? (
        <p>
          {shown === "all" ? t.voiceprints.noneYet : t.voiceprints.noneOf(shown)}
        </p>
      ) : (
        <ul className="voices" aria-label={t.voiceprints.list}>
          {entries.map((entry) => (
            <VoiceCard key={entry.voice.id} entry={entry} others={all} onChanged={load} />
          ))}
        </ul>
      )}
    </section>
  );
}

function VoiceCard({
  entry,
  others,
  onChanged,
}: {
  entry: Entry;
  others: Voiceprint[];
  onChanged: () => Promise<void>;
}) {
  const { voice, samples } = entry;
  const [renaming, setRenaming] = useState(false);
  const [merging, setMerging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const all = useT();
  const t = all.voiceprints;

  // Every action: the API's answer, then the whole list again (names and counts move).
  const act = async (call: () => Promise<{ response: Response; error?: unknown }>) => {
    setBusy(true);
    setError(null);
    const { response, error: failed } = await call();
    setBusy(false);
    if (!response.ok) {
      setError(errorText(failed, response.status));
      return false;
    }
    await onChanged();
    return true;
  };
  const path = { params: { path: { vp_id: voice.id } } };

  const kept = (samples ?? []).filter((s) => !s.rejected);
  const rejected = (samples ?? []).filter((s) => s.rejected);
  const sampled = new Set((samples ?? []).map((s) => s.transcript_id));
  const earlier = voice.source_transcripts.filter((id) => !sampled.has(id));

  return (
    <li className={`voice voice-${voice.status}`} aria-label={voice.name} data-voiceprint={voice.id}>
      <header className="voice-head">
        <h2 className="voice-name">{voice.name}</h2>
        <span className={`badge voice-status-${voice.status}`}>
          {t.status[voice.status] ?? voice.status}
        </span>
        <span className="muted small">
          {t.samples(voice.sample_count)} · {t.speech(clock(voice.speech_seconds))} ·{" "}
          {t.updated(when(voice.updated_at))}
        </span>
      </header>

      <h3 className="small">{t.heardIn}</h3>
      {samples === null ? (
        <p className="muted small">{t.notLoaded}</p>
      ) : (
        <ul className="heard">
          {kept.map((s) => (
            <li key={s.id}>
              <HeardIn sample={s} />{" "}
              {kept.length > 1 ? (
                <button
                  type="button"
                  className="link small"
                  disabled={busy}
                  onClick={() =>
                    act(() =>
                      api.DELETE("/api/voiceprints/{vp_id}/samples/{sample_id}", {
                        params: { path: { vp_id: voice.id, sample_id: s.id } },
                      }),
                    )
                  }
                >
                  {t.remove}
                </button>
              ) : (
                <ConfirmButton
                  className="link small"
                  label={t.remove}
                  question={t.lastSample}
                  yes={t.removeYes}
                  disabled={busy}
                  onConfirm={async () => {
                    await act(() =>
                      api.DELETE("/api/voiceprints/{vp_id}/samples/{sample_id}", {
                        params: { path: { vp_id: voice.id, sample_id: s.id } },
                      }),
                    );
                  }}
                />
              )}
            </li>
          ))}
          {earlier.map((id) => (
            <li key={id}>
              <Link to={`/transcripts/${id}`}>{all.common.aRecording}</Link>{" "}
              <span className="muted small">{t.beforeSamples}</span>
            </li>
          ))}
        </ul>
      )}
      {rejected.length > 0 && (
        <details className="small">
          <summary>{t.rejected(rejected.length, voice.name)}</summary>
          <ul className="heard rejected">
            {rejected.map((s) => (
              <li key={s.id}>
                <HeardIn sample={s} />
              </li>
            ))}
          </ul>
        </details>
      )}

      <div className="voice-actions">
        {voice.status === "suggested" && (
          <button
            type="button"
            disabled={busy}
            onClick={() => act(() => api.POST("/api/voiceprints/{vp_id}/confirm", path))}
          >
            {t.confirm(voice.name)}
          </button>
        )}
        <button type="button" className="secondary" disabled={busy} onClick={() => setRenaming(true)}>
          {t.rename}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy || others.length < 2}
          onClick={() => setMerging(true)}
        >
          {t.mergeOpen}
        </button>
        <ConfirmButton
          label={t.delete}
          question={t.deleteQuestion(voice.name)}
          yes={t.deleteYes}
          disabled={busy}
          onConfirm={async () => {
            await act(() => api.DELETE("/api/voiceprints/{vp_id}", path));
          }}
        />
      </div>
      {renaming && (
        <RenameVoice
          voice={voice}
          busy={busy}
          onCancel={() => setRenaming(false)}
          onSave={async (name) => {
            if (await act(() => api.PATCH("/api/voiceprints/{vp_id}", { ...path, body: { name } }))) {
              setRenaming(false);
            }
          }}
        />
      )}
      {merging && (
        <MergeVoice
          voice={voice}
          others={others.filter((o) => o.id !== voice.id)}
          busy={busy}
          onCancel={() => setMerging(false)}
          onMerge={async (other) => {
            const merged = await act(() =>
              api.POST("/api/voiceprints/{vp_id}/merge", { ...path, body: { other_id: other } }),
            );
            if (merged) setMerging(false);
          }}
        />
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  );
}

/** A recording a voice was heard in: a link to where that speaker first talks. */
function HeardIn({ sample }: { sample: VoiceprintSample }) {
  const t = useT();
  if (!sample.transcript_id) {
    return <span className="muted">{t.voiceprints.gone}</span>;
  }
  const at = sample.first_spoken_s;
  const to = `/transcripts/${sample.transcript_id}${at != null ? `?t=${at}` : ""}`;
  return (
    <>
      <Link to={to}>
        {sample.transcript_title ?? t.common.aRecording}
        {at != null && ` · ${clock(at)}`}
      </Link>{" "}
      <span className="muted small">
        {sample.speaker_label ?? ""}
        {sample.origin === "manual" ? t.voiceprints.byHand : ""}
      </span>
    </>
  );
}

function RenameVoice({
  voice,
  busy,
  onCancel,
  onSave,
}: {
  voice: Voiceprint;
  busy: boolean;
  onCancel: () => void;
  onSave: (name: string) => Promise<void>;
}) {
  const [name, setName] = useState(voice.name);
  const t = useT();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await onSave(name.trim());
  };
  return (
    <form onSubmit={submit} className="inline-form" aria-label={t.voiceprints.renameForm(voice.name)}>
      <label>
        {t.voiceprints.newName}
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required autoFocus />
      </label>
      <button type="submit" disabled={busy || !name.trim()}>
        {t.common.save}
      </button>{" "}
      <button type="button" className="link" onClick={onCancel}>
        {t.common.cancel}
      </button>
    </form>
  );
}

function MergeVoice({
  voice,
  others,
  busy,
  onCancel,
  onMerge,
}: {
  voice: Voiceprint;
  others: Voiceprint[];
  busy: boolean;
  onCancel: () => void;
  onMerge: (otherId: string) => Promise<void>;
}) {
  const [other, setOther] = useState("");
  const chosen = others.find((o) => o.id === other);
  const t = useT();
  const v = t.voiceprints;
  return (
    <div className="inline-form" role="group" aria-label={v.mergeGroup(voice.name)}>
      <label>
        {v.samePerson(voice.name)}
        <select value={other} onChange={(e) => setOther(e.target.value)}>
          <option value="">{v.chooseVoice}</option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({v.status[o.status] ?? o.status})
            </option>
          ))}
        </select>
      </label>
      {chosen ? (
        <ConfirmButton
          label={v.mergeOne(chosen.name, voice.name)}
          question={v.mergeQuestion(chosen.name, voice.name)}
          yes={v.mergeYes}
          disabled={busy}
          onConfirm={() => onMerge(chosen.id)}
        />
      ) : null}{" "}
      <button type="button" className="link" onClick={onCancel}>
        {t.common.cancel}
      </button>
    </div>
  );
}
