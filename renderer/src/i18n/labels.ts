/**
 * The words for the record's stored values: one catalogue per list of values in
 * electron/shared/record.ts (named as that list is: SEXES → sexes), used by every screen, so a
 * value reads the same in a form, in the record, on the summary and on paper. Read them with
 * label() and options() from lib/format.ts. tests/unit/labels.test.ts fails if another
 * catalogue labels one of these lists again.
 */
export const labelMessages = {
  sexes: {
    female: 'Female',
    male: 'Male',
    intersex: 'Intersex',
    'not-stated': 'Prefer not to say'
  },
  conditions: {
    'b-cell-all': 'B-cell acute lymphoblastic leukemia (ALL)',
    't-cell-all': 'T-cell acute lymphoblastic leukemia (ALL)',
    'ph-positive-all': 'Philadelphia chromosome-positive ALL',
    'breast-cancer': 'Breast cancer',
    other: 'Another condition'
  },
  receptorStatuses: {
    positive: 'Positive',
    negative: 'Negative',
    low: 'Low',
    unknown: 'Not known'
  },
  findingKinds: {
    cytogenetic: 'Cytogenetic',
    molecular: 'Molecular'
  },
  lateralities: {
    left: 'Left',
    right: 'Right',
    both: 'Both sides',
    'not-applicable': 'Does not apply'
  },
  relapseSites: {
    'bone-marrow': 'Bone marrow',
    cns: 'Brain and spinal fluid (CNS)',
    testicular: 'Testicles',
    other: 'Somewhere else'
  },
  phaseKinds: {
    induction: 'Induction',
    consolidation: 'Consolidation',
    'interim-maintenance': 'Interim maintenance',
    'delayed-intensification': 'Delayed intensification',
    maintenance: 'Maintenance',
    'line-of-therapy': 'Line of therapy',
    conditioning: 'Conditioning (before transplant)',
    other: 'Other'
  },
  intents: {
    curative: 'To cure',
    'disease-control': 'To control the disease',
    palliative: 'For comfort (palliative)',
    unknown: 'Not known'
  },
  /** How a medicine was given, in full: for choosing it. */
  routes: {
    iv: 'Into a vein (IV)',
    oral: 'By mouth',
    intrathecal: 'Into the spinal fluid (intrathecal)',
    im: 'Into a muscle (IM)',
    subcutaneous: 'Under the skin (subcutaneous)'
  },
  /** The same, short, inside a line of text or a table cell ("1.5 mg/m² IV"). */
  routesShort: {
    iv: 'IV',
    oral: 'by mouth',
    intrathecal: 'intrathecal',
    im: 'IM',
    subcutaneous: 'under the skin'
  },
  drugClasses: {
    anthracycline: 'Anthracycline',
    'alkylating-agent': 'Alkylating agent',
    antimetabolite: 'Antimetabolite',
    'vinca-alkaloid': 'Vinca alkaloid',
    corticosteroid: 'Steroid (corticosteroid)',
    asparaginase: 'Asparaginase',
    epipodophyllotoxin: 'Epipodophyllotoxin',
    'tyrosine-kinase-inhibitor': 'Tyrosine kinase inhibitor',
    'monoclonal-antibody': 'Monoclonal antibody',
    'antibody-drug-conjugate': 'Antibody–drug conjugate',
    'bispecific-antibody': 'Bispecific antibody',
    'car-t-cell-therapy': 'CAR-T cell therapy',
    'endocrine-therapy': 'Hormone (endocrine) therapy',
    'cdk4-6-inhibitor': 'CDK4/6 inhibitor',
    'her2-directed': 'HER2-directed therapy',
    'parp-inhibitor': 'PARP inhibitor',
    'immune-checkpoint-inhibitor': 'Immune checkpoint inhibitor',
    'bone-modifying-agent': 'Bone-strengthening medicine',
    'pi3k-akt-mtor-inhibitor': 'PI3K/AKT/mTOR inhibitor',
    taxane: 'Taxane',
    platinum: 'Platinum chemotherapy',
    'other-chemotherapy': 'Other chemotherapy',
    other: 'Other'
  },
  radiationFields: {
    cranial: 'Head (cranial)',
    craniospinal: 'Head and spine (craniospinal)',
    neck: 'Neck (thyroid area)',
    'total-body': 'Whole body (TBI)',
    chest: 'Chest',
    'breast-or-chest-wall': 'Breast or chest wall',
    abdomen: 'Abdomen',
    'upper-abdomen': 'Upper abdomen (reaching above the diaphragm)',
    testicular: 'Testicles',
    other: 'Somewhere else'
  },
  transplantTypes: {
    allogeneic: 'Allogeneic (from a donor)',
    autologous: 'Autologous (own cells)'
  },
  cellSources: {
    'bone-marrow': 'Bone marrow',
    'peripheral-blood': 'Blood (peripheral blood stem cells)',
    'cord-blood': 'Cord blood',
    unknown: 'Not known'
  },
  gvhdKinds: {
    acute: 'Acute',
    chronic: 'Chronic'
  },
  gvhdStatuses: {
    active: 'Still active',
    resolved: 'Resolved'
  },
  gvhdOrgans: {
    skin: 'Skin',
    mouth: 'Mouth',
    eyes: 'Eyes',
    liver: 'Liver',
    gut: 'Gut (stomach and bowel)',
    lungs: 'Lungs',
    'joints-and-fascia': 'Joints and fascia (tissue around muscles)',
    genital: 'Genital area',
    other: 'Other organs'
  },
  procedureKinds: {
    surgery: 'Surgery',
    procedure: 'Procedure'
  },
  supportiveCareKinds: {
    'red-cell-transfusions': 'Red blood cell transfusions',
    'platelet-transfusions': 'Platelet transfusions',
    'central-line': 'Central line (port or Hickman line)',
    other: 'Other'
  },
  complicationStatuses: {
    ongoing: 'Ongoing',
    resolved: 'Resolved'
  }
}
