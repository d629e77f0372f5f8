// The uploads this tab follows on the meetings page (their live progress cards), kept in
// sessionStorage so a reload shows them again; a deleted recording leaves the list.
import { forgetProgress } from "./progress";

const FOLLOWED = "st.followed";

export interface Followed {
  id: string;
  title: string;
}

export function loadFollowed(): Followed[] {
  try {
    return JSON.parse(sessionStorage.getItem(FOLLOWED) ?? "[]") as Followed[];
  } catch {
    return [];
  }
}

export function saveFollowed(list: Followed[]): void {
  sessionStorage.setItem(FOLLOWED, JSON.stringify(list));
}

/** The recording is gone (deleted): no card, no saved progress. */
export function unfollow(id: string): void {
  saveFollowed(loadFollowed().filter((f) => f.id !== id));
  forgetProgress(id);
}
