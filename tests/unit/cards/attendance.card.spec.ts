import { buildAttendanceCard } from '../../../bot/src/cards/attendance.card';
import { parseVerbData, Verbs } from '../../../bot/src/cards/verbs';
import { expectValidCard } from '../../support/adaptive-card-validator';
import { actionsOf, attendanceView, inputOf, invokeData, MEETING_ID, MEMBER_IDS, textsOf } from './fixtures';

describe('attendance card', () => {
  it('should build: present and absent per huvudman, partial presence, övriga deltagare apart', () => {
    const card = buildAttendanceCard(attendanceView(true));
    expectValidCard(card);
    expect(textsOf(card)).toEqual(expect.arrayContaining([
      'Närvaro',
      'Region Blekinge',
      'Närvarande: Mats Wennstig, Carina Ingemansson (§§15 - 17)',
      'Karlskrona kommun',
      'Närvarande: Anna-Karin Åkesson',
      'Övriga deltagare (räknas inte)',
      'Tina Olsson',
    ]));
  });

  it('shows the quorum per bloc: quorate', () => {
    const texts = textsOf(buildAttendanceCard(attendanceView(true)));
    expect(texts).toEqual(expect.arrayContaining(['✅ Beslutsför', 'Region Blekinge: ✅ 2 av 2, krävs 2', 'Karlskrona kommun: ✅ 1 av 1, krävs 1']));
  });

  it('shows the quorum per bloc: not quorate, in a warning container, absent members listed', () => {
    const card = buildAttendanceCard(attendanceView(false));
    expectValidCard(card);
    const texts = textsOf(card);
    expect(texts).toEqual(expect.arrayContaining([
      '⚠️ Inte beslutsför',
      'Region Blekinge: ⚠️ 1 av 2, krävs 2',
      'Karlskrona kommun: ⚠️ 0 av 1, krävs 1',
      'Frånvarande: Anna-Karin Åkesson',
    ]));
    expect(card.body[1]).toMatchObject({ type: 'Container', style: 'warning' });
  });

  it('says when the group has no quorum rule', () => {
    const view = { ...attendanceView(true), quorum: { quorate: true, rule: 'av' as const, blocs: [] }, quorumLine: 'Ingen regel om beslutförhet.' };
    expect(textsOf(buildAttendanceCard(view))).toContain('Ingen regel om beslutförhet.');
  });

  it('corrects attendance with one member picker and two buttons carrying the meeting', () => {
    const card = buildAttendanceCard(attendanceView(false));
    expect(inputOf(card, 'memberId')).toMatchObject({
      type: 'Input.ChoiceSet',
      isRequired: true,
      choices: [
        { title: 'Mats Wennstig (Region Blekinge)', value: MEMBER_IDS[0] },
        { title: 'Carina Ingemansson (Region Blekinge)', value: MEMBER_IDS[1] },
        { title: 'Anna-Karin Åkesson (Karlskrona kommun)', value: MEMBER_IDS[2] },
      ],
    });
    const actions = actionsOf(card);
    expect(actions.map((a) => [a.title, a.verb, a.associatedInputs])).toEqual([
      ['Uppdatera', Verbs.refreshAttendance, 'none'],
      ['Närvarande', Verbs.markPresent, 'auto'],
      ['Frånvarande', Verbs.markAbsent, 'auto'],
    ]);
    const absent = actions[2]!;
    expect(parseVerbData(Verbs.markAbsent, invokeData(card, absent, { memberId: MEMBER_IDS[2]! }))).toEqual({ meetingId: MEETING_ID, memberId: MEMBER_IDS[2] });
    // no member chosen: nothing to record
    expect(parseVerbData(Verbs.markAbsent, invokeData(card, absent))).toBeNull();
    expect(parseVerbData(Verbs.refreshAttendance, invokeData(card, actions[0]!))).toEqual({ meetingId: MEETING_ID });
  });

  it('flags members matched only by display name, with a Bekräfta button carrying the picked member', () => {
    const plain = buildAttendanceCard(attendanceView(true));
    expect(textsOf(plain).join('\n')).not.toMatch(/Ej bekräftade/);
    expect(actionsOf(plain).map((a) => a.title)).not.toContain('Bekräfta');

    const card = buildAttendanceCard(attendanceView(true, [
      { memberId: MEMBER_IDS[0]!, name: 'Mats Wennstig', accounts: 1 },
      { memberId: MEMBER_IDS[2]!, name: 'Anna-Karin <Åkesson>', accounts: 2 },
    ]));
    const texts = textsOf(card).join('\n');
    expect(texts).toMatch(/Ej bekräftade \(matchade bara på namnet i Teams\)/);
    expect(texts).toMatch(/Mats Wennstig, Anna-Karin \\<Åkesson\\> \(2 olika Teams-konton\)\. Räknas som närvarande men kan inte justera/);
    const confirm = actionsOf(card).find((a) => a.title === 'Bekräfta')!;
    expect(confirm.verb).toBe(Verbs.confirmIdentity);
    expect(parseVerbData(Verbs.confirmIdentity, invokeData(card, confirm, { memberId: MEMBER_IDS[0]! }))).toEqual({ meetingId: MEETING_ID, memberId: MEMBER_IDS[0] });
    expect(parseVerbData(Verbs.confirmIdentity, invokeData(card, confirm))).toBeNull();
  });

  it('has no correction controls without a roster', () => {
    const card = buildAttendanceCard({ ...attendanceView(true), principals: [] });
    expectValidCard(card);
    expect(actionsOf(card).map((a) => a.verb)).toEqual([Verbs.refreshAttendance]);
  });

  it('a roster of 60 stays under 28 KB', () => {
    const view = attendanceView(false);
    view.principals = Array.from({ length: 10 }, (_, p) => ({
      principal: `Kommun nummer ${p + 1} i Blekinge län`,
      members: Array.from({ length: 6 }, (_, m) => ({
        memberId: `00000000-0000-4000-8000-${String(p * 10 + m).padStart(12, '0')}`,
        name: `Anna-Karin Åkesson-Wennstig ${p}-${m}`, roles: ['ledamot' as const],
        presentNow: m % 2 === 0, attended: m % 2 === 0 || m === 1, partialPresence: m === 1 ? '(§§12 - 17)' : '', counts: true,
      })),
    }));
    expectValidCard(buildAttendanceCard(view));
  });
});
