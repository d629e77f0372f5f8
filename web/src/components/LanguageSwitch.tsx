// The interface's language: a labelled select (keyboard usable as any select), kept in
// localStorage by setLanguage.
import { LANGUAGES, type Language, setLanguage, useLanguage, useT } from "../i18n";

export function LanguageSwitch() {
  const t = useT();
  const language = useLanguage();
  return (
    <span className="language-switch">
      <label htmlFor="interface-language" className="sr-only">
        {t.language.label}
      </label>
      <select
        id="interface-language"
        value={language}
        onChange={(e) => setLanguage(e.target.value as Language)}
      >
        {(Object.keys(LANGUAGES) as Language[]).map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGES[code].name}
          </option>
        ))}
      </select>
    </span>
  );
}
