/**
 * Who is here, on a real store: Teams' join/leave events matched to the roster, and the secretary's
 * `närvarande` / `frånvarande` during the meeting and afterwards, with their Swedish answers.
 */
import { markAttendance, recordParticipantEvent, uniqueMember } from '../../../bot/src/core/use-cases/attendance';
import { attendanceView } from '../../../bot/src/core/use-cases/attendance-view';
import { endMeeting, startMeeting } from '../../../bot/src/core/use-cases/meeting-flow';
import { at, describeUseCase, expectDomainError } from '../../support/use-case-fixture';

const eventView = (e: { memberId: string | null; displayName: string; kind: string; at: string; source: string }) => [e.memberId, e.displayName, e.kind, e.at, e.source];

describeUseCase('attendance', (fx) => {
  it('a join before anything is planned creates the planned meeting and is recorded on it', async () => {
    const g = await fx.group();
    const result = await fx.run((repos) => recordParticipantEvent(repos, g.group, { aadObjectId: g.members.mats.aadObjectId, name: 'Mats W' }, 'join', at(-3)));
    const [meeting] = await fx.meetings(g);
    expect(result!.meeting).toMatchObject({ id: meeting!.id, status: 'planerat' });
    expect(result!.member?.id).toBe(g.members.mats.id);
    expect((await fx.agenda(meeting!.id)).map(([, title]) => title)).toEqual(['Godkännande av dagordning', 'Föregående sammanträdesprotokoll', 'Övriga frågor', 'Nästa sammanträde']);
    expect((await fx.repos.attendance.events(meeting!.id)).map(eventView)).toEqual([[g.members.mats.id, 'Mats Wennstig', 'join', at(-3), 'live']]);
  });

  it('a leave with no planned or running meeting has nothing to close: null, nothing created', async () => {
    const g = await fx.group();
    expect(await fx.run((repos) => recordParticipantEvent(repos, g.group, { aadObjectId: null, name: 'Mats Wennstig' }, 'leave', at(0)))).toBeNull();
    expect(await fx.meetings(g)).toEqual([]);
  });

  it('participants are matched by Entra id, then e-mail, then name; anyone else is an övrig deltagare', async () => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g);
    const participants = [
      { aadObjectId: g.members.mats.aadObjectId, name: 'Wennstig Mats (Region Blekinge)' },
      { aadObjectId: null, name: 'Welander, Rebecca', email: 'REBECCA.WELANDER@karlshamn.se' },
      { aadObjectId: 'e0000000-0000-4000-8000-000000000009', name: 'carina  ingemansson' },
      { aadObjectId: null, name: 'Tina Olsson' },
    ];
    for (const [i, participant] of participants.entries()) {
      const result = await fx.run((repos) => recordParticipantEvent(repos, g.group, participant, 'join', at(i)));
      expect(result!.meeting.id).toBe(meeting.id);
    }
    await fx.run((repos) => recordParticipantEvent(repos, g.group, { aadObjectId: null, name: 'Tina Olsson' }, 'leave', at(30)));
    expect((await fx.repos.attendance.events(meeting.id)).map(eventView)).toEqual([
      [g.members.mats.id, 'Mats Wennstig', 'join', at(0), 'live'],
      [g.members.rebecca.id, 'Rebecca Welander', 'join', at(1), 'live'],
      [g.members.carina.id, 'Carina Ingemansson', 'join', at(2), 'live'],
      [null, 'Tina Olsson', 'join', at(3), 'live'],
      [null, 'Tina Olsson', 'leave', at(30), 'live'],
    ]);
  });

  it.each([
    [true, 'Rebecca Welander (Karlshamns kommun) är registrerad som närvarande från kl. 09.10.', 'join'],
    [false, 'Rebecca Welander (Karlshamns kommun) är registrerad som frånvarande från kl. 09.10.', 'leave'],
  ])('during the meeting, present=%s by name: %s', async (present, text, kind) => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g);
    expect((await fx.run((repos) => markAttendance(repos, g.ctx(10), { name: 'rebecca' }, present))).text).toBe(text);
    expect((await fx.repos.attendance.events(meeting.id)).map(eventView)).toEqual([[g.members.rebecca.id, 'Rebecca Welander', kind, at(10), 'manual']]);
  });

  it('a card names the member by id; a member no longer on the roster is not found', async () => {
    const g = await fx.group();
    await fx.repos.roster.upsert(g.group.id, [{ name: 'Tina Olsson', title: '', principal: '', roles: ['föredragande'] }]);
    const tina = (await fx.repos.roster.list(g.group.id)).find((m) => m.name === 'Tina Olsson')!;
    await fx.runningMeeting(g);
    expect((await fx.run((repos) => markAttendance(repos, g.ctx(5), { memberId: tina.id }, true))).text).toBe('Tina Olsson (ingen huvudman) är registrerad som närvarande från kl. 09.05.');
    await expectDomainError(fx.run((repos) => markAttendance(repos, g.ctx(6), { memberId: '00000000-0000-4000-8000-000000000000' }, true)),
      'not-found', 'Personen finns inte längre i gruppens ledamotslista.');
  });

  it('after the meeting närvarande means the whole meeting; frånvarande is refused', async () => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g);
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    expect((await fx.run((repos) => markAttendance(repos, g.ctx(120), { name: 'Anna-Karin' }, true))).text)
      .toBe('Anna-Karin Åkesson (Ronneby kommun) är registrerad som närvarande hela mötet (kl. 09.00–10.30).');
    await expectDomainError(fx.run((repos) => markAttendance(repos, g.ctx(121), { name: 'Mats' }, false)), 'invalid-input',
      'Efter mötet kan bara närvaro läggas till. Om Mats Wennstig inte var med trots att Teams registrerade det, skriv det som en anteckning.');
    expect((await fx.repos.attendance.events(meeting.id)).map(eventView)).toEqual([
      [g.members.anna.id, 'Anna-Karin Åkesson', 'join', at(0), 'manual'],
      [g.members.anna.id, 'Anna-Karin Åkesson', 'leave', at(90), 'manual'],
    ]);
  });

  it('with no meeting held: conflict', async () => {
    const g = await fx.group();
    await expectDomainError(fx.run((repos) => markAttendance(repos, g.ctx(0), { name: 'Mats' }, true)), 'conflict', 'Inget möte pågår i den här gruppen. Skriv `starta` när mötet börjar.');
  });

  it.each([
    ['Tina', 'not-found', 'Tina finns inte i gruppens ledamotslista. Lägg till personen med `ledamöter` eller kontrollera stavningen.'],
    ['Carina', 'invalid-input', 'Flera personer matchar "Carina": Carina Ingemansson, Carina Fransson. Skriv hela namnet.'],
  ] as const)('uniqueMember(%s): %s', async (name, code, message) => {
    const g = await fx.group();
    await fx.repos.roster.upsert(g.group.id, [{ name: 'Carina Fransson', title: 'MAS', principal: 'Karlskrona kommun', roles: ['ersättare'] }]);
    await expectDomainError(fx.run((repos) => uniqueMember(repos, g.group.id, name)), code, message);
    await fx.runningMeeting(g);
    await expectDomainError(fx.run((repos) => markAttendance(repos, g.ctx(5), { name }, true)), code, message);
    expect(await fx.repos.attendance.events((await fx.meetings(g))[0]!.id)).toEqual([]);
  });

  it('uniqueMember finds one person by full name, first name or surname, in any case', async () => {
    const g = await fx.group();
    for (const name of ['Carina Ingemansson', 'carina', 'INGEMANSSON']) {
      expect((await fx.run((repos) => uniqueMember(repos, g.group.id, name))).id).toBe(g.members.carina.id);
    }
  });

  // A leave from Teams with no join is read as "Teams missed the join: present since the start"; the
  // secretary's `frånvarande` for someone who never came is not: she is away with notice (Förhinder).
  it('frånvarande for someone who never joined does not make her present', async () => {
    const g = await fx.group();
    await fx.runningMeeting(g, { joined: ['mats', 'carina', 'anna'] });
    await fx.run((repos) => markAttendance(repos, g.ctx(10), { name: 'Rebecca' }, false));
    const view = await fx.run((repos) => attendanceView(repos, g.group, at(20)));
    expect(view.principals.flatMap((p) => p.members).find((m) => m.name === 'Rebecca Welander')).toMatchObject({ attended: false, partialPresence: '' });
  });

  // Someone rejoining the Teams call after `avsluta` is recorded on a new planned meeting, and a week
  // later counts as having attended that meeting (listed under Närvarande ledamöter).
  it.failing('a join and leave after avsluta do not count as attending the next meeting', async () => {
    const g = await fx.group();
    await fx.runningMeeting(g, { joined: ['mats'] });
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    for (const [kind, minute] of [['join', 95], ['leave', 100]] as const) {
      await fx.run((repos) => recordParticipantEvent(repos, g.group, { aadObjectId: null, name: 'Rebecca Welander' }, kind, at(minute)));
    }
    const week = 7 * 24 * 60;
    await fx.run((repos) => startMeeting(repos, g.ctx(week)));
    await fx.run((repos) => endMeeting(repos, g.ctx(week + 60)));
    const view = await fx.run((repos) => attendanceView(repos, g.group, at(week + 100)));
    expect(view.principals.flatMap((p) => p.members).find((m) => m.name === 'Rebecca Welander')!.attended).toBe(false);
  });
});
