import { isValidDay } from './dates';

/**
 * What the date field holds while someone types: the browser gives '' for a half-typed date and
 * a full YYYY-MM-DD once every part is there (a year typed as "2" reads as 0002 until the rest
 * comes). Only a valid complete day in range is applied; a half-typed one changes nothing.
 */
export function readDateDraft(value: string, min: string, max: string): { kind: 'apply'; day: string } | { kind: 'wait' } | { kind: 'out-of-range' } {
  if (!value || !isValidDay(value)) return { kind: 'wait' };
  // A year below 1000 is still being typed (06/01/2 → 0002-06-01): wait for the other digits.
  if (Number(value.slice(0, 4)) < 1000) return { kind: 'wait' };
  if (value < min || value > max) return { kind: 'out-of-range' };
  return { kind: 'apply', day: value };
}
