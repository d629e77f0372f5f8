// Upload a recording with its context documents, language and (optionally) how many
// people spoke; a progress bar while the bytes go up.
import { type FormEvent, useRef, useState } from "react";

import { type UploadAccepted, upload } from "../api/upload";
import { useT } from "../i18n";

// The recording's language: detected, or one of these (their names in the dictionary).
const LANGUAGES = ["auto", "fr", "en", "de", "es", "it", "nl", "pt"] as const;

export function UploadForm({ onUploaded }: { onUploaded: (a: UploadAccepted, title: string) => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const t = useT();

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const audio = data.get("audio") as File | null;
    if (!audio || audio.size === 0) {
      setError(t.upload.chooseFirst);
      return;
    }
    const documents = (data.getAll("documents") as File[]).filter((f) => f.size > 0);
    const count = String(data.get("speakers") ?? "").trim();
    const title = String(data.get("title") ?? "").trim();
    setError(null);
    setSent(0);
    try {
      const accepted = await upload(
        {
          audio,
          documents,
          title,
          language: String(data.get("language") ?? "auto"),
          speakers: count ? Number(count) : null,
        },
        setSent,
      );
      formRef.current?.reset();
      onUploaded(accepted, title || audio.name.replace(/\.[^.]+$/, ""));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSent(null);
    }
  };

  const busy = sent !== null;
  return (
    <form ref={formRef} onSubmit={submit} className="upload" aria-label={t.upload.form}>
      <fieldset disabled={busy}>
        <legend>{t.upload.legend}</legend>
        <label>
          {t.upload.recording} <input type="file" name="audio" accept="audio/*,video/*" required />
        </label>
        <label>
          {t.upload.documents}
          <input type="file" name="documents" accept=".txt,.md,.pdf,.docx" multiple />
        </label>
        <label>
          {t.upload.title}{" "}
          <input type="text" name="title" maxLength={200} placeholder={t.upload.titlePlaceholder} />
        </label>
        <label>
          {t.upload.language}
          <select name="language" defaultValue="auto">
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t.upload.languages[code]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.upload.speakers}
          <input
            type="number"
            name="speakers"
            min={1}
            max={20}
            placeholder={t.upload.speakersPlaceholder}
          />
        </label>
        <button type="submit">{t.upload.submit}</button>
      </fieldset>
      {busy && (
        <p className="upload-progress">
          <progress max={1} value={sent} aria-label={t.upload.progress} /> {Math.round(sent * 100)} %
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
