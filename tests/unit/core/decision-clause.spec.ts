/** withoutLeadingAtt: a clause is stored without its `att`, however it was typed. */
import { withoutLeadingAtt } from '../../../bot/src/core/decision-clause';

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
