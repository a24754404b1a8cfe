/**
 * The Summary screen's tables, rendered to HTML by Vue's server renderer: numbers right-aligned
 * so their digits line up, column headers that screen readers announce for each cell, each
 * row named by its first cell, and the wide table scrollable from the keyboard in a named region.
 */
import { parseHTML } from 'linkedom'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { describe, expect, it } from 'vitest'
import type { Block } from '../../electron/shared/document.ts'
import DocTable from '../../renderer/src/components/document/DocTable.vue'

type Table = Extract<Block, { kind: 'table' }>

const MEDICINES: Table = {
  kind: 'table',
  caption: 'Cumulative dose of each medicine',
  columns: [
    { label: 'Agent', align: 'left', weight: 3 },
    { label: 'Cumulative dose per m²', align: 'right', weight: 2 },
    { label: 'Cumulative dose', align: 'right', weight: 2 },
    { label: 'First', align: 'left', weight: 1.6 }
  ],
  rows: [
    { cells: ['Daunorubicin', '100 mg/m²', '85.8 mg', '14 Nov 2023'] },
    { cells: ['Mercaptopurine', '48,450 mg/m²', '37,180.4 mg', '6 Apr 2021'], marks: ['estimated'] }
  ],
  notes: ['“estimated”: some doses are the family’s best estimate.']
}

async function render(table: Table) {
  const html = await renderToString(createSSRApp({ render: () => h(DocTable, { table }) }))
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document
}

describe('DocTable', () => {
  it('right-aligns the numeric columns and left-aligns the others, header and body alike', async () => {
    const doc = await render(MEDICINES)
    const align = (el: { getAttribute(name: string): string | null }) =>
      /text-align:\s*(\w+)/.exec(el.getAttribute('style') ?? '')?.[1]
    expect([...doc.querySelectorAll('thead th')].map(align)).toEqual([
      'left',
      'right',
      'right',
      'left'
    ])
    for (const row of doc.querySelectorAll('tbody tr')) {
      expect([...row.children].map(align)).toEqual(['left', 'right', 'right', 'left'])
    }
  })

  it('heads each column with th scope=col and each row with its first cell as th scope=row', async () => {
    const doc = await render(MEDICINES)
    const headers = [...doc.querySelectorAll('thead th')]
    expect(headers.map((th) => th.getAttribute('scope'))).toEqual(['col', 'col', 'col', 'col'])
    expect(headers.map((th) => th.textContent?.trim())).toEqual(
      MEDICINES.columns.map((c) => c.label)
    )
    const rowHeads = [...doc.querySelectorAll('tbody tr')].map((tr) => tr.firstElementChild!)
    expect(rowHeads.map((th) => [th.tagName, th.getAttribute('scope')])).toEqual([
      ['TH', 'row'],
      ['TH', 'row']
    ])
    // The numbers are written as the core wrote them, and a mark follows its row's name.
    expect(doc.querySelector('tbody tr:nth-child(2)')?.textContent).toMatch(
      /Mercaptopurine\s*estimated\s*48,450 mg\/m²\s*37,180.4 mg/
    )
  })

  it('names the table by its caption and scrolls it in a focusable region with the same name', async () => {
    const doc = await render(MEDICINES)
    const caption = doc.querySelector('table > caption')!
    expect(caption.textContent?.trim()).toBe(MEDICINES.caption)
    const region = doc.querySelector('[role="region"]')!
    expect(region.getAttribute('tabindex')).toBe('0')
    expect(region.getAttribute('aria-labelledby')).toBe(caption.id)
    expect(caption.id).not.toBe('')
    expect(doc.querySelector('.doc-table-notes')?.textContent).toContain('“estimated”')
  })
})
