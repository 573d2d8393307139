import type { RosterMember, RosterRole } from '../../../bot/src/core/model';
import { assessQuorum, formatQuorumLine } from '../../../bot/src/core/quorum';

let seq = 0;
const m = (principal: string, role: RosterRole = 'ledamot'): RosterMember => ({
  id: `m${++seq}`, groupId: 'g', name: `Person ${seq}`, title: '', principal, role, party: null, aadObjectId: null, email: null,
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
