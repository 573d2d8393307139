/**
 * A clause is stored as it prints after its marker: without its `att` in the `att` style, as typed
 * in the numbered style; a change of style moves the stored clauses with it.
 */
import { capitalisedClause, clauseInStyle, storedClause, withoutLeadingAtt } from '../../../bot/src/core/decision-clause';

describe('withoutLeadingAtt', () => {
  it.each<[string, string]>([
    ['att godkänna listan', 'godkänna listan'],
    ['Att godkänna listan', 'godkänna listan'],
    ['ATT godkänna listan', 'godkänna listan'],
    ['  att   godkänna listan  ', 'godkänna listan'],
    ['att\ngodkänna listan', 'godkänna listan'],
    ['att\tgodkänna', 'godkänna'],
    ['att', ''],
    [' att ', ''],
    ['godkänna listan', 'godkänna listan'],
    ['attestera fakturan', 'attestera fakturan'], // a word starting with att stays
    ['att att godkänna', 'att godkänna'], // only the first
    ['godkänna att listan', 'godkänna att listan'],
    ['', ''],
  ])('%j → %j', (clause, expected) => {
    expect(withoutLeadingAtt(clause)).toBe(expected);
  });
});

describe('storedClause', () => {
  it.each<[string, boolean, string]>([
    ['att godkänna listan', false, 'godkänna listan'],
    ['Att godkänna listan', false, 'godkänna listan'],
    ['godkänna listan', false, 'godkänna listan'],
    ['att', false, ''],
    // numbered: as typed, nothing added or taken away
    ['att godkänna listan', true, 'att godkänna listan'],
    ['Att godkänna listan.', true, 'Att godkänna listan.'],
    ['  Justeringen sker digitalt senast den 3 maj klockan 12.00.  ', true, 'Justeringen sker digitalt senast den 3 maj klockan 12.00.'],
    ['attestera fakturan', true, 'attestera fakturan'],
    ['att', true, ''],
    ['  ', true, ''],
  ])('%j (numbered: %s) → %j', (typed, numbered, expected) => {
    expect(storedClause(typed, numbered)).toBe(expected);
  });
});

describe('clauseInStyle', () => {
  it.each<[string, boolean, string]>([
    ['godkänna listan', true, 'Att godkänna listan'],
    ['Att godkänna listan', false, 'godkänna listan'],
    ['att godkänna listan', true, 'att godkänna listan'],
    ['Justeringen sker digitalt.', false, 'Justeringen sker digitalt.'],
    ['godkänna listan', false, 'godkänna listan'],
  ])('%j (to numbered: %s) → %j', (stored, numbered, expected) => {
    expect(clauseInStyle(stored, numbered)).toBe(expected);
  });

  it('goes there and back without losing or doubling the att', () => {
    for (const clause of ['godkänna listan', 'utse Mats till justerare.']) {
      expect(clauseInStyle(clauseInStyle(clause, true), false)).toBe(clause);
    }
  });
});

describe('capitalisedClause', () => {
  it.each([['att godkänna', 'Att godkänna'], ['Justeringen sker', 'Justeringen sker'], [' ärendet', 'Ärendet'], ['', '']])('%j → %j', (clause, expected) => {
    expect(capitalisedClause(clause)).toBe(expected);
  });
});
