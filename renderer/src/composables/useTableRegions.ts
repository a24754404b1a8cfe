import { watch, type Ref } from 'vue'
import { t } from '../i18n/index.ts'

/**
 * Tables in text that comes as html (a guide's sections, a person's own documents) scroll
 * sideways on their own when the window is narrow, never the page. The html has no room for
 * attributes (the core writes bare tags), so once it is on the page each table is put inside a
 * region named after the heading it follows and reachable with Tab, so keyboard users can
 * scroll it with the arrow keys and screen readers say what it is.
 */
export function useTableRegions(target: Readonly<Ref<HTMLElement | null>>): void {
  watch(
    target,
    (element) => {
      if (element) wrapTables(element)
    },
    { flush: 'post', immediate: true }
  )
}

/** A heading's words, without the explanations of glossary terms marked inside it. */
function wordsOf(heading: Element): string {
  const copy = heading.cloneNode(true) as Element
  for (const tip of copy.querySelectorAll('.term-tip')) tip.remove()
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim()
}

/** The last heading before `table`, in the section or article that holds it. */
function headingBefore(table: HTMLTableElement, root: HTMLElement): string | null {
  const scope = root.closest('section, article') ?? root
  let found: string | null = null
  for (const heading of scope.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    if (!(heading.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING)) break
    found = wordsOf(heading) || found
  }
  return found
}

export function wrapTables(root: HTMLElement): void {
  for (const table of root.querySelectorAll('table')) {
    if (table.parentElement?.classList.contains('table-region')) continue
    const title = headingBefore(table, root)
    const region = document.createElement('div')
    region.className = 'table-region'
    region.setAttribute('role', 'region')
    region.setAttribute('aria-label', title ? t('common.tableAbout', { title }) : t('common.table'))
    region.tabIndex = 0
    table.replaceWith(region)
    region.append(table)
  }
}
