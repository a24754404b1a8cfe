/**
 * Prints one closing line for the whole test run from the reporters' JSON files
 * (test-results/unit.json from Vitest, test-results/e2e.json from Playwright), so CI logs end
 * with a count that says how many tests really ran.
 */
import { existsSync, readFileSync } from 'node:fs'

interface Counts {
  passed: number
  failed: number
  skipped: number
}

function readJson(file: string): unknown {
  if (!existsSync(file)) throw new Error(`testSummary: ${file} is missing; did that suite run?`)
  return JSON.parse(readFileSync(file, 'utf8'))
}

function vitestCounts(file: string): Counts {
  const report = readJson(file) as {
    numPassedTests: number
    numFailedTests: number
    numPendingTests: number
    numTodoTests: number
  }
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests
  }
}

function playwrightCounts(file: string): Counts {
  const report = readJson(file) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number }
  }
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
    skipped: report.stats.skipped
  }
}

const suites: [string, Counts][] = [
  ['unit (vitest, real SQLite)', vitestCounts('test-results/unit.json')],
  ['end-to-end (Chromium through the bridge)', playwrightCounts('test-results/e2e.json')]
]
const total: Counts = { passed: 0, failed: 0, skipped: 0 }
for (const [name, counts] of suites) {
  console.log(
    `${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`
  )
  total.passed += counts.passed
  total.failed += counts.failed
  total.skipped += counts.skipped
}
const noneRan = suites.some(([, counts]) => counts.passed + counts.failed === 0)
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`)
if (total.failed > 0 || noneRan) process.exit(1)
