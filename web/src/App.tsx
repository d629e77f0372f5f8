// The shell: who is signed in, the navigation, and which page the URL names.
import { useEffect, useState } from "react";

import { api, onSignedOut } from "./api/client";
import { Chat } from "./pages/Chat";
import { Meetings } from "./pages/Meetings";
import { Search } from "./pages/Search";
import { SignIn } from "./pages/SignIn";
import { Transcript } from "./pages/Transcript";
import { Voiceprints } from "./pages/Voiceprints";
import { Link, navigate, useRoute } from "./router";

type Auth = "unknown" | "in" | "out";

export function App() {
  const [auth, setAuth] = useState<Auth>("unknown");
  const route = useRoute();

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

  if (auth === "unknown") return <p className="loading">Loading…</p>;
  if (auth === "out") return <SignIn onSignedIn={() => setAuth("in")} />;

  return (
    <>
      <header className="top">
        <nav aria-label="main">
          <Link to="/" className="brand">
            Smart Transcription
          </Link>
          <Link to="/" aria-current={route.path === "/" ? "page" : undefined}>
            Meetings
          </Link>
          <Link to="/search" aria-current={route.path === "/search" ? "page" : undefined}>
            Search
          </Link>
          <Link to="/chat" aria-current={route.path === "/chat" ? "page" : undefined}>
            Chat
          </Link>
          <Link
            to="/voiceprints"
            aria-current={route.path === "/voiceprints" ? "page" : undefined}
          >
            Voiceprints
          </Link>
          <a href="/dashboard">Metrics</a>
        </nav>
        <button type="button" className="link" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main>
        <Page path={route.path} query={route.query} />
      </main>
    </>
  );
}

function Page({ path, query }: { path: string; query: URLSearchParams }) {
  const transcript = /^\/transcripts\/([^/]+)\/?$/.exec(path);
  if (transcript?.[1]) {
    const t = Number(query.get("t"));
    return (
      <Transcript
        key={transcript[1]}
        id={decodeURIComponent(transcript[1])}
        startAt={Number.isFinite(t) && t > 0 ? t : null}
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
    default:
      return (
        <section>
          <h1>Not found</h1>
          <p>
            No page here. <Link to="/">Back to the meetings</Link>.
          </p>
        </section>
      );
  }
}
