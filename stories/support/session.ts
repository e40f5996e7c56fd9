/** A fresh id for one rendering of a story, so server-side story state (an outage) is its own. */
export function newSession(): string {
  return Math.random().toString(36).slice(2, 10);
}
