/**
 * Cleans a web page saved from a browser into the plain article a person wanted to keep.
 *
 * Two steps. First the boilerplate goes: scripts and styles, site navigation and menus, headers
 * and footers, cookie and consent banners, "skip to main content" links, share buttons, forms,
 * and anything hidden. Then the article is written out again from scratch with a short list of
 * text elements and no attributes at all, so nothing from the page (scripts, event handlers,
 * styles, remote images, links that could phone home) can survive into Lantern.
 */
import { parseHTML } from 'linkedom'

/** Elements that are never article text. */
const DROP_TAGS = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'video',
  'audio',
  'img',
  'picture',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'dialog',
  'menu'
]

const DROP_ROLES = [
  'navigation',
  'banner',
  'contentinfo',
  'search',
  'complementary',
  'dialog',
  'menu',
  'menubar',
  'alert',
  'toolbar'
]

/** Class or id words that mark page furniture rather than content. */
const FURNITURE =
  /(^|[\s_-])(cookie|cookies|consent|gdpr|banner|share|sharing|social|breadcrumbs?|skip|skiplink|menu|navbar|nav|subscribe|newsletter|advert|ads|promo|related|footer|header|sidebar|popup|modal|toolbar|print-?button|feedback)($|[\s_-])/i

const FRAME = new Set(['html', 'head', 'body', 'main', 'article'])

const SKIP_LINK = /^\s*skip to (the )?(main )?(content|navigation|main)\b/i
const SHARE_TEXT = /^\s*(share|tweet|email this|print this page|follow us)\b/i

/** What survives, mapped to what Lantern writes; anything else keeps only its text. */
const KEEP: Record<string, string> = {
  p: 'p',
  h1: 'h2',
  h2: 'h2',
  h3: 'h3',
  h4: 'h4',
  h5: 'h4',
  h6: 'h4',
  ul: 'ul',
  ol: 'ol',
  li: 'li',
  table: 'table',
  thead: 'thead',
  tbody: 'tbody',
  tr: 'tr',
  th: 'th',
  td: 'td',
  blockquote: 'blockquote',
  strong: 'strong',
  b: 'strong',
  em: 'em',
  i: 'em',
  br: 'br',
  pre: 'pre',
  code: 'code',
  dl: 'dl',
  dt: 'dt',
  dd: 'dd'
}
const BLOCK = new Set([
  'div',
  'section',
  'article',
  'main',
  'figure',
  'figcaption',
  'details',
  'summary'
])

export interface CleanedPage {
  title: string | null
  html: string
  text: string
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

type DomNode = {
  nodeType: number
  nodeName: string
  textContent: string | null
  childNodes: Iterable<DomNode>
}
type DomElement = DomNode & {
  getAttribute(name: string): string | null
  hasAttribute(name: string): boolean
  remove(): void
  querySelectorAll(selector: string): Iterable<DomElement>
}

function isFurniture(el: DomElement): boolean {
  const role = el.getAttribute('role')
  if (role && DROP_ROLES.includes(role.toLowerCase())) return true
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? ''))
    return true
  const names = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`
  if (FURNITURE.test(names)) return true
  const text = (el.textContent ?? '').trim()
  if (el.nodeName.toLowerCase() === 'a' && (SKIP_LINK.test(text) || SHARE_TEXT.test(text)))
    return true
  return false
}

/** Writes the element's content with the kept elements and escaped text only. */
function serialise(node: DomNode, out: string[]): void {
  for (const child of node.childNodes) {
    if (child.nodeType === 3) {
      out.push(escapeText(child.textContent ?? ''))
      continue
    }
    if (child.nodeType !== 1) continue
    const tag = child.nodeName.toLowerCase()
    const kept = KEEP[tag]
    if (kept === 'br') {
      out.push('<br>')
    } else if (kept) {
      out.push(`<${kept}>`)
      serialise(child, out)
      out.push(`</${kept}>`)
    } else {
      if (BLOCK.has(tag)) out.push('\n')
      serialise(child, out)
      if (BLOCK.has(tag)) out.push('\n')
    }
  }
}

/** Drops empty elements and runs of whitespace left behind by the removals. */
function tidy(html: string): string {
  let out = html.replace(/[ \t\r\f\v]+/g, ' ').replace(/\n\s*\n+/g, '\n')
  for (let i = 0; i < 5; i++) {
    const next = out.replace(
      /<(p|li|h2|h3|h4|strong|em|ul|ol|blockquote|td|th|tr|table|dt|dd|dl|thead|tbody)>\s*<\/\1>/g,
      ''
    )
    if (next === out) break
    out = next
  }
  return out.trim()
}

export function textOf(html: string): string {
  return html
    .replace(/<br>/g, ' ')
    .replace(/<\/(p|li|h[1-6]|tr|td|th|dt|dd|blockquote|pre)>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

function cleanTitle(title: string | null | undefined): string | null {
  const t = (title ?? '').replace(/\s+/g, ' ').trim()
  return t.length > 0 ? t.slice(0, 200) : null
}

export function cleanHtmlPage(source: string): CleanedPage {
  const { document } = parseHTML(source)
  const doc = document as unknown as {
    title: string
    querySelector(selector: string): DomElement | null
    querySelectorAll(selector: string): Iterable<DomElement>
    body: DomElement | null
    documentElement: DomElement
  }
  const metaTitle = doc.querySelector('meta[property="og:title"]')?.getAttribute('content')
  const h1 = doc.querySelector('main h1, article h1, h1')?.textContent
  const title = cleanTitle(metaTitle) ?? cleanTitle(h1) ?? cleanTitle(doc.title)

  for (const tag of DROP_TAGS) for (const el of [...doc.querySelectorAll(tag)]) el.remove()
  for (const el of [...doc.querySelectorAll('*')]) {
    // The page's own frame is never furniture, whatever its classes say ("nav-open" on <body>).
    if (FRAME.has(el.nodeName.toLowerCase())) continue
    // An ancestor may already have gone; removing twice is harmless.
    if (isFurniture(el)) el.remove()
  }
  const root =
    doc.querySelector('main') ??
    doc.querySelector('[role="main"]') ??
    doc.querySelector('article') ??
    doc.body ??
    doc.documentElement
  const out: string[] = []
  serialise(root, out)
  const html = tidy(out.join(''))
  return { title, html, text: textOf(html) }
}
