/**
 * The shipped drug catalog: it parses, every drug is cited, the names families meet in the
 * source documents resolve, routes and units are sane (never intrathecal vincristine), codes
 * appear only where reference/clinical-facts.md marks them confirmed, and a malformed catalog
 * is refused with a message that says what is wrong.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  DrugCatalogError,
  loadDrugCatalog,
  parseDrugCatalog,
  type Drug
} from '../../electron/core/record/drugCatalog.ts'
import { shippedDrugCatalog } from '../../electron/core/record/shippedCatalog.ts'

const catalog = shippedDrugCatalog()
const shippedJson = (): Record<string, unknown> & { drugs: Record<string, unknown>[] } =>
  JSON.parse(readFileSync(new URL('../../content/drugs/catalog.json', import.meta.url), 'utf8'))

/** The source documents sit beside the repository in ../shared (as CI lays them out). */
const sourcesDir = fileURLToPath(new URL('../../../shared/sources/', import.meta.url))
const haveSources = existsSync(sourcesDir)

/**
 * Names as they are written in the five source documents (reference/../sources/*.txt), each
 * with the catalog entry it must resolve to.
 */
const NAMES_IN_SOURCES: [name: string, id: string][] = [
  // NCI adult ALL PDQ: targeted therapy and immunotherapy lists
  ['dasatinib', 'dasatinib'],
  ['imatinib mesylate', 'imatinib'],
  ['inotuzumab ozogamicin', 'inotuzumab-ozogamicin'],
  ['nilotinib', 'nilotinib'],
  ['revumenib', 'revumenib'],
  ['blinatumomab', 'blinatumomab'],
  ['brexucabtagene autoleucel', 'brexucabtagene-autoleucel'],
  ['tisagenlecleucel', 'tisagenlecleucel'],
  // Cancer.Net childhood ALL: types of treatment, latest research, late-effects tables
  ['vincristine', 'vincristine'],
  ['Oncovin', 'vincristine'],
  ['Vincasar', 'vincristine'],
  ['nelarabine', 'nelarabine'],
  ['Arranon', 'nelarabine'],
  ['Blincyto', 'blinatumomab'],
  ['cyclophosphamide', 'cyclophosphamide'],
  ['Cytoxan', 'cyclophosphamide'],
  ['Neosar', 'cyclophosphamide'],
  ['doxorubicin', 'doxorubicin'],
  ['Adriamycin', 'doxorubicin'],
  ['daunorubicin', 'daunorubicin'],
  ['Cerubidine', 'daunorubicin'],
  ['methotrexate', 'methotrexate'],
  ['cytarabine', 'cytarabine'],
  ['Cytosar-U', 'cytarabine'],
  ['etoposide', 'etoposide'],
  ['VePesid', 'etoposide'],
  ['Toposar', 'etoposide'],
  ['prednisone', 'prednisone'],
  ['dexamethasone', 'dexamethasone'],
  // UpToDate metastatic breast cancer
  ['tamoxifen', 'tamoxifen'],
  ['anastrozole', 'anastrozole'],
  ['letrozole', 'letrozole'],
  ['exemestane', 'exemestane'],
  ['fulvestrant', 'fulvestrant'],
  ['elacestrant', 'elacestrant'],
  ['triptorelin', 'triptorelin'],
  ['goserelin', 'goserelin'],
  ['leuprolide', 'leuprolide'],
  ['palbociclib', 'palbociclib'],
  ['ribociclib', 'ribociclib'],
  ['abemaciclib', 'abemaciclib'],
  ['Alpelisib', 'alpelisib'],
  ['Everolimus', 'everolimus'],
  ['Trastuzumab', 'trastuzumab'],
  ['Pertuzumab', 'pertuzumab'],
  ['Ado-trastuzumab emtansine', 'ado-trastuzumab-emtansine'],
  ['Fam-trastuzumab deruxtecan', 'fam-trastuzumab-deruxtecan'],
  ['lapatinib', 'lapatinib'],
  ['neratinib', 'neratinib'],
  ['tucatinib', 'tucatinib'],
  ['pembrolizumab', 'pembrolizumab'],
  ['olaparib', 'olaparib'],
  ['talazoparib', 'talazoparib'],
  ['pamidronate', 'pamidronate'],
  ['zoledronic acid', 'zoledronic-acid'],
  ['clodronate', 'clodronate'],
  ['ibandronate', 'ibandronate'],
  ['denosumab', 'denosumab'],
  // Relapse page (UK): the monoclonal antibodies and the TKIs for Ph+ relapse
  ['inotuzumab', 'inotuzumab-ozogamicin'],
  ['imatinib', 'imatinib'],
  ['Ponatinib', 'ponatinib']
]

/**
 * Codes that reference/clinical-facts.md §4.2 marks CONFIRMED, with the source it names:
 * RxNorm from the mCODE examples or CPIC's drug table, ATC from the PanCareSurPass value set.
 * No other drug may carry a code.
 */
const CONFIRMED_CODES: Record<string, { rxnorm?: [string, string]; atc?: string }> = {
  cyclophosphamide: { rxnorm: ['3002', 'mcode-ig'], atc: 'L01AA01' },
  ifosfamide: { atc: 'L01AA06' },
  doxorubicin: { rxnorm: ['3639', 'mcode-ig'], atc: 'L01DB01' },
  daunorubicin: { atc: 'L01DB02' },
  epirubicin: { rxnorm: ['3995', 'cpic-schema'], atc: 'L01DB03' },
  idarubicin: { rxnorm: ['5650', 'mcode-ig'], atc: 'L01DB06' },
  mitoxantrone: { atc: 'L01DB07' },
  methotrexate: { rxnorm: ['6851', 'cpic-schema'], atc: 'L01BA01' },
  cytarabine: { atc: 'L01BC01' },
  vincristine: { rxnorm: ['11202', 'mcode-ig'], atc: 'L01CA02' },
  prednisone: { rxnorm: ['8640', 'mcode-ig'] },
  mercaptopurine: { rxnorm: ['103', 'cpic-schema'], atc: 'L01BB02' },
  thioguanine: { rxnorm: ['10485', 'cpic-schema'], atc: 'L01BB03' },
  etoposide: { rxnorm: ['4179', 'cpic-schema'], atc: 'L01CB01' },
  asparaginase: { atc: 'L01XX02' },
  pegaspargase: { atc: 'L01XX24' },
  imatinib: { atc: 'L01EA01' },
  dasatinib: { atc: 'L01EA02' },
  nilotinib: { rxnorm: ['662281', 'cpic-schema'], atc: 'L01EA03' },
  ponatinib: { atc: 'L01EA05' },
  blinatumomab: { atc: 'L01FX07' },
  'inotuzumab-ozogamicin': { atc: 'L01FB01' },
  tamoxifen: { rxnorm: ['10324', 'cpic-schema'], atc: 'L02BA01' },
  anastrozole: { rxnorm: ['84857', 'mcode-ig'], atc: 'L02BG03' },
  letrozole: { atc: 'L02BG04' },
  exemestane: { atc: 'L02BG06' },
  fulvestrant: { atc: 'L02BA03' },
  palbociclib: { atc: 'L01EF01' },
  trastuzumab: { atc: 'L01FD01' },
  pertuzumab: { atc: 'L01FD02' },
  'ado-trastuzumab-emtansine': { atc: 'L01FD03' },
  // HSCT conditioning: RxNorm UNCONFIRMED, ATC from the PanCareSurPass value set.
  busulfan: { atc: 'L01AB01' },
  melphalan: { atc: 'L01AA03' },
  thiotepa: { atc: 'L01AC01' }
}

const drug = (id: string): Drug => {
  const found = catalog.byId(id)
  if (!found) throw new Error(`${id} is not in the catalog`)
  return found
}

function rejection(json: unknown): string {
  try {
    parseDrugCatalog(json)
  } catch (error) {
    expect(error).toBeInstanceOf(DrugCatalogError)
    return (error as DrugCatalogError).message
  }
  throw new Error('the catalog was accepted')
}

describe('the shipped drug catalog', () => {
  it('parses and is dated', () => {
    expect(catalog.version).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(catalog.drugs.length).toBeGreaterThanOrEqual(50)
  })

  it('has unique ids', () => {
    const ids = catalog.drugs.map((d) => d.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(catalog.byId(id)?.id).toBe(id)
    expect(catalog.byId('no-such-drug')).toBeUndefined()
  })

  it('cites at least one known source for every drug', () => {
    for (const d of catalog.drugs) {
      expect(d.sources.length, d.id).toBeGreaterThan(0)
      for (const { source, section } of d.sources) {
        expect(catalog.sources[source], `${d.id} cites ${source}`).toBeDefined()
        expect(section.trim(), `${d.id} / ${source}`).not.toBe('')
      }
    }
  })

  it('credits every source to a real organisation with an https link and a date', () => {
    const cited = new Set(
      catalog.drugs.flatMap((d) => [
        ...d.sources.map((s) => s.source),
        ...Object.values(d.codes ?? {}).map((c) => c.source),
        ...(d.usualDoses ?? []).map((r) => r.source)
      ])
    )
    for (const [id, source] of Object.entries(catalog.sources)) {
      expect(source.organisation.trim().length, id).toBeGreaterThan(2)
      expect(source.title.trim(), id).not.toBe('')
      const url = new URL(source.url)
      expect(url.protocol, id).toBe('https:')
      expect(url.hostname, id).toMatch(/\.[a-z]{2,}$/)
      expect(source.accessed, id).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(cited.has(id), `${id} is cited`).toBe(true)
    }
  })

  it('gives usual single-dose ranges only with a citation that resolves to a catalog source', () => {
    const ranged = catalog.drugs.filter((d) => d.usualDoses !== undefined)
    expect(ranged.length).toBeGreaterThanOrEqual(15)
    for (const d of ranged) {
      expect(d.usualDoses!.length, d.id).toBeGreaterThan(0)
      for (const range of d.usualDoses!) {
        const where = `${d.id} ${range.unit}`
        const source = catalog.sources[range.source]
        expect(source, `${where} cites ${range.source}`).toBeDefined()
        expect(new URL(source!.url).protocol, where).toBe('https:')
        expect(source!.accessed, where).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        expect(range.section.trim(), where).not.toBe('')
        expect(range.basis.trim(), where).not.toBe('')
        expect(range.min, where).toBeGreaterThan(0)
        expect(range.min, where).toBeLessThanOrEqual(range.max)
        for (const route of range.routes ?? []) expect(d.routes, where).toContain(route)
      }
    }
  })

  it('gives vincristine its label range, 1.4 to 2 mg/m², and nothing for a flat dose', () => {
    expect(drug('vincristine').usualDoses).toEqual([
      expect.objectContaining({
        unit: 'mg/m2',
        min: 1.4,
        max: 2,
        source: 'openfda-vincristine-label'
      })
    ])
  })

  it('is frozen all the way down', () => {
    expect(Object.isFrozen(catalog)).toBe(true)
    expect(Object.isFrozen(catalog.drugs)).toBe(true)
    expect(Object.isFrozen(catalog.sources)).toBe(true)
    const vincristine = drug('vincristine')
    expect(Object.isFrozen(vincristine)).toBe(true)
    expect(Object.isFrozen(vincristine.routes)).toBe(true)
    expect(() => (vincristine.routes as string[]).push('intrathecal')).toThrow(TypeError)
    expect(vincristine.routes).not.toContain('intrathecal')
  })
})

describe('search', () => {
  it.each(NAMES_IN_SOURCES)('finds %s', (name, id) => {
    expect(catalog.search(name)[0]?.id).toBe(id)
    expect(catalog.search(name.toUpperCase())[0]?.id).toBe(id)
  })

  it('checks names that occur in the source documents', () => {
    expect(
      new Set(NAMES_IN_SOURCES.map(([name]) => name.toLowerCase())).size
    ).toBeGreaterThanOrEqual(40)
  })

  it.skipIf(!haveSources)('uses names exactly as the source documents spell them', () => {
    const text = readdirSync(sourcesDir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(sourcesDir, f), 'utf8'))
      .join('\n')
      .replace(/\s+/g, ' ')
      .toLowerCase()
    for (const [name] of NAMES_IN_SOURCES) expect(text, name).toContain(name.toLowerCase())
  })

  it('matches other names and brand names, ignoring case and punctuation', () => {
    expect(catalog.search('6-MP')[0]?.id).toBe('mercaptopurine')
    expect(catalog.search('6mp')[0]?.id).toBe('mercaptopurine')
    expect(catalog.search('PEG-asparaginase')[0]?.id).toBe('pegaspargase')
    expect(catalog.search('erwinia')[0]?.id).toBe('asparaginase')
    expect(catalog.search('asparaginase Erwinia chrysanthemi')[0]?.id).toBe('asparaginase')
    expect(catalog.search('ara-c')[0]?.id).toBe('cytarabine')
    expect(catalog.search('T-DM1')[0]?.id).toBe('ado-trastuzumab-emtansine')
    expect(catalog.search('herceptin')[0]?.id).toBe('trastuzumab')
  })

  it('puts exact names first, then prefixes, then words, then anything containing the text', () => {
    expect(catalog.search('trastuzumab').map((d) => d.id)).toEqual([
      'trastuzumab',
      'ado-trastuzumab-emtansine',
      'fam-trastuzumab-deruxtecan'
    ])
    const dauno = catalog.search('dauno').map((d) => d.id)
    expect(dauno[0]).toBe('daunorubicin')
    const rubicin = catalog.search('rubicin').map((d) => d.id)
    expect(rubicin).toEqual(
      expect.arrayContaining(['daunorubicin', 'doxorubicin', 'epirubicin', 'idarubicin'])
    )
    // "Pa" starts palbociclib, pamidronate and pamidronic acid; it is only inside others.
    const pa = catalog.search('pa').map((d) => d.id)
    expect(pa.slice(0, 2)).toEqual(['palbociclib', 'pamidronate'])
    expect(pa).toContain('olaparib')
    expect(pa.indexOf('olaparib')).toBeGreaterThan(pa.indexOf('pamidronate'))
  })

  it('returns nothing for blank or unknown text', () => {
    expect(catalog.search('')).toEqual([])
    expect(catalog.search('  - ')).toEqual([])
    expect(catalog.search('not a real drug name')).toEqual([])
  })
})

describe('routes and units', () => {
  it('allows intrathecal methotrexate and cytarabine (and hydrocortisone, when catalogued)', () => {
    expect(drug('methotrexate').routes).toContain('intrathecal')
    expect(drug('cytarabine').routes).toContain('intrathecal')
    const hydrocortisone = catalog.byId('hydrocortisone')
    if (hydrocortisone) expect(hydrocortisone.routes).toContain('intrathecal')
  })

  it('never lists intrathecal vincristine, which is fatal', () => {
    expect(drug('vincristine').routes).not.toContain('intrathecal')
    expect(drug('vincristine').routes).toEqual(['iv'])
    for (const d of catalog.drugs.filter((x) => x.class === 'vinca-alkaloid')) {
      expect(d.routes, d.id).not.toContain('intrathecal')
    }
  })

  it('lists intrathecal only for the drugs given that way', () => {
    const intrathecal = catalog.drugs.filter((d) => d.routes.includes('intrathecal'))
    for (const d of intrathecal) {
      expect(['methotrexate', 'cytarabine', 'hydrocortisone'], d.id).toContain(d.id)
    }
  })

  it('gives high-dose methotrexate and cytarabine in g/m², intrathecal doses in mg', () => {
    for (const id of ['methotrexate', 'cytarabine']) {
      expect(drug(id).doseUnits).toEqual(expect.arrayContaining(['mg/m2', 'g/m2', 'mg']))
    }
  })

  it('uses units that fit each class', () => {
    for (const d of catalog.drugs) {
      const cells = d.doseUnits.filter((u) => u.startsWith('cells'))
      if (d.class === 'car-t-cell-therapy') {
        expect(d.doseUnits, d.id).toEqual(cells)
        expect(d.routes, d.id).toEqual(['iv'])
      } else {
        expect(cells, d.id).toEqual([])
      }
      if (d.class === 'asparaginase') {
        expect(d.doseUnits, d.id).toEqual(expect.arrayContaining(['IU/m2']))
        for (const u of d.doseUnits) expect(['IU/m2', 'units/m2'], d.id).toContain(u)
      } else {
        expect(d.doseUnits, d.id).not.toContain('IU/m2')
      }
      if (d.class === 'anthracycline') expect(d.doseUnits, d.id).toEqual(['mg/m2'])
    }
  })

  it('records the routes a family would expect', () => {
    expect(drug('mercaptopurine').routes).toEqual(['oral'])
    expect(drug('thioguanine').routes).toEqual(['oral'])
    expect(drug('pegaspargase').routes).toEqual(expect.arrayContaining(['im', 'iv']))
    expect(drug('fulvestrant').routes).toEqual(['im'])
    expect(drug('denosumab').routes).toEqual(['subcutaneous'])
    expect(drug('trastuzumab').routes).toEqual(expect.arrayContaining(['iv', 'subcutaneous']))
    for (const id of ['tamoxifen', 'anastrozole', 'letrozole', 'exemestane', 'imatinib']) {
      expect(drug(id).routes, id).toEqual(['oral'])
    }
  })
})

describe('the drugs the care-plan rules name', () => {
  // Platinum (hearing, kidneys), conditioning alkylators (transplant follow-up), bleomycin (lungs).
  const EXPECTED: [id: string, cls: string, units: string[], routes: string[]][] = [
    ['cisplatin', 'platinum', ['mg/m2', 'mg'], ['iv']],
    ['carboplatin', 'platinum', ['mg/m2', 'mg'], ['iv']],
    ['busulfan', 'alkylating-agent', ['mg/kg', 'mg/m2', 'mg'], ['iv', 'oral']],
    ['melphalan', 'alkylating-agent', ['mg/m2', 'mg/kg', 'mg'], ['iv', 'oral']],
    ['thiotepa', 'alkylating-agent', ['mg/kg', 'mg/m2', 'mg'], ['iv']],
    ['bleomycin', 'other-chemotherapy', ['units/m2', 'units'], ['iv', 'im', 'subcutaneous']]
  ]

  it.each(EXPECTED)(
    '%s is catalogued as %s, with the units and routes a clinic letter uses',
    (id, cls, units, routes) => {
      const d = drug(id)
      expect(d.genericName).toBe(id)
      expect(d.class).toBe(cls)
      expect([...d.doseUnits].sort()).toEqual([...units].sort())
      expect([...d.routes].sort()).toEqual([...routes].sort())
      // Found by the name people type.
      expect(catalog.search(id)[0]?.id).toBe(id)
    }
  )

  it.each(EXPECTED.map(([id]) => id))(
    '%s cites an FDA label the catalog lists, with an https link and the day it was read',
    (id) => {
      const json = shippedJson() as unknown as {
        sources: Record<string, { organisation: string; url: string; accessed: string }>
        drugs: { id: string; sources: { source: string; section: string }[] }[]
      }
      const cited = json.drugs.find((d) => d.id === id)!.sources
      expect(cited.length).toBeGreaterThan(0)
      for (const { source, section } of cited) {
        const found = json.sources[source]
        expect(found, source).toBeDefined()
        expect(found!.url).toMatch(/^https:\/\/api\.fda\.gov\/drug\/label\.json\?search=/)
        expect(found!.accessed).toBe('2026-12-06')
        expect(section.length).toBeGreaterThan(0)
      }
    }
  )
})

describe('codes', () => {
  it('carries exactly the codes clinical-facts.md confirms, each with its source', () => {
    for (const d of catalog.drugs) {
      const expected = CONFIRMED_CODES[d.id]
      if (!expected) {
        expect(d.codes, `${d.id} has no confirmed code`).toBeUndefined()
        continue
      }
      expect(d.codes?.rxnorm, d.id).toEqual(
        expected.rxnorm ? { code: expected.rxnorm[0], source: expected.rxnorm[1] } : undefined
      )
      expect(d.codes?.atc, d.id).toEqual(
        expected.atc ? { code: expected.atc, source: 'pcsp-ig' } : undefined
      )
    }
    for (const id of Object.keys(CONFIRMED_CODES)) expect(catalog.byId(id), id).toBeDefined()
  })
})

describe('a malformed catalog', () => {
  it('is refused for an unknown class', () => {
    const json = shippedJson()
    json.drugs[0]!.class = 'made-up-class'
    expect(rejection(json)).toContain('drugs[0].class: Unknown drug class "made-up-class".')
  })

  it('is refused when a drug cites a source that is not listed', () => {
    const json = shippedJson()
    const first = json.drugs[0]!
    first.sources = [{ source: 'no-such-source', section: 'Somewhere' }]
    expect(rejection(json)).toContain(`Drug "${first.id}" cites unknown source "no-such-source".`)
  })

  it('is refused when a code cites a source that is not listed', () => {
    const json = shippedJson()
    const methotrexate = json.drugs.find((d) => d.id === 'methotrexate')!
    methotrexate.codes = { atc: { code: 'L01BA01', source: 'my-memory' } }
    expect(rejection(json)).toContain(
      'Drug "methotrexate": its atc code cites unknown source "my-memory".'
    )
  })

  it('is refused for a duplicate id', () => {
    const json = shippedJson()
    json.drugs.push({ ...json.drugs[0]!, otherNames: [], brandNames: [] })
    const id = json.drugs[0]!.id as string
    const message = rejection(json)
    expect(message).toContain(`Drug id "${id}" appears more than once.`)
  })

  it('is refused when two drugs share a name', () => {
    const json = shippedJson()
    const doxorubicin = json.drugs.find((d) => d.id === 'doxorubicin')!
    doxorubicin.brandNames = ['Adriamycin', 'Cerubidine']
    expect(rejection(json)).toContain('The name "Cerubidine" belongs to both')
  })

  it('is refused when vincristine lists the intrathecal route', () => {
    const json = shippedJson()
    const vincristine = json.drugs.find((d) => d.id === 'vincristine')!
    vincristine.routes = ['iv', 'intrathecal']
    expect(rejection(json)).toContain(
      'Drug "vincristine" is a vinca-alkaloid and must never list the intrathecal route.'
    )
  })

  it('is refused for a drug without sources, a plain-http source or an unknown field', () => {
    const noSources = shippedJson()
    noSources.drugs[0]!.sources = []
    expect(rejection(noSources)).toContain('Every drug needs at least one source.')

    const http = shippedJson()
    const sources = http.sources as Record<string, { url: string }>
    sources['cancer-net-childhood-all']!.url = 'http://www.cancer.net/'
    expect(rejection(http)).toContain('sources.cancer-net-childhood-all.url: Use an https URL.')

    const extra = shippedJson()
    extra.drugs[0]!.dose = '5 mg'
    expect(rejection(extra)).toMatch(/drugs\[0\]: Unrecognized key/)

    const badCode = shippedJson()
    badCode.drugs.find((d) => d.id === 'tamoxifen')!.codes = {
      atc: { code: 'tamoxifen', source: 'pcsp-ig' }
    }
    expect(rejection(badCode)).toContain('Not a valid ATC code.')
  })

  it('is refused for a usual dose range without a known source, upside down, or that fits nothing', () => {
    const withRange = (change: (range: Record<string, unknown>) => void) => {
      const json = shippedJson()
      const vincristine = json.drugs.find((d) => d.id === 'vincristine')!
      const range = { ...(vincristine.usualDoses as Record<string, unknown>[])[0]! }
      change(range)
      vincristine.usualDoses = [range]
      return json
    }
    expect(rejection(withRange((r) => (r.source = 'my-memory')))).toContain(
      'Drug "vincristine": a usual dose cites unknown source "my-memory".'
    )
    expect(rejection(withRange((r) => ((r.min = 2), (r.max = 1.4))))).toContain(
      'Drug "vincristine": a usual dose range runs from 2 down to 1.4.'
    )
    expect(rejection(withRange((r) => (r.unit = 'mg/kg')))).toContain(
      'Drug "vincristine" is not recorded in any unit like mg/kg.'
    )
    expect(rejection(withRange((r) => (r.routes = ['oral'])))).toContain(
      'Drug "vincristine" is not given by the route "oral".'
    )
    expect(rejection(withRange((r) => delete r.section))).toMatch(
      /drugs\[\d+\]\.usualDoses\[0\]\.section/
    )

    const twice = shippedJson()
    const vincristine = twice.drugs.find((d) => d.id === 'vincristine')!
    const range = (vincristine.usualDoses as Record<string, unknown>[])[0]!
    vincristine.usualDoses = [range, { ...range, unit: 'g/m2', min: 0.001, max: 0.003 }]
    expect(rejection(twice)).toContain(
      'Drug "vincristine" has two usual dose ranges for g/m2 by one route.'
    )
  })

  it('is refused when the file is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantern-drugs-'))
    try {
      const file = join(dir, 'catalog.json')
      writeFileSync(file, '{ "version": ')
      expect(() => loadDrugCatalog(file)).toThrow(DrugCatalogError)
      expect(() => loadDrugCatalog(file)).toThrow(/Not valid JSON/)
      expect(() => loadDrugCatalog(join(dir, 'missing.json'))).toThrow(/Cannot read/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
