// A small client-side router over the History API: the app's pages live under /app/
// (the API answers any of them with index.html), links change the URL without a reload.
import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from "react";

export const BASE = "/app";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  return () => window.removeEventListener("popstate", onChange);
}

const location = () => window.location.pathname + window.location.search;

/** The current route: the path below /app ("/", "/transcripts/ID") and its query. */
export function useRoute(): { path: string; query: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, location);
  const url = new URL(href, window.location.origin);
  const path = url.pathname.startsWith(BASE) ? url.pathname.slice(BASE.length) || "/" : "/";
  return { path, query: url.searchParams };
}

export function href(to: string): string {
  return BASE + to;
}

export function navigate(to: string, replace = false): void {
  if (replace) window.history.replaceState(null, "", href(to));
  else window.history.pushState(null, "", href(to));
  window.dispatchEvent(new PopStateEvent("popstate"));
  if (!replace) window.scrollTo(0, 0);
}

/** A link to one of the app's pages ("/search"): a plain <a>, handled without a reload
 *  unless a modifier key asks for a new tab. */
export function Link({ to, ...props }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    props.onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
      return;
    }
    e.preventDefault();
    navigate(to);
  };
  return <a {...props} href={href(to)} onClick={onClick} />;
}
