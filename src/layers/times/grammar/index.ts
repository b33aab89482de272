import type { TimesLexicon } from '../lexicon.js';
import type { Rule } from '../types.js';
import { GrammarKit } from './kit.js';
import { addCalendarDateRules } from './calendar-dates.js';
import { addPeriodRules } from './periods.js';
import { addRelativeRules } from './relative.js';
import { addClockRules } from './clock.js';
import { addAmountRules } from './amounts.js';

/**
 * The TimeML grammar: one rule per kind of expression, each a pattern built from the lexicon
 * and a normalization function (HeidelTime-style), grouped by family in this folder. The
 * scanner keeps the longest match a rule accepts; on equal length the rule earlier in PRIORITY
 * wins ("15 a year" is a SET before it is a duration). Spans follow TimeBank: prepositions
 * ("on", "by", "in") stay outside, "the" and modifiers ("early", "almost") stay inside.
 */
const PRIORITY = [
  'month-day',
  'day-month',
  'month-year',
  'month',
  'year',
  'short-year',
  'decade',
  'century',
  'quarter',
  'half',
  'season',
  'fiscal',
  'relative',
  'period',
  'deictic',
  'anaphoric-day',
  'unit-before',
  'the-unit',
  'weekday',
  'clock',
  'part-of-day',
  'set',
  'range-start',
  'duration',
  'bare-units',
  'unit-long',
  'week-of',
  'fixed',
  'numeric-date',
  'holiday',
];

export function buildRules(lex: TimesLexicon): Rule[] {
  const kit = new GrammarKit(lex);
  addCalendarDateRules(kit);
  addPeriodRules(kit);
  addRelativeRules(kit);
  addClockRules(kit);
  addAmountRules(kit);
  return kit.ordered(PRIORITY);
}
