// Upload a recording with its context documents, language and (optionally) how many
// people spoke; a progress bar while the bytes go up.
import { type FormEvent, useRef, useState } from "react";

import { type UploadAccepted, upload } from "../api/upload";

const LANGUAGES: [string, string][] = [
  ["auto", "Detect"],
  ["fr", "French"],
  ["en", "English"],
  ["de", "German"],
  ["es", "Spanish"],
  ["it", "Italian"],
  ["nl", "Dutch"],
  ["pt", "Portuguese"],
];

export function UploadForm({ onUploaded }: { onUploaded: (a: UploadAccepted, title: string) => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const audio = data.get("audio") as File | null;
    if (!audio || audio.size === 0) {
      setError("Choose a recording first.");
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
    <form ref={formRef} onSubmit={submit} className="upload" aria-label="upload a recording">
      <fieldset disabled={busy}>
        <legend>New recording</legend>
        <label>
          Recording <input type="file" name="audio" accept="audio/*,video/*" required />
        </label>
        <label>
          Context documents (agenda, attendee list: txt, md, pdf, docx)
          <input type="file" name="documents" accept=".txt,.md,.pdf,.docx" multiple />
        </label>
        <label>
          Title <input type="text" name="title" maxLength={200} placeholder="from the file name" />
        </label>
        <label>
          Language
          <select name="language" defaultValue="auto">
            {LANGUAGES.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Number of speakers, if known
          <input type="number" name="speakers" min={1} max={20} placeholder="estimate" />
        </label>
        <button type="submit">Upload</button>
      </fieldset>
      {busy && (
        <p className="upload-progress">
          <progress max={1} value={sent} aria-label="upload progress" /> {Math.round(sent * 100)} %
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
