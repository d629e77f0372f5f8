// The shell: who is signed in, the navigation, and which page the URL names.
import { Suspense, lazy, useEffect, useState } from "react";

import { api, onSignedOut } from "./api/client";
import { LanguageSwitch } from "./components/LanguageSwitch";
import { useT } from "./i18n";
import { Chat } from "./pages/Chat";
import { Meetings } from "./pages/Meetings";
import { Search } from "./pages/Search";
import { SignIn } from "./pages/SignIn";
import { Transcript } from "./pages/Transcript";
import { Voiceprints } from "./pages/Voiceprints";
import { Link, navigate, useRoute } from "./router";

// The metrics page brings the chart library: loaded only when it is opened.
const Metrics = lazy(() => import("./pages/Metrics"));

type Auth = "unknown" | "in" | "out";

export function App() {
  const [auth, setAuth] = useState<Auth>("unknown");
  const route = useRoute();
  const t = useT();

  useEffect(() => {
    const off = onSignedOut(() => setAuth("out"));
    // The cookie is http-only: asking the API is the only way to know it is there.
    api
      .GET("/api/transcripts", { params: { query: { limit: 1 } } })
      .then(({ response }) => setAuth(response.ok ? "in" : "out"))
      .catch(() => setAuth("out"));
    return () => {
      off();
    };
  }, []);

  const signOut = async () => {
    await api.DELETE("/api/session");
    setAuth("out");
    navigate("/");
  };

  if (auth === "unknown") return <p className="loading">{t.app.loading}</p>;
  if (auth === "out") return <SignIn onSignedIn={() => setAuth("in")} />;

  const current = (path: string) => (route.path === path ? "page" : undefined);
  return (
    <>
      <header className="top">
        <nav aria-label={t.app.nav}>
          <Link to="/" className="brand">
            Smart Transcription
          </Link>
          <Link to="/" aria-current={current("/")}>
            {t.app.meetings}
          </Link>
          <Link to="/search" aria-current={current("/search")}>
            {t.app.search}
          </Link>
          <Link to="/chat" aria-current={current("/chat")}>
            {t.app.chat}
          </Link>
          <Link to="/voiceprints" aria-current={current("/voiceprints")}>
            {t.app.voiceprints}
          </Link>
          <Link to="/metrics" aria-current={current("/metrics")}>
            {t.app.metrics}
          </Link>
        </nav>
        <div className="top-actions">
          <LanguageSwitch />
          <button type="button" className="link" onClick={signOut}>
            {t.app.signOut}
          </button>
        </div>
      </header>
      <main>
        <Page path={route.path} query={route.query} />
      </main>
    </>
  );
}

function Page({ path, query }: { path: string; query: URLSearchParams }) {
  const t = useT();
  const transcript = /^\/transcripts\/([^/]+)\/?$/.exec(path);
  if (transcript?.[1]) {
    const at = Number(query.get("t"));
    return (
      <Transcript
        key={transcript[1]}
        id={decodeURIComponent(transcript[1])}
        startAt={Number.isFinite(at) && at > 0 ? at : null}
      />
    );
  }
  switch (path) {
    case "/":
      return <Meetings />;
    case "/search":
      return <Search />;
    case "/chat":
      return <Chat />;
    case "/voiceprints":
      return <Voiceprints />;
    case "/metrics":
      return (
        <Suspense fallback={<p className="loading">{t.app.loading}</p>}>
          <Metrics days={Number(query.get("days")) || null} />
        </Suspense>
      );
    default:
      return (
        <section>
          <h1>{t.app.notFound}</h1>
          <p>
            {t.app.noPage} <Link to="/">{t.app.backToMeetings}</Link>.
          </p>
        </section>
      );
  }
}
