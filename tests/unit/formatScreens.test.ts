/**
 * The screens format through renderer/src/lib/format.ts, which is the shared module itself
 * (electron/shared/format.ts) plus the words of the current language: what a screen shows is
 * what the core will print.
 */
import { describe, expect, it } from 'vitest'
import * as shared from '../../electron/shared/format.ts'
import { formatDateRange, RANGE_WORDS } from '../../electron/shared/format.ts'
import { en } from '../../renderer/src/i18n/en.ts'
import * as screens from '../../renderer/src/lib/format.ts'

describe('the screens’ formatting', () => {
  it('is the shared module’s, function for function', () => {
    for (const name of [
      'formatAmount',
      'formatDate',
      'formatDateList',
      'formatDateTime',
      'formatList',
      'formatNumber',
      'formatTime',
      'formatUnit'
    ] as const) {
      expect(screens[name], name).toBe(shared[name])
    }
    expect(screens.formatDate('2021-09-01')).toBe('1 Sep 2021')
  })

  it('writes ranges on screen with the words the core uses on paper', () => {
    expect(en.format).toEqual({
      dateRange: RANGE_WORDS.range,
      dateFrom: RANGE_WORDS.from,
      dateUntil: RANGE_WORDS.until
    })
    for (const [from, to] of [
      ['2021-02-22', '2021-03-21'],
      ['2021-02-22', null],
      [null, '2021-03-21'],
      ['2021-09-01', '2021-09-01'],
      [null, null]
    ] as const) {
      expect(screens.formatRange(from, to)).toBe(formatDateRange(from, to))
    }
  })
})
