import { onBeforeUnmount, ref, type Ref } from 'vue'
import { useReadingStore } from '../stores/reading.ts'
import { useSessionStore } from '../stores/session.ts'

/** At most one save of the reading position per this many milliseconds while scrolling. */
export const POSITION_SAVE_INTERVAL_MS = 1000

/** How far down the window (as a fraction) the section being read has its heading, at most. */
const READING_LINE = 0.15

/**
 * Where the person is in a guide: the section at the top of the window (watched with an
 * IntersectionObserver over the elements marked data-section-id), saved in the vault at most
 * once a second, and once more when the guide closes. Only the person's own scrolling (or a
 * jump they asked for) moves the saved position: opening a guide at its start does not.
 */
export function useReadingPosition(
  guideId: () => string,
  container: Readonly<Ref<HTMLElement | null>>
) {
  const reading = useReadingStore()
  const session = useSessionStore()
  /** The section being read now, for the table of contents. */
  const current = ref<string | null>(null)
  let observer: IntersectionObserver | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let armed = false
  let lastSaved: string | null = null

  async function save(): Promise<void> {
    clearTimeout(timer)
    timer = undefined
    const guide = guideId()
    const section = current.value
    if (!armed || !section || session.screen !== 'unlocked') return
    const key = `${guide}/${section}`
    if (key === lastSaved) return
    lastSaved = key
    try {
      await reading.savePosition(guide, section)
    } catch {
      // Only a convenience: the next scroll tries again.
      lastSaved = null
    }
  }

  function schedule(): void {
    if (timer === undefined) timer = setTimeout(() => void save(), POSITION_SAVE_INTERVAL_MS)
  }

  function arm(): void {
    armed = true
    schedule()
  }

  /** Starts watching, once the sections are on the page and any first jump is done. */
  function start(alreadySaved: string | null = null): void {
    stop(false)
    const root = container.value
    if (!root) return
    lastSaved = alreadySaved ? `${guideId()}/${alreadySaved}` : null
    const elements = [...root.querySelectorAll<HTMLElement>('[data-section-id]')]
    // The sections are watched crossing a band over the top 15% of the window; each time one
    // does, the section being read is the last one whose top has come up to that band.
    observer = new IntersectionObserver(
      () => {
        const line = window.innerHeight * READING_LINE
        const reached = elements.filter((el) => el.getBoundingClientRect().top <= line)
        const id = reached[reached.length - 1]?.dataset.sectionId ?? null
        if (id === current.value) return
        current.value = id
        if (id && armed) schedule()
      },
      { rootMargin: `0px 0px -${Math.round((1 - READING_LINE) * 100)}% 0px`, threshold: 0 }
    )
    for (const element of elements) observer.observe(element)
    window.addEventListener('scroll', arm, { passive: true, once: true })
  }

  /** Stops watching; saves what is pending unless told not to. */
  function stop(flush = true): void {
    observer?.disconnect()
    observer = null
    window.removeEventListener('scroll', arm)
    if (flush && timer !== undefined) void save()
    clearTimeout(timer)
    timer = undefined
    armed = false
  }

  onBeforeUnmount(() => stop())

  return { current, start, stop }
}
