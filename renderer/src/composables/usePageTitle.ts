import { onBeforeUnmount, shallowRef } from 'vue'

/**
 * The window title names what is on screen: the page and whose it is ("Treatment record —
 * Alex — Lantern"), or the guide ("Childhood ALL — Guides — Lantern"). The route knows only the
 * page, so the view that has loaded the person, guide or document says the rest.
 */
type TitleParts = () => string[] | null
const current = shallowRef<TitleParts | null>(null)

/** The title's parts given by the view on screen, before the app's name; null when none. */
export function pageTitleParts(): string[] | null {
  return current.value?.() ?? null
}

/** Called in a view's setup: `parts` is read reactively while the view is on screen. */
export function usePageTitle(parts: TitleParts): void {
  current.value = parts
  onBeforeUnmount(() => {
    if (current.value === parts) current.value = null
  })
}
