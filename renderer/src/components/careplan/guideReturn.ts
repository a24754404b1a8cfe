/**
 * Back from a guide section opened from the plan lands on the link that opened it, not at the top
 * of a long plan. Only for Back: the page reached any other way starts at the top as usual.
 */

let followed: { key: string; path: string } | null = null

/** The link of item `key` to the guide page at `path` (the router's fullPath) is being followed. */
export function followingGuideLink(key: string, path: string): void {
  followed = { key, path }
}

/**
 * Whether item `key` is where the person left the plan for the guide and they have just come
 * back from it: the router keeps the page Back came from in history.state.forward.
 */
export function cameBackToGuideLink(key: string): boolean {
  if (followed?.key !== key) return false
  const state = window.history.state as { forward?: unknown } | null
  const back = state?.forward === followed.path
  followed = null
  return back
}
