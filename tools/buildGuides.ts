/**
 * `npm run guides`: renders content/guides/*.md into content/guides/library.json, the data the
 * app ships. Run it after editing a guide; a unit test fails while the JSON is out of date.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildLibrary, serialiseLibrary } from '../electron/core/library/buildLibrary.ts'

const dir = fileURLToPath(new URL('../content/guides/', import.meta.url))
const data = buildLibrary(dir)
writeFileSync(`${dir}library.json`, serialiseLibrary(data))
const sections = data.guides.reduce((n, g) => n + g.sections.length, 0)
console.log(`content/guides/library.json: ${data.guides.length} guides, ${sections} sections`)
