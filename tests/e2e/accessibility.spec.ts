/**
 * Lantern must work for someone using a screen reader, the keyboard alone, a phone-sized window
 * or a zoomed-in page. Each test walks every screen, dialog and open picker once (see
 * screens.ts) and checks each place in every layout and both colour themes.
 */
import axe from 'axe-core'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { LAYOUTS, NORMAL, visitEveryScreen, type Layout } from './screens.ts'

/**
 * Every rule axe-core has, including the ones it leaves off by default (experimental and
 * best-practice rules): naming them all runs them all.
 */
const EVERY_RULE = axe.getRules().map((rule) => rule.ruleId)

async function showAs(page: Page, layout: Layout, colorScheme: 'light' | 'dark') {
  await page.setViewportSize({ width: layout.width, height: layout.height })
  await page.emulateMedia({ colorScheme })
}

interface AxeViolation {
  id: string
  impact?: string | null
  help: string
  nodes: { target: unknown[] }[]
}

/**
 * axe-core's violations, every rule, on the page as it is now or on the part of it given. axe
 * is put into the page once (by evaluation, which the app's content security policy does not
 * apply to) and run there directly: @axe-core/playwright injects it again and opens a blank
 * page for every check, which made this walk minutes longer. Lantern has no frames.
 */
async function axeViolations(page: Page, where: string, part?: Locator): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axe.source)
  const context = part ?? page.locator('html')
  const violations = await context.evaluate(async (element, rules) => {
    const found = await (globalThis as unknown as { axe: typeof axe }).axe.run(element, {
      runOnly: { type: 'rule', values: rules },
      resultTypes: ['violations']
    })
    return found.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target }))
    }))
  }, EVERY_RULE)
  return violations.map(
    (v: AxeViolation) =>
      `${where}: ${v.id} (${v.impact ?? 'no impact'}) ${v.help}: ${v.nodes
        .slice(0, 4)
        .map((n) => n.target.join(' '))
        .join(', ')}${v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : ''}`
  )
}

/**
 * A status region hidden with display:none while it has nothing to say is not in the
 * accessibility tree, and a screen reader may miss its first message when it appears.
 */
async function statusRegionsNotRendered(page: Page, where: string): Promise<string[]> {
  const hidden = await page.locator('html').evaluate((html) =>
    [...html.querySelectorAll('[role=status], [role=alert], [role=log], [aria-live]')]
      .filter((el) => html.ownerDocument.defaultView!.getComputedStyle(el).display === 'none')
      .filter((el) => !el.parentElement || el.parentElement.checkVisibility())
      .map((el) => `<${el.localName} class="${el.className}">`)
  )
  return hidden.map((el) => `${where}: status region not rendered while empty: ${el}`)
}

/**
 * Placeholder text (the drug picker's "Start typing a name") needs the contrast of any other
 * text, 4.5:1; axe-core does not check it.
 */
async function faintPlaceholders(page: Page, where: string): Promise<string[]> {
  const faint = await page.locator('html').evaluate((html) => {
    const view = html.ownerDocument.defaultView!
    const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number)
    const luminance = (colour: string) => {
      const [r, g, b] = rgb(colour).map((c) => {
        const s = c / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      })
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
    }
    const found: string[] = []
    for (const input of html.querySelectorAll('[placeholder]')) {
      if (!input.checkVisibility()) continue
      const text = luminance(view.getComputedStyle(input, '::placeholder').color)
      const ground = luminance(view.getComputedStyle(input).backgroundColor)
      const ratio = (Math.max(text, ground) + 0.05) / (Math.min(text, ground) + 0.05)
      if (ratio < 4.5) found.push(`“${input.getAttribute('placeholder')}” at ${ratio.toFixed(1)}:1`)
    }
    return found
  })
  return faint.map((p) => `${where}: placeholder below 4.5:1 contrast: ${p}`)
}

/**
 * What sticks out sideways: the page itself wider than the window, the outermost elements whose
 * box reaches past either edge of the window, and content that spills out of the right of its
 * own box (a field wider than its card) even where the window has room. Anything inside a box
 * that scrolls or clips it (a wide table in its own named, focusable region) is left to that box,
 * and so are popups (positioned boxes).
 */
async function sidewaysOverflow(page: Page, where: string): Promise<string[]> {
  const found = await page.locator('html').evaluate((root) => {
    const view = root.ownerDocument.defaultView!
    const body = root.ownerDocument.body
    const width = root.clientWidth
    const problems: string[] = []
    if (root.scrollWidth > width) {
      problems.push(`the page is ${root.scrollWidth} px wide in a ${width} px window`)
    }
    const reported = new Set<unknown>()
    const describe = (el: typeof root) => {
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
      return `<${el.localName}${el.className ? ` class="${String(el.className)}"` : ''}> “${text}”`
    }
    // Inside something already reported, or something that scrolls or clips sideways itself.
    const contained = (from: typeof root | null) => {
      for (let up = from; up && up !== body; up = up.parentElement) {
        if (reported.has(up) || view.getComputedStyle(up).overflowX !== 'visible') return true
      }
      return false
    }
    for (const el of body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      if (box.left >= -0.5 && box.right <= width + 0.5) continue
      if (contained(el.parentElement)) continue
      reported.add(el)
      problems.push(
        `${describe(el)} spans ${Math.round(box.left)}–${Math.round(box.right)} px of ${width}`
      )
    }
    for (const el of body.querySelectorAll('*')) {
      const parent = el.parentElement
      if (!parent || parent === body) continue
      const box = el.getBoundingClientRect()
      const outer = parent.getBoundingClientRect()
      if (box.width === 0 || box.right <= outer.right + 1) continue
      if (['absolute', 'fixed'].includes(view.getComputedStyle(el).position)) continue
      if (contained(parent)) continue
      reported.add(el)
      problems.push(
        `${describe(el)} sticks out of ${describe(parent)} by ${Math.round(box.right - outer.right)} px`
      )
    }
    return problems
  })
  return found.map((problem) => `${where}: ${problem}`)
}

test('every screen, dialog and open picker passes every axe-core rule in light and dark, at normal width, 320 px and 200% zoom, with status regions rendered and placeholders legible', async ({
  app
}) => {
  test.setTimeout(600_000)
  const problems: string[] = []
  await visitEveryScreen(app, async (place, part) => {
    for (const layout of LAYOUTS) {
      for (const colorScheme of ['light', 'dark'] as const) {
        await showAs(app, layout, colorScheme)
        const where = `${place} (${layout.name}, ${colorScheme})`
        problems.push(...(await axeViolations(app, where, part)))
        if (layout === NORMAL) problems.push(...(await faintPlaceholders(app, where)))
      }
    }
    await showAs(app, NORMAL, 'light')
    problems.push(...(await statusRegionsNotRendered(app, place)))
  })
  expect(problems).toEqual([])
})

test('no screen, dialog or open picker scrolls sideways at 320 px or at 200% zoom', async ({
  app
}) => {
  test.setTimeout(300_000)
  const problems: string[] = []
  await visitEveryScreen(app, async (place) => {
    for (const layout of LAYOUTS.filter((l) => l !== NORMAL)) {
      await showAs(app, layout, 'light')
      problems.push(...(await sidewaysOverflow(app, `${place} (${layout.name})`)))
    }
    await showAs(app, NORMAL, 'light')
  })
  expect(problems).toEqual([])
})
