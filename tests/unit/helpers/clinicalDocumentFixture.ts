/**
 * A hand-built document for doctors that stresses the PDF writer: names from several scripts, a
 * 200-character name, a 60-character drug name, a 120-row table, a 5,000-character note in one
 * cell, symbols (≥ → ✓) and free text that looks like markup or a link. Built by hand rather than
 * from a record so the writer's tests do not depend on the builder.
 */
import type { ClinicalDocument, TableRow } from '../../../electron/shared/document.ts'

export const PERSON_NAME = "Zoë Núñez-O'Brien"
export const OTHER_NAMES = ['Łukasz Żółć', 'Ørjan Ærø', 'Анна Петрова']
/** 200 characters, no spaces: a name the writer must wrap rather than clip. */
export const LONG_NAME = ('Wolfeschlegelsteinhausenbergerdorff' + 'Núñez').repeat(5).slice(0, 200)
/** 60 characters, no spaces. */
export const LONG_DRUG = 'Pegaspargasetrastuzumabderuxtecanolaratumabinotuzumabozogamici'.slice(
  0,
  60
)
export const SYMBOLS = '≥ 250 mg/m² → ✓'
export const SCRIPT_NOTE = '<script>alert(1)</script>'
export const JS_LINK = 'javascript:alert(1)'

const WORDS = [
  'echo',
  'normal',
  'ejection',
  'fraction',
  'reviewed',
  'with',
  'cardiology',
  'follow-up',
  'in',
  'twelve',
  'months;',
  'no',
  'symptoms',
  'reported.'
]

/** Exactly 5,000 characters, with a marker at each end so a cut is easy to see. */
export function longNote(): string {
  let text = 'NOTE-START'
  let i = 0
  while (text.length < 5000 - ' NOTE-END'.length) text += ' ' + WORDS[i++ % WORDS.length]
  text = text.slice(0, 5000 - ' NOTE-END'.length).trimEnd()
  text += ' NOTE-END'
  return text.padEnd(5000, '.')
}

export const LONG_NOTE = longNote()

export const CHEMO_HEADERS = [
  'Agent',
  'Route',
  'Cumulative (mg/m²)',
  'Cumulative (mg)',
  'First',
  'Last',
  'Doses'
]
export const CHEMO_ROW_COUNT = 120

export function agentName(i: number): string {
  return i === 7 ? LONG_DRUG : `Agent ${String(i).padStart(3, '0')}`
}

function chemoRows(): TableRow[] {
  const rows: TableRow[] = []
  for (let i = 1; i <= CHEMO_ROW_COUNT; i++) {
    rows.push({
      cells: [
        agentName(i),
        i % 3 === 0 ? 'intrathecal' : 'intravenous',
        (i * 12.5).toFixed(1),
        (i * 17.25).toFixed(2),
        '3 Mar 2019',
        '14 Nov 2020',
        String(i % 17)
      ],
      marks: i % 10 === 0 ? ['(estimated)'] : undefined
    })
  }
  return rows
}

export function clinicalDocumentFixture(
  overrides: Partial<ClinicalDocument> = {}
): ClinicalDocument {
  return {
    variant: 'full',
    title: 'Treatment summary and care plan',
    person: { name: PERSON_NAME, dateOfBirth: '1 Jun 2015' },
    preparedOn: '22 Nov 2026',
    runningFooter: [
      'Prepared by the family with Lantern; not checked by a clinician unless signed below.',
      'This plan lists topics from published follow-up guidelines to discuss with your care team. It is not medical advice.'
    ],
    sections: [
      {
        id: 'important',
        title: 'Important to know first',
        blocks: [
          {
            kind: 'keyValues',
            items: [
              { key: 'Central line in place', value: 'Yes (port, left chest)' },
              { key: 'Working spleen', value: 'No: take fever seriously' },
              { key: 'Allergies', value: 'Penicillin (rash)' },
              { key: 'Anthracycline total', value: `${SYMBOLS} (doxorubicin equivalent)` },
              { key: 'Follow-up coordinator', value: `${OTHER_NAMES[0]}, +44 20 7946 0000` }
            ]
          },
          { kind: 'paragraph', text: 'Blood group changed after transplant.', emphasis: 'strong' }
        ]
      },
      {
        id: 'diagnoses',
        title: 'Diagnoses',
        blocks: [
          {
            kind: 'keyValues',
            items: [
              { key: 'Diagnosis', value: 'B-cell acute lymphoblastic leukaemia' },
              { key: 'Age at diagnosis', value: '3 years 9 months' },
              { key: 'Risk group', value: 'Standard' }
            ]
          },
          {
            kind: 'subsection',
            title: 'Relapses',
            blocks: [{ kind: 'paragraph', text: 'None recorded.', emphasis: 'muted' }]
          }
        ]
      },
      {
        id: 'treatment',
        title: 'Treatment summary',
        blocks: [
          {
            kind: 'subsection',
            title: 'Chemotherapy',
            blocks: [
              {
                kind: 'table',
                caption: 'Chemotherapy agents with cumulative doses',
                columns: CHEMO_HEADERS.map((label, i) => ({
                  label,
                  align: i >= 2 && i !== 4 && i !== 5 ? 'right' : 'left',
                  weight: i === 0 ? 3 : i === 1 ? 1.6 : 1.2
                })),
                rows: chemoRows(),
                notes: [
                  '(estimated): at least one dose was estimated.',
                  'Doses in mg/m² use the body surface area recorded nearest each dose.'
                ]
              }
            ]
          },
          {
            kind: 'subsection',
            title: 'Notes',
            blocks: [
              {
                kind: 'table',
                caption: 'Notes written during treatment',
                columns: [
                  // Narrow enough that the 5,000-character note is taller than a page.
                  { label: 'Date', align: 'left', weight: 2 },
                  { label: 'Note', align: 'left', weight: 3 }
                ],
                rows: [
                  { cells: ['1 Apr 2020', LONG_NOTE] },
                  { cells: ['2 Apr 2020', `${SCRIPT_NOTE} ${JS_LINK}`] }
                ],
                notes: []
              }
            ]
          }
        ]
      },
      {
        id: 'team',
        title: 'Care team',
        blocks: [
          {
            kind: 'table',
            caption: 'Care team and how to reach them',
            columns: [
              { label: 'Name', align: 'left', weight: 2 },
              { label: 'Role', align: 'left', weight: 2 },
              { label: 'Phone', align: 'left', weight: 1.5 }
            ],
            rows: [
              { cells: [OTHER_NAMES[0], 'Follow-up coordinator', '+44 20 7946 0000'] },
              { cells: [OTHER_NAMES[1], 'Oncologist', '+47 22 00 00 00'] },
              { cells: [OTHER_NAMES[2], 'Family doctor', '+7 495 000 00 00'] },
              { cells: [LONG_NAME, 'Cardiologist', '+1 555 0100'] }
            ],
            notes: []
          }
        ]
      },
      {
        id: 'careplan',
        title: 'Survivorship care plan',
        blocks: [
          {
            kind: 'subsection',
            title: 'Heart',
            blocks: [
              {
                kind: 'list',
                items: [
                  `Echocardiogram every 2 years [1]: anthracycline ${SYMBOLS}`,
                  'Blood pressure every year [2]'
                ]
              }
            ]
          },
          {
            kind: 'subsection',
            title: 'References',
            blocks: [
              {
                kind: 'references',
                items: [
                  { number: 1, text: 'PanCare, cardiomyopathy surveillance, 2015, section 3' },
                  { number: 2, text: 'COG LTFU Guidelines, version 6.0, section 33' }
                ]
              }
            ]
          }
        ]
      },
      {
        id: 'questions',
        title: 'Your questions',
        blocks: [
          { kind: 'paragraph', text: `Note from the family: ${SCRIPT_NOTE} and ${JS_LINK}` },
          { kind: 'signature', lines: ['Reviewed with', 'On', 'Signature'] }
        ]
      }
    ],
    ...overrides
  }
}
