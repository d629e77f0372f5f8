// The interface's language: English or French, one typed dictionary each (en.ts is the
// reference; fr.ts must have the same keys, or `tsc` fails). The choice is kept in
// localStorage (it is not sensitive) and defaults to the browser's language; <html lang>
// follows it. Components read the dictionary with useT(); code outside React with
// messages().
import { useSyncExternalStore } from "react";

import { type Messages, en } from "./en";
import { fr } from "./fr";

export type { Messages } from "./en";
export type Language = "en" | "fr";

/** Each language's name in itself (what the switch shows) and its dictionary. */
export const LANGUAGES: Record<Language, { name: string; messages: Messages }> = {
  en: { name: "English", messages: en },
  fr: { name: "Français", messages: fr },
};

const KEY = "st.language";
const listeners = new Set<() => void>();

function isLanguage(value: unknown): value is Language {
  return value === "en" || value === "fr";
}

/** The saved choice, else the browser's language: fr* is French, anything else English. */
function initial(): Language {
  try {
    const saved = localStorage.getItem(KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // storage refused (a privacy setting): the browser's language, not kept
  }
  return (navigator.language || "").toLowerCase().startsWith("fr") ? "fr" : "en";
}

let current: Language = initial();
document.documentElement.lang = current;

export function getLanguage(): Language {
  return current;
}

export function setLanguage(language: Language): void {
  if (language === current) return;
  current = language;
  document.documentElement.lang = language;
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // not kept: it still applies to this page
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current language; the component re-renders when it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, getLanguage);
}

/** The current language's dictionary; the component re-renders when it changes. */
export function useT(): Messages {
  return LANGUAGES[useLanguage()].messages;
}

/** The words for a value the API sent as a plain string (a stage, a status), if the
 *  dictionary has them. */
export function wordFor(words: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(words, key) ? words[key] : undefined;
}

/** The current dictionary, for code outside a component (an error built in a callback). */
export function messages(): Messages {
  return LANGUAGES[current].messages;
}
