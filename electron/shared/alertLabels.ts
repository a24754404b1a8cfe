/**
 * Words for the "important to know in an emergency" values (record.ts: CENTRAL_LINE_STATES,
 * SHUNT_STATES, SPLEEN_STATES, TEMPERATURE_UNITS). Plain maps the renderer imports, kept apart
 * while the label catalogue moves to electron/shared/labels.ts; they join it then.
 */
import type {
  CENTRAL_LINE_STATES,
  SHUNT_STATES,
  SPLEEN_STATES,
  TEMPERATURE_UNITS
} from './record.ts'

export const centralLineLabels: Record<(typeof CENTRAL_LINE_STATES)[number], string> = {
  none: 'No central line now',
  'in-place': 'A central line is in place'
}

export const shuntLabels: Record<(typeof SHUNT_STATES)[number], string> = {
  none: 'No shunt',
  'in-place': 'A shunt is in place'
}

export const spleenLabels: Record<(typeof SPLEEN_STATES)[number], string> = {
  working: 'Working',
  removed: 'Removed (splenectomy)',
  'not-working': 'Not working, as the care team said (for example after radiation or a transplant)'
}

export const temperatureUnitLabels: Record<(typeof TEMPERATURE_UNITS)[number], string> = {
  C: '°C',
  F: '°F'
}
