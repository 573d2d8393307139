import type { RosterMember } from '../../../bot/src/core/model';
import { findMembersByName, identifyParticipant, matchParticipant, normaliseName } from '../../../bot/src/core/roster-match';
import { rosterMember } from '../../../bot/src/core/roster-roles';

const member = (id: string, name: string, extra: Partial<Omit<RosterMember, 'role'>> = {}): RosterMember => rosterMember({
  id, groupId: 'g', name, title: '', principal: 'Region Blekinge', roles: ['ledamot'], party: null, aadObjectId: null, email: null, teamsUserId: null, ...extra,
});
// names from reference 000 and 002
const roster = [
  member('1', 'Anna-Karin Åkesson', { aadObjectId: '6f1d2c3b-aaaa-4bbb-8ccc-0123456789ab', principal: 'Ronneby kommun' }),
  member('2', 'Carina Ingemansson', { email: 'carina.ingemansson@regionblekinge.se' }),
  member('3', 'Carina Fransson'),
  member('4', 'Mats Wennstig'),
  member('5', 'Johanna Johansson'),
  member('6', 'Sandra Johansson', { roles: ['sekreterare'] }),
  member('7', 'André Jönsson', { principal: 'Sölvesborgs kommun' }),
  member('8', 'Annelie Runesson Ottosson'),
];

describe('identifyParticipant: how a participant is known, and never by name onto a tied entry', () => {
  const tied = [
    ...roster,
    member('9', 'Per Persson', { aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000009', email: 'per.persson@karlshamn.se' }),
    member('10', 'Eva Berg'), member('11', 'Eva Berg', { principal: 'Karlshamns kommun' }),
  ];
  it.each<[string, Parameters<typeof identifyParticipant>[1], [string, 'id' | 'email' | 'name'] | null]>([
    ['the Entra id: a fact', { aadObjectId: '6F1D2C3B-AAAA-4BBB-8CCC-0123456789AB', name: 'Någon annan' }, ['1', 'id']],
    ['the e-mail Teams reports: a fact', { aadObjectId: 'ny', email: 'Carina.Ingemansson@regionblekinge.se' }, ['2', 'email']],
    ['a display name alone: provisional', { aadObjectId: 'ny', name: 'Mats Wennstig' }, ['4', 'name']],
    ['another account under a tied entry\'s name: nobody', { aadObjectId: 'imposter', name: 'Anna-Karin Åkesson' }, null],
    ['another account with a tied entry\'s e-mail: nobody', { aadObjectId: 'imposter', email: 'per.persson@karlshamn.se' }, null],
    ['a name two entries share: nobody', { aadObjectId: 'ny', name: 'Eva Berg' }, null],
  ])('%s', (_what, who, expected) => {
    const found = identifyParticipant(tied, who);
    expect(found ? [found.member.id, found.by] : null).toEqual(expected);
  });
  it('matchParticipant (presence only) still finds a tied entry by its e-mail', () => {
    expect(matchParticipant(tied, { aadObjectId: 'imposter', email: 'per.persson@karlshamn.se' })?.id).toBe('9');
  });
});

describe('matchParticipant', () => {
  it.each<[string, Parameters<typeof matchParticipant>[1], string | null]>([
    ['object id first, whatever the name says', { aadObjectId: '6f1d2c3b-aaaa-4bbb-8ccc-0123456789ab', name: 'Någon annan' }, '1'],
    ['object id in another case', { aadObjectId: '6F1D2C3B-AAAA-4BBB-8CCC-0123456789AB' }, '1'],
    ['unknown id, then e-mail in any case', { aadObjectId: 'okänd', email: ' CARINA.Ingemansson@regionblekinge.se ' }, '2'],
    ['e-mail before name', { email: 'carina.ingemansson@regionblekinge.se', name: 'Carina Fransson' }, '2'],
    ['unknown e-mail, then name', { email: 'mats@example.se', name: 'Mats Wennstig' }, '4'],
    ['name in other case and spacing', { name: 'anna-karin  åkesson' }, '1'],
    ['name with surrounding spaces', { name: '  André Jönsson ' }, '7'],
    ['å typed as a + combining ring', { name: 'Anna-Karin A\u030akesson' }, '1'],
    ['é typed as e + combining acute', { name: 'Andre\u0301 Jönsson' }, '7'],
    ['a is not å', { name: 'Anna-Karin Akesson' }, null],
    ['a first name alone is not enough for a participant', { name: 'Mats' }, null],
    ['a guest not on the roster', { name: 'Tina Olsson' }, null],
    ['nothing to go on', {}, null],
    ['null and empty values', { aadObjectId: null, email: '', name: ' ' }, null],
  ])('%s', (_title, who, id) => {
    expect(matchParticipant(roster, who)?.id ?? null).toBe(id);
  });

  it('an empty roster matches nobody', () => {
    expect(matchParticipant([], { aadObjectId: 'x', email: 'a@b.se', name: 'Mats Wennstig' })).toBeNull();
  });

  it('a name shared by two roster entries matches neither', () => {
    const twins = [member('a', 'Anna Hedlund'), member('b', 'Anna Hedlund', { principal: 'Karlskrona kommun' })];
    expect(matchParticipant(twins, { name: 'Anna Hedlund' })).toBeNull();
  });

  it('roster entries without id or e-mail never match a participant without them', () => {
    expect(matchParticipant([member('x', 'Maud Janzon')], { aadObjectId: null, email: null, name: 'Lena Hermansson' })).toBeNull();
  });
});

describe('findMembersByName', () => {
  it.each<[string, string[]]>([
    ['Mats Wennstig', ['4']],
    ['mats', ['4']],
    ['Carina', ['2', '3']],
    ['Carina Fransson', ['3']],
    ['carina  FRANSSON', ['3']],
    ['Fransson', ['3']],
    ['Anna-Karin', ['1']],
    ['Åkesson', ['1']],
    // whole words win over prefixes: "Johansson" is two surnames, not "Johanna"
    ['Johansson', ['5', '6']],
    ['Johanna', ['5']],
    ['Runesson Ottosson', ['8']],
    // prefixes when no whole word fits
    ['Carina F', ['3']],
    ['Wenn', ['4']],
    ['Anna', ['1']], // "Annelie" does not start with "Anna"
    ['Ann', ['1', '8']],
    ['Karin', ['1']],
    ['Andre\u0301', ['7']],
    ['Tina', []],
    ['  ', []],
    ['', []],
  ])('findMembersByName(%j)', (query, ids) => {
    expect(findMembersByName(roster, query).map((m) => m.id)).toEqual(ids);
  });

  it('an exact full name wins alone even when it is also a prefix of another name', () => {
    const similar = [member('a', 'Anna Johnson'), member('b', 'Anna Johnsson')];
    expect(findMembersByName(similar, 'Anna Johnson').map((m) => m.id)).toEqual(['a']);
  });

  it('an empty roster has no candidates', () => {
    expect(findMembersByName([], 'Mats')).toEqual([]);
  });

  it.each([['  Anna-Karin   Åkesson ', 'anna-karin åkesson'], ['A\u030aSA', 'åsa'], ['ÄLVA Öberg', 'älva öberg']])(
    'normaliseName(%j) = %j', (raw, expected) => {
      expect(normaliseName(raw)).toBe(expected);
    },
  );
});
