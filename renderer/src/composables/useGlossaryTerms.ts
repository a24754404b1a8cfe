import { onBeforeUnmount, watch, type Ref } from 'vue'
import type { GlossaryTerm } from '@shared/library.ts'
import { useLibraryStore } from '../stores/library.ts'

/**
 * Glossary terms in guide text: after a section's html is on the page, the first time each
 * glossary term (or one of its other names) appears in it becomes a focusable word that explains
 * itself in a tooltip, on hover and on keyboard focus. Built with DOM calls only: the definitions
 * are set as text, never parsed as HTML.
 *
 * Matching is by whole word, ignoring case, longest first ("white blood cell count" before
 * "white blood cell"), with or without a plural ending; a hyphen joins words, so "CAR T" is not
 * found inside "CAR T-cells". Abbreviations written in capitals (ALL, ER, IT) must match their
 * case, so that "all" and "it" in a sentence are left alone.
 */

interface Phrase {
  term: GlossaryTerm
  /** True for abbreviations like ALL: only the same capitals match. */
  exactCase: boolean
  text: string
}

interface Matcher {
  pattern: RegExp
  /** Lower-cased phrase (spaces made single) → the terms it may stand for. */
  byText: Map<string, Phrase[]>
}

const matchers = new WeakMap<readonly GlossaryTerm[], Matcher | null>()

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').toLowerCase()

function matcherFor(terms: readonly GlossaryTerm[]): Matcher | null {
  if (matchers.has(terms)) return matchers.get(terms) ?? null
  const byText = new Map<string, Phrase[]>()
  for (const term of terms) {
    for (const name of [term.term, ...term.aliases]) {
      const text = name.trim()
      if (!text) continue
      const exactCase = /\p{Lu}/u.test(text) && text === text.toUpperCase()
      const key = normalise(text)
      byText.set(key, [...(byText.get(key) ?? []), { term, exactCase, text }])
    }
  }
  const alternatives = [...byText.keys()]
    .sort((a, b) => b.length - a.length)
    .map((key) => key.split(' ').map(escape).join('\\s+'))
  const matcher =
    alternatives.length === 0
      ? null
      : {
          pattern: new RegExp(
            `(?<![\\p{L}\\p{N}]|[\\p{L}\\p{N}]-)(${alternatives.join('|')})(?:e?s)?(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`,
            'giu'
          ),
          byText
        }
  matchers.set(terms, matcher)
  return matcher
}

/** Where terms are never marked: headings, and anything already interactive or marked. */
const SKIP = 'h1, h2, h3, h4, h5, h6, button, a, code, pre, mark, .term-wrap'

// ---- The one tooltip open at a time ----

let open: { wrap: HTMLElement; tip: HTMLElement } | null = null
let hideTimer: ReturnType<typeof setTimeout> | undefined

function onKeydown(event: KeyboardEvent): void {
  if (event.key === 'Escape' && open) {
    // Dismissed where it is: focus stays on the word, the tooltip goes until the next visit.
    open.wrap.dataset.dismissed = 'true'
    hide()
  }
}

function hide(): void {
  clearTimeout(hideTimer)
  if (!open) return
  open.tip.hidden = true
  open.wrap.classList.remove('term-open')
  open = null
  document.removeEventListener('keydown', onKeydown, true)
}

function show(wrap: HTMLElement, tip: HTMLElement): void {
  clearTimeout(hideTimer)
  if (wrap.dataset.dismissed === 'true') return
  if (open && open.wrap !== wrap) hide()
  if (open) return
  tip.hidden = false
  wrap.classList.add('term-open')
  open = { wrap, tip }
  document.addEventListener('keydown', onKeydown, true)
  // Kept inside the window: moved left when the word is near the right edge.
  tip.style.removeProperty('left')
  const margin = 8
  const box = tip.getBoundingClientRect()
  const overflow = box.right - (document.documentElement.clientWidth - margin)
  if (overflow > 0) tip.style.left = `${-Math.min(overflow, box.left - margin)}px`
}

function hideSoon(wrap: HTMLElement): void {
  clearTimeout(hideTimer)
  // A moment's grace, so the pointer can move from the word onto the tooltip to read it.
  hideTimer = setTimeout(() => {
    if (open?.wrap !== wrap) return
    const word = wrap.querySelector('.term')
    if (document.activeElement !== word && !wrap.matches(':hover')) hide()
  }, 250)
}

function makeTerm(phrase: Phrase, shown: string, tipId: string): HTMLElement {
  const wrap = document.createElement('span')
  wrap.className = 'term-wrap'

  const word = document.createElement('span')
  word.className = 'term'
  word.tabIndex = 0
  word.setAttribute('role', 'button')
  word.setAttribute('aria-describedby', tipId)
  word.dataset.termId = phrase.term.id
  word.textContent = shown

  const tip = document.createElement('span')
  tip.className = 'term-tip'
  tip.id = tipId
  tip.setAttribute('role', 'tooltip')
  tip.hidden = true
  const name = document.createElement('strong')
  name.textContent = phrase.term.term
  tip.append(name, document.createTextNode(`: ${phrase.term.definition}`))

  wrap.append(word, tip)
  word.addEventListener('focus', () => show(wrap, tip))
  word.addEventListener('blur', () => {
    delete wrap.dataset.dismissed
    hideSoon(wrap)
  })
  word.addEventListener('click', () => show(wrap, tip))
  word.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      delete wrap.dataset.dismissed
      show(wrap, tip)
    }
  })
  wrap.addEventListener('mouseenter', () => show(wrap, tip))
  wrap.addEventListener('mouseleave', () => {
    delete wrap.dataset.dismissed
    hideSoon(wrap)
  })
  return wrap
}

/** The accepted phrase a match stands for, or null (an abbreviation written in other case). */
function phraseFor(matcher: Matcher, found: string): Phrase | null {
  const candidates = matcher.byText.get(normalise(found)) ?? []
  return candidates.find((p) => !p.exactCase || p.text === found.replace(/\s+/g, ' ')) ?? null
}

/**
 * Marks the first occurrence of each term in `root`. `scope` makes the tooltip ids unique on the
 * page (one scope per section). Does nothing twice to the same element.
 */
export function markGlossaryTerms(
  root: HTMLElement,
  terms: readonly GlossaryTerm[],
  scope: string
): void {
  if (root.dataset.glossary === 'marked') return
  const matcher = matcherFor(terms)
  if (!matcher) return
  root.dataset.glossary = 'marked'
  const used = new Set<string>()
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT
  })
  const nodes: Text[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)

  for (const node of nodes) {
    const text = node.data
    const pieces: (string | HTMLElement)[] = []
    let cursor = 0
    matcher.pattern.lastIndex = 0
    for (let m = matcher.pattern.exec(text); m; m = matcher.pattern.exec(text)) {
      // m[1] is the name without a plural ending: "neutrophils" explains "neutrophil".
      const phrase = phraseFor(matcher, m[1] ?? m[0])
      if (!phrase || used.has(phrase.term.id)) continue
      used.add(phrase.term.id)
      if (m.index > cursor) pieces.push(text.slice(cursor, m.index))
      pieces.push(makeTerm(phrase, m[0], `term-tip-${scope}-${phrase.term.id}`))
      cursor = m.index + m[0].length
    }
    if (pieces.length === 0) continue
    if (cursor < text.length) pieces.push(text.slice(cursor))
    node.replaceWith(...pieces)
  }
}

/**
 * Marks the terms in the element `target` once it and the glossary are both there (the glossary
 * is fetched on first use). The element's html must not change afterwards: key it instead.
 */
export function useGlossaryTerms(
  target: Readonly<Ref<HTMLElement | null>>,
  scope: () => string
): void {
  const library = useLibraryStore()
  void library.loadGlossary().catch(() => undefined)
  watch(
    [target, () => library.glossary],
    ([element, terms]) => {
      if (element && terms.length > 0) markGlossaryTerms(element, terms, scope())
    },
    { flush: 'post', immediate: true }
  )
  onBeforeUnmount(() => {
    if (open && target.value?.contains(open.wrap)) hide()
  })
}
