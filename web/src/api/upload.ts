// Upload through XMLHttpRequest: fetch reports no upload progress. The form's field
// names and the answer are typed from the schema.
import type { Schemas } from "./client";
import { messages } from "../i18n";
import { signedOut } from "./client";
import type { paths } from "./schema.gen";

type UploadForm = Schemas["Body_create_with_rag_api_transcripts_create_with_rag_post"];
export type UploadAccepted = Schemas["UploadAccepted"];

const UPLOAD_PATH: keyof paths = "/api/transcripts/create-with-rag";

export interface UploadInput {
  audio: File;
  documents: File[];
  title: string;
  language: string;
  speakers: number | null;
}

function field<K extends keyof UploadForm>(form: FormData, name: K, value: string | Blob): void {
  form.append(name, value);
}

export function upload(
  input: UploadInput,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadAccepted> {
  const form = new FormData();
  field(form, "audio_file", input.audio);
  field(form, "language", input.language);
  if (input.title.trim()) field(form, "title", input.title.trim());
  if (input.speakers !== null) {
    field(form, "min_speakers", String(input.speakers));
    field(form, "max_speakers", String(input.speakers));
  }
  for (const doc of input.documents) field(form, "contextual_files", doc);

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", UPLOAD_PATH);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status === 202) {
        onProgress(1);
        resolve(xhr.response as UploadAccepted);
        return;
      }
      if (xhr.status === 401) signedOut();
      const detail = (xhr.response as Schemas["ErrorOut"] | null)?.detail;
      reject(
        new Error(typeof detail === "string" ? detail : messages().errors.uploadFailed(xhr.status)),
      );
    };
    xhr.onerror = () => reject(new Error(messages().errors.uploadInterrupted));
    xhr.onabort = () => reject(new Error(messages().errors.uploadCancelled));
    signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(form);
  });
}
