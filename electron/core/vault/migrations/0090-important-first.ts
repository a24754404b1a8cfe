import type { Db } from '../database.ts'

/**
 * What a doctor in an emergency must know first: the person's allergies (with an explicit "no
 * known allergies"), central line, shunt, spleen, the care team's 24-hour number and the fever
 * threshold the team gave, and each transplant's blood group before and after.
 *
 * Every new answer starts unanswered (NULL, no allergies and "none known" not ticked): a vault
 * from before this step never said "none". The lists are copied into the CHECKs on purpose: a
 * migration must do tomorrow what it did today.
 */
export function updateToSchemaVersion90(db: Db): void {
  db.exec(`
    ALTER TABLE profiles ADD COLUMN allergies TEXT NOT NULL DEFAULT '[]'
      CHECK (json_valid(allergies) AND json_type(allergies) = 'array');
    ALTER TABLE profiles ADD COLUMN no_known_allergies INTEGER NOT NULL DEFAULT 0
      CHECK (no_known_allergies IN (0, 1));
    ALTER TABLE profiles ADD COLUMN central_line TEXT
      CHECK (central_line IN ('none', 'in-place'));
    ALTER TABLE profiles ADD COLUMN central_line_notes TEXT;
    ALTER TABLE profiles ADD COLUMN central_line_placed_on TEXT;
    ALTER TABLE profiles ADD COLUMN shunt TEXT CHECK (shunt IN ('none', 'in-place'));
    ALTER TABLE profiles ADD COLUMN shunt_notes TEXT;
    ALTER TABLE profiles ADD COLUMN spleen TEXT
      CHECK (spleen IN ('working', 'removed', 'not-working'));
    ALTER TABLE profiles ADD COLUMN team_phone_24h TEXT;
    ALTER TABLE profiles ADD COLUMN fever_threshold REAL;
    -- A number without its unit would be a guess: both or neither.
    ALTER TABLE profiles ADD COLUMN fever_threshold_unit TEXT
      CHECK (fever_threshold_unit IN ('C', 'F')
        AND (fever_threshold IS NULL) = (fever_threshold_unit IS NULL));

    ALTER TABLE transplants ADD COLUMN blood_group_before TEXT
      CHECK (blood_group_before IN ('O+', 'O-', 'A+', 'A-', 'B+', 'B-', 'AB+', 'AB-'));
    ALTER TABLE transplants ADD COLUMN blood_group_after TEXT
      CHECK (blood_group_after IN ('O+', 'O-', 'A+', 'A-', 'B+', 'B-', 'AB+', 'AB-'));
  `)
}
