// The typed API client: every call's path, parameters, body and answer come from the
// API's OpenAPI schema (web/openapi.json → schema.gen.ts at build time), so a route
// that changes shape breaks `npm run build` instead of the page.
import createClient, { type Middleware } from "openapi-fetch";

import { messages } from "../i18n";
import type { components, paths } from "./schema.gen";

export type Schemas = components["schemas"];
export type TranscriptSummary = Schemas["TranscriptSummary"];
export type TranscriptDetail = Schemas["TranscriptDetail"];
export type Segment = Schemas["SegmentOut"];
export type Speaker = Schemas["SpeakerOut"];
export type Word = Schemas["Word"];
export type SearchHit = Schemas["SearchHit"];
export type Voiceprint = Schemas["VoiceprintOut"];
export type VoiceprintSample = Schemas["VoiceprintSampleOut"];
export type PipelineEvent = Schemas["PipelineEvent"];
export type ChatRetrievalEvent = Schemas["ChatRetrievalEvent"];
export type ChatFinalEvent = Schemas["ChatFinalEvent"];
export type ChatCitation = Schemas["ChatCitationOut"];
export type DailyMetrics = Schemas["DailyMetricsOut"];
export type DailyRecordingMetrics = Schemas["DailyRecordingMetrics"];
export type DailyChatMetrics = Schemas["DailyChatMetrics"];

// Same origin, the session cookie goes with every call (it is http-only: no script sees
// the token).
export const api = createClient<paths>({ baseUrl: "", credentials: "same-origin" });

const signedOutListeners = new Set<() => void>();

/** Called whenever the API answers 401: the cookie is gone, revoked or expired. */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

export function signedOut(): void {
  for (const listener of signedOutListeners) listener();
}

const watch401: Middleware = {
  onResponse({ request, response }) {
    if (response.status === 401 && !request.url.endsWith("/api/session")) signedOut();
    return undefined;
  },
};
api.use(watch401);

type PathParams = Record<string, string>;

/** A path of the schema with its {parameters} filled in: the template is checked against
 *  the schema's paths, for URLs handed to the browser (<audio>, links, EventSource). */
export function pathTo<P extends keyof paths>(
  template: P,
  params: PathParams,
  query?: Record<string, string | number | undefined>,
): string {
  const path = (template as string).replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/** A sentence for the user out of an error answer (ErrorOut: the API's own words, not
 *  translated) or a thrown error. */
export function errorText(error: unknown, status?: number): string {
  const detail = (error as Schemas["ErrorOut"] | undefined)?.detail;
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    return detail
      .map((d) => {
        const where = Array.isArray(d.loc) ? d.loc.slice(1).join(".") : "";
        return where ? `${where}: ${String(d.msg)}` : String(d.msg);
      })
      .join("; ");
  }
  if (error instanceof Error) return error.message;
  return status ? messages().errors.serverAnswered(status) : messages().errors.requestFailed;
}
