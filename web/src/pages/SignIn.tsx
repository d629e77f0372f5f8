// Sign in with a tenant's token: POST /api/session keeps it in an http-only cookie, so
// the token is never in a URL, in localStorage, or readable by a script.
import { type FormEvent, useState } from "react";

import { api, errorText } from "../api/client";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { useT } from "../i18n";

export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useT();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { error: failed, response } = await api.POST("/api/session", {
        body: { token: token.trim() },
      });
      if (response.status === 204) {
        setToken("");
        onSignedIn();
        return;
      }
      setError(response.status === 401 ? t.signIn.refused : errorText(failed));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <div className="sign-in-language">
        <LanguageSwitch />
      </div>
      <h1>Smart Transcription</h1>
      <form onSubmit={submit} aria-label={t.signIn.form}>
        <label htmlFor="token">{t.signIn.token}</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="current-password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          required
        />
        <p className="hint">{t.signIn.hint}</p>
        <button type="submit" disabled={busy || !token.trim()}>
          {busy ? t.signIn.busy : t.signIn.submit}
        </button>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
