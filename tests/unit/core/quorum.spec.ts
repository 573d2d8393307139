import type { QuorumRule, RosterMember, RosterRole } from '../../../bot/src/core/model';
import { assessQuorum, formatQuorumLine } from '../../../bot/src/core/quorum';
import { rosterMember } from '../../../bot/src/core/roster-roles';

let seq = 0;
const m = (principal: string, role: RosterRole = 'ledamot'): RosterMember => rosterMember({
  id: `m${++seq}`, groupId: 'g', name: `Person ${seq}`, title: '', principal, roles: [role], party: null, aadObjectId: null, email: null, teamsUserId: null,
});

describe('beslutförhet', () => {
  const region = [m('Region Blekinge', 'ordförande'), m('Region Blekinge'), m('Region Blekinge'), m('Region Blekinge')];
  const karlskrona = [m('Karlskrona kommun'), m('Karlskrona kommun'), m('Karlskrona kommun')];
  const ronneby = [m('Ronneby kommun'), m('Ronneby kommun', 'ersättare')];
  const guests = [m('Region Blekinge', 'adjungerad'), m('Karlskrona kommun', 'föredragande'), m('Region Blekinge', 'sekreterare'), m('Ronneby kommun', 'tjänsteperson')];
  const roster = [...region, ...karlskrona, ...ronneby, ...guests];
  const ids = (...members: RosterMember[]) => new Set(members.map((x) => x.id));

  it('needs more than half of each huvudman', () => {
    const present = ids(region[0]!, region[1]!, region[2]!, karlskrona[0]!, karlskrona[1]!, ronneby[0]!, ronneby[1]!);
    const result = assessQuorum(roster, present, 'huvudman');
    expect(result.quorate).toBe(true);
    expect(result.blocs).toEqual([
      { label: 'Region Blekinge', members: 4, present: 3, required: 3, quorate: true },
      { label: 'Karlskrona kommun', members: 3, present: 2, required: 2, quorate: true },
      { label: 'Ronneby kommun', members: 2, present: 2, required: 2, quorate: true },
    ]);
    expect(formatQuorumLine(result)).toBe('Beslutsför: Region Blekinge 3 av 4, Karlskrona kommun 2 av 3, Ronneby kommun 2 av 2');
  });

  it('exactly half is not enough, and guests never help', () => {
    const present = ids(region[0]!, region[1]!, ...karlskrona, ...ronneby, ...guests);
    const result = assessQuorum(roster, present, 'huvudman');
    expect(result.quorate).toBe(false);
    expect(formatQuorumLine(result)).toBe('Inte beslutsför: Region Blekinge 2 av 4 (krävs 3), Karlskrona kommun 3 av 3, Ronneby kommun 2 av 2');
  });

  it('region-kommun counts all municipalities together', () => {
    const present = ids(region[0]!, region[1]!, region[2]!, ...karlskrona); // 3 of 5 municipal members
    const result = assessQuorum(roster, present, 'region-kommun');
    expect(result.blocs).toEqual([
      { label: 'Region Blekinge', members: 4, present: 3, required: 3, quorate: true },
      { label: 'Kommunerna', members: 5, present: 3, required: 3, quorate: true },
    ]);
    expect(result.quorate).toBe(true);
    expect(assessQuorum(roster, present, 'huvudman').quorate).toBe(false); // Ronneby absent
  });

  it('"av" has no rule; a roster without voting members is never quorate', () => {
    expect(assessQuorum(roster, new Set(), 'av')).toEqual({ quorate: true, rule: 'av', blocs: [] });
    expect(formatQuorumLine(assessQuorum(roster, new Set(), 'av'))).toBe('Ingen regel om beslutförhet.');
    expect(assessQuorum(guests, ids(...guests), 'huvudman').quorate).toBe(false);
    expect(assessQuorum([], new Set(), 'huvudman').quorate).toBe(false);
  });
});

describe('beslutförhet, table of cases', () => {
  const person = (id: string, name: string, principal: string, role: RosterRole = 'ledamot'): RosterMember => rosterMember({
    id, groupId: 'g', name, title: '', principal, roles: [role], party: null, aadObjectId: null, email: null, teamsUserId: null,
  });
  // Samverkansgrupp att åldras, shaped like reference 000
  const roster = [
    person('mats', 'Mats Wennstig', 'Region Blekinge', 'ordförande'),
    person('carina-i', 'Carina Ingemansson', 'Region Blekinge'),
    person('carina-f', 'Carina Fransson', 'Region Blekinge'),
    person('lena', 'Lena Hermansson', 'Region Blekinge', 'ersättare'),
    person('anna-karin', 'Anna-Karin Åkesson', 'Ronneby kommun', 'vice ordförande'),
    person('rebecca', 'Rebecca Welander', 'Karlshamns kommun'),
    person('anna', 'Anna Hedlund', 'Karlskrona kommun'),
    person('andre', 'André Jönsson', 'Sölvesborgs kommun'),
    person('sandra', 'Sandra Johansson', 'Region Blekinge', 'sekreterare'),
    person('susanna', 'Susanna Sturesson', 'Karlskrona kommun', 'tjänsteperson'),
    person('linda', 'Linda Kullberg', 'Region Blekinge', 'föredragande'),
    person('maud', 'Maud Janzon', 'Olofström kommun', 'adjungerad'),
  ];
  const everyone = roster.map((m) => m.id);

  it.each<[string, string[], QuorumRule, boolean, string]>([
    ['all present', everyone, 'huvudman', true,
      'Beslutsför: Region Blekinge 4 av 4, Ronneby kommun 1 av 1, Karlshamns kommun 1 av 1, Karlskrona kommun 1 av 1, Sölvesborgs kommun 1 av 1'],
    ['one municipality missing; the failing bloc comes first', everyone.filter((id) => id !== 'anna'), 'huvudman', false,
      'Inte beslutsför: Karlskrona kommun 0 av 1 (krävs 1), Region Blekinge 4 av 4, Ronneby kommun 1 av 1, Karlshamns kommun 1 av 1, Sölvesborgs kommun 1 av 1'],
    ['…but the municipalities together are enough', everyone.filter((id) => id !== 'anna'), 'region-kommun', true,
      'Beslutsför: Region Blekinge 4 av 4, Kommunerna 3 av 4'],
    ['half of the municipalities is not more than half', ['mats', 'carina-i', 'carina-f', 'anna-karin', 'rebecca'], 'region-kommun', false,
      'Inte beslutsför: Kommunerna 2 av 4 (krävs 3), Region Blekinge 3 av 4'],
    ['officials, presenters and the secretary do not make up for members', ['mats', 'carina-i', 'sandra', 'linda', 'susanna', 'maud', 'anna-karin', 'rebecca', 'anna', 'andre'], 'region-kommun', false,
      'Inte beslutsför: Region Blekinge 2 av 4 (krävs 3), Kommunerna 4 av 4'],
    ['unknown ids change nothing', ['okänd-1', 'okänd-2'], 'huvudman', false,
      'Inte beslutsför: Region Blekinge 0 av 4 (krävs 3), Ronneby kommun 0 av 1 (krävs 1), Karlshamns kommun 0 av 1 (krävs 1), Karlskrona kommun 0 av 1 (krävs 1), Sölvesborgs kommun 0 av 1 (krävs 1)'],
    ['"av" ignores who is there', [], 'av', true, 'Ingen regel om beslutförhet.'],
  ])('%s (%s)', (_title, present, rule, quorate, line) => {
    const result = assessQuorum(roster, new Set(present), rule);
    expect(result.quorate).toBe(quorate);
    expect(result.rule).toBe(rule);
    expect(formatQuorumLine(result)).toBe(line);
  });

  it.each<[number, number]>([[1, 1], [2, 2], [3, 2], [4, 3], [5, 3], [6, 4], [7, 4]])('%i members need %i', (size, required) => {
    const members = Array.from({ length: size }, (_, i) => person(`k${i}`, `Ledamot ${i}`, 'Karlskrona kommun'));
    const [bloc] = assessQuorum(members, new Set(members.slice(0, required).map((m) => m.id)), 'huvudman').blocs;
    expect(bloc).toEqual({ label: 'Karlskrona kommun', members: size, present: required, required, quorate: true });
    const short = assessQuorum(members, new Set(members.slice(0, required - 1).map((m) => m.id)), 'huvudman');
    expect(short.quorate).toBe(false);
  });

  it('one huvudman spelled in several ways is one bloc, labelled as first written', () => {
    const members = [
      person('a', 'Anna Hedlund', 'Karlskrona kommun'), person('b', 'Jesper Björnsson', ' karlskrona  Kommun'),
      person('c', 'Bella Xhemajli', 'KARLSKRONA KOMMUN'),
    ];
    expect(assessQuorum(members, new Set(['a', 'b']), 'huvudman').blocs).toEqual([
      { label: 'Karlskrona kommun', members: 3, present: 2, required: 2, quorate: true },
    ]);
  });

  it('several regions form one Region side; a member without huvudman still counts', () => {
    const members = [
      person('r1', 'Mats Wennstig', 'Region Blekinge'), person('r2', 'Thomas Jungbeck', 'Västra Götalandsregionen'),
      person('r3', 'Per Granath', 'region Kalmar län'), person('k1', 'Per Granath', 'Skövde kommun'), person('x', 'Simba', ''),
    ];
    const result = assessQuorum(members, new Set(['r1', 'r2', 'k1']), 'region-kommun');
    expect(result.blocs).toEqual([
      { label: 'Regionen', members: 3, present: 2, required: 2, quorate: true },
      { label: 'Kommunerna', members: 2, present: 1, required: 2, quorate: false },
    ]);
    expect(assessQuorum(members, new Set(['x']), 'huvudman').blocs.map((b) => b.label))
      .toEqual(['Region Blekinge', 'Västra Götalandsregionen', 'region Kalmar län', 'Skövde kommun', 'Utan huvudman']);
  });

  it('a Region-only roster has only the Region side; an empty roster says why it cannot decide', () => {
    const regionOnly = [person('r1', 'Mats Wennstig', 'Region Blekinge'), person('r2', 'Carina Fransson', 'Region Blekinge')];
    expect(assessQuorum(regionOnly, new Set(['r1', 'r2']), 'region-kommun')).toEqual({
      quorate: true, rule: 'region-kommun', blocs: [{ label: 'Region Blekinge', members: 2, present: 2, required: 2, quorate: true }],
    });
    expect(formatQuorumLine(assessQuorum([], new Set(), 'region-kommun')))
      .toBe('Inte beslutsför: gruppen har inga röstberättigade ledamöter i ledamotslistan.');
  });
});
