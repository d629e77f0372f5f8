// Sign in with a tenant's token: POST /api/session keeps it in an http-only cookie, so
// the token is never in a URL, in localStorage, or readable by a script.
import { type FormEvent, useState } from "react";

import { api, errorText } from "../api/client";

export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
      setError(
        response.status === 401 ? "This token is unknown, revoked or expired." : errorText(failed),
      );
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <h1>Smart Transcription</h1>
      <form onSubmit={submit} aria-label="sign in">
        <label htmlFor="token">Access token</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="current-password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          required
        />
        <p className="hint">
          Your team's token (<code>st create-tenant NAME</code> prints one; <code>make run</code>{" "}
          writes the demo's to <code>var/demo_token</code>).
        </p>
        <button type="submit" disabled={busy || !token.trim()}>
          {busy ? "Signing in…" : "Sign in"}
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
