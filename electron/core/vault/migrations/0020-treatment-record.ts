import type { Db } from '../database.ts'

/**
 * Where an entry came from, and whether a clinician has checked it. Every record table has
 * these columns, so a future doctor can tell what was typed at home from what was copied from
 * a clinic letter or computed by Lantern.
 */
const PROVENANCE = `
  source TEXT NOT NULL DEFAULT 'typed' CHECK (source IN ('typed', 'clinic-letter', 'computed')),
  checked_by TEXT,
  checked_on TEXT,
  notes TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL`

const OWNER = `
  id TEXT PRIMARY KEY,
  profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE`

/**
 * The treatment record: the person, their diagnoses, care team and everything given. Small
 * lists that are always read with their entry (findings, sites, organs) are JSON arrays.
 */
export function updateToSchemaVersion20(db: Db): void {
  db.exec(`
    ALTER TABLE profiles ADD COLUMN date_of_birth TEXT;
    ALTER TABLE profiles ADD COLUMN sex TEXT;
    ALTER TABLE profiles ADD COLUMN treatment_completed_on TEXT;
    ALTER TABLE profiles ADD COLUMN ongoing_therapy TEXT;
    ALTER TABLE profiles ADD COLUMN phone TEXT;
    ALTER TABLE profiles ADD COLUMN email TEXT;
    ALTER TABLE profiles ADD COLUMN is_sample INTEGER NOT NULL DEFAULT 0;
    -- Set when a person is deleted; cleared by undo, purged for good at the next lock or unlock.
    ALTER TABLE profiles ADD COLUMN deleted_at TEXT;

    CREATE TABLE measurements (${OWNER},
      measured_on TEXT NOT NULL,
      height_cm REAL,
      weight_kg REAL,${PROVENANCE},
      CHECK (height_cm IS NOT NULL OR weight_kg IS NOT NULL)
    ) STRICT;

    CREATE TABLE diagnoses (${OWNER},
      condition TEXT NOT NULL,
      condition_other TEXT,
      diagnosed_on TEXT,
      institution TEXT,
      laterality TEXT,
      risk_group TEXT,
      immunophenotype TEXT,
      findings TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(findings)),
      cns_status TEXT,
      er_status TEXT,
      pr_status TEXT,
      her2_status TEXT,
      stage TEXT,
      metastasis_sites TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(metastasis_sites)),${PROVENANCE}
    ) STRICT;

    CREATE TABLE relapses (${OWNER},
      diagnosis_id TEXT NOT NULL REFERENCES diagnoses (id) ON DELETE CASCADE,
      relapsed_on TEXT,
      sites TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sites)),
      site_other TEXT,
      treatment_after TEXT,${PROVENANCE}
    ) STRICT;

    CREATE TABLE care_team (${OWNER},
      name TEXT NOT NULL,
      role TEXT,
      institution TEXT,
      phone TEXT,
      email TEXT,
      coordinates_follow_up INTEGER NOT NULL DEFAULT 0,${PROVENANCE}
    ) STRICT;

    CREATE TABLE treatment_phases (${OWNER},
      kind TEXT NOT NULL,
      name TEXT,
      started_on TEXT,
      ended_on TEXT,
      protocol TEXT,
      institution TEXT,
      intent TEXT,${PROVENANCE}
    ) STRICT;

    CREATE TABLE transplants (${OWNER},
      type TEXT NOT NULL,
      donor TEXT,
      cell_source TEXT,
      transplanted_on TEXT,
      institution TEXT,
      conditioning TEXT,
      gvhd TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(gvhd)),${PROVENANCE}
    ) STRICT;

    CREATE TABLE drug_administrations (${OWNER},
      phase_id TEXT REFERENCES treatment_phases (id) ON DELETE SET NULL,
      transplant_id TEXT REFERENCES transplants (id) ON DELETE SET NULL,
      drug_id TEXT NOT NULL,
      route TEXT NOT NULL,
      dose REAL NOT NULL CHECK (dose > 0),
      dose_unit TEXT NOT NULL,
      schedule TEXT NOT NULL CHECK (json_valid(schedule)),
      first_on TEXT NOT NULL,
      estimated INTEGER NOT NULL DEFAULT 0,${PROVENANCE}
    ) STRICT;

    CREATE TABLE radiation_courses (${OWNER},
      transplant_id TEXT REFERENCES transplants (id) ON DELETE SET NULL,
      field TEXT NOT NULL,
      field_other TEXT,
      total_dose_gy REAL,
      fractions INTEGER,
      started_on TEXT,
      ended_on TEXT,
      institution TEXT,${PROVENANCE}
    ) STRICT;

    CREATE TABLE procedures (${OWNER},
      kind TEXT NOT NULL,
      name TEXT NOT NULL,
      performed_on TEXT,${PROVENANCE}
    ) STRICT;

    CREATE TABLE supportive_care (${OWNER},
      kind TEXT NOT NULL,
      count INTEGER,
      started_on TEXT,
      ended_on TEXT,
      details TEXT,${PROVENANCE}
    ) STRICT;

    CREATE TABLE complications (${OWNER},
      name TEXT NOT NULL,
      grade INTEGER CHECK (grade BETWEEN 1 AND 5),
      started_on TEXT,
      ended_on TEXT,
      status TEXT NOT NULL DEFAULT 'ongoing',${PROVENANCE}
    ) STRICT;

    -- What a form held that could not be saved yet (a new entry before Save, an edit that is
    -- still invalid), kept through a lock or a close so that nothing typed is lost.
    CREATE TABLE drafts (
      id TEXT PRIMARY KEY,
      profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      entry_id TEXT,
      data TEXT NOT NULL CHECK (json_valid(data)),
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX drafts_one_per_form ON drafts (profile_id, kind, coalesce(entry_id, ''));

    CREATE INDEX measurements_by_profile ON measurements (profile_id, measured_on);
    CREATE INDEX diagnoses_by_profile ON diagnoses (profile_id);
    CREATE INDEX relapses_by_profile ON relapses (profile_id);
    CREATE INDEX relapses_by_diagnosis ON relapses (diagnosis_id);
    CREATE INDEX care_team_by_profile ON care_team (profile_id);
    CREATE INDEX phases_by_profile ON treatment_phases (profile_id, started_on);
    CREATE INDEX transplants_by_profile ON transplants (profile_id);
    CREATE INDEX administrations_by_profile ON drug_administrations (profile_id, first_on);
    CREATE INDEX administrations_by_phase ON drug_administrations (phase_id);
    CREATE INDEX administrations_by_transplant ON drug_administrations (transplant_id);
    CREATE INDEX radiation_by_profile ON radiation_courses (profile_id);
    CREATE INDEX radiation_by_transplant ON radiation_courses (transplant_id);
    CREATE INDEX procedures_by_profile ON procedures (profile_id);
    CREATE INDEX supportive_care_by_profile ON supportive_care (profile_id);
    CREATE INDEX complications_by_profile ON complications (profile_id);
  `)
}
