/** The Swedish genitive of group and person names, as the bot's refusals write them. */
import { genitive } from '../../../bot/src/core/swedish-genitive';

describe('genitive', () => {
  it.each([
    ['LSVO', 'LSVOs'],
    ['Rättighetsgruppen', 'Rättighetsgruppens'],
    ['Samverkansgrupp att åldras', 'Samverkansgrupp att åldras'],
    ['Rebecca Welander', 'Rebecca Welanders'],
    ['Lars Fox', 'Lars Fox'],
    ['Kjell Lindqvistz', 'Kjell Lindqvistz'],
    [' Anna-Karin Åkesson ', 'Anna-Karin Åkessons'],
  ])('%s → %s', (name, expected) => {
    expect(genitive(name)).toBe(expected);
  });
});
