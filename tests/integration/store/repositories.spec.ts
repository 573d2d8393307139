import { DatabaseUnitOfWork, repositoriesFor } from '../../../bot/src/store/unit-of-work';
import { describeEachStore } from '../../support/stores';

describeEachStore('repositories', (store) => {
  const repos = () => repositoriesFor(store().db);

  it('keep groups apart: a conversation resolves only to its own group', async () => {
    const lsvo = await repos().groups.create({ name: 'LSVO', decidingBody: 'LSVO' });
    const psvo = await repos().groups.create({ name: 'PSVO', decidingBody: 'PSVO' });
    await repos().groups.bindConversation(lsvo.id, { conversationId: '19:lsvo@thread.tacv2', kind: 'channel', reference: { a: 1 } });
    await repos().groups.bindConversation(psvo.id, { conversationId: '19:psvo@thread.tacv2', kind: 'channel', reference: { b: 2 } });
    expect((await repos().groups.findForConversation({ conversationId: '19:lsvo@thread.tacv2', teamId: null, channelId: null }))?.name).toBe('LSVO');
    expect((await repos().groups.findByName(null, '  psvo '))?.id).toBe(psvo.id);
    // Names are unique per tenant: another tenant's PSVO is its own group, never found from here.
    const other = await repos().groups.create({ name: 'PSVO', decidingBody: 'PSVO', tenantId: 'tenant-b' });
    expect(other.id).not.toBe(psvo.id);
    expect((await repos().groups.findByName('tenant-b', 'psvo'))?.id).toBe(other.id);
    expect((await repos().groups.findByName('tenant-c', 'psvo'))).toBeNull();
    await expect(repos().groups.create({ name: 'psvo ', decidingBody: 'PSVO', tenantId: 'tenant-b' })).rejects.toThrow();
    // Refreshing a reference without a group keeps the binding.
    await repos().groups.bindConversation(null, { conversationId: '19:lsvo@thread.tacv2', kind: 'channel', reference: { a: 2 } });
    expect((await repos().groups.findForConversation({ conversationId: '19:lsvo@thread.tacv2', teamId: null, channelId: null }))?.id).toBe(lsvo.id);
    expect(await repos().groups.conversationReferences(lsvo.id)).toEqual([
      { conversationId: '19:lsvo@thread.tacv2', kind: 'channel', reference: { a: 2 } },
    ]);
  });

  it.each(['meeting', 'meeting-paren', 'year', 'year-suffix'] as const)('store the numbering style %s (and the database refuses others)', async (style) => {
    const group = await repos().groups.create({ name: `Numrering ${style}`, decidingBody: 'LSVO' });
    const updated = await repos().groups.updateSettings(group.id, { numberingStyle: style });
    expect(updated.numberingStyle).toBe(style);
    await expect(repos().groups.updateSettings(group.id, { numberingStyle: 'vecka' as never })).rejects.toThrow(/numbering_style/);
  });

  it('upsert roster members by name, keeping å/ä/ö exactly', async () => {
    const group = await repos().groups.create({ name: 'Samverkansgrupp att åldras', decidingBody: 'Samverkansgruppen' });
    await repos().roster.upsert(group.id, [
      { name: 'Anna-Karin Åkesson', title: 'verksamhetschef HSL/myndighet', principal: 'Ronneby kommun', roles: ['ledamot'] },
      { name: 'Mats Wennstig', title: 'hälso- och sjukvårdsstrateg', principal: 'Region Blekinge', roles: ['ordförande'] },
    ]);
    const roster = await repos().roster.upsert(group.id, [
      { name: 'anna-karin  åkesson'.replace('  ', ' '), title: 'MAS', principal: 'Ronneby kommun', roles: ['ersättare'] },
    ]);
    // updated in place: the roster keeps the order typed
    expect(roster.map((m) => [m.name, m.roles, m.title])).toEqual([
      ['anna-karin åkesson', ['ersättare'], 'MAS'],
      ['Mats Wennstig', ['ordförande'], 'hälso- och sjukvårdsstrateg'],
    ]);
  });

  it('store agenda items, records and actions, and scope actions by group', async () => {
    const group = await repos().groups.create({ name: 'Grupp A', decidingBody: 'Samverkansgruppen' });
    const other = await repos().groups.create({ name: 'Grupp B', decidingBody: 'Samverkansgruppen' });
    const meeting = await repos().meetings.create(group.id, { startsAt: '2024-02-16T07:15:00.000Z' });
    const item = await repos().agenda.insert(group.id, {
      meetingId: meeting.id, parentId: null, position: 0, section: null, title: 'Vårdplatsflöde', typeTag: 'I/D',
      standardKind: null, number: 4, presenters: ['Tina Olsson'], outcome: 'open', recipients: [], carriedFromItemId: null,
    });
    await repos().records.addVisit(meeting.id, { itemId: item.id, openedAt: '2024-02-16T08:00:00.000Z' });
    await repos().records.addNote(meeting.id, { itemId: item.id, text: 'Rad 1\nRad 2', createdAt: '2024-02-16T08:01:00.000Z' });
    await repos().records.addDecision(meeting.id, { itemId: item.id, clause: 'godkänna planen', quorate: false, createdAt: '2024-02-16T08:02:00.000Z' });
    const action = await repos().actions.add({
      groupId: group.id, meetingId: meeting.id, itemId: item.id, text: 'Skicka ut planen', ownerMemberId: null,
      ownerName: 'Mats Wennstig', dueDate: '2024-03-01', createdAt: '2024-02-16T08:03:00.000Z',
    });

    expect(await repos().agenda.list(meeting.id)).toEqual([expect.objectContaining({ title: 'Vårdplatsflöde', typeTag: 'I/D', presenters: ['Tina Olsson'] })]);
    expect(await repos().records.visits(meeting.id)).toEqual([{ itemId: item.id, openedAt: '2024-02-16T08:00:00.000Z' }]);
    expect((await repos().records.notes(meeting.id))[0]?.text).toBe('Rad 1\nRad 2');
    expect((await repos().records.decisions(meeting.id))[0]).toMatchObject({ clause: 'godkänna planen', quorate: false });
    expect(await repos().records.countForItem(meeting.id, item.id)).toBe(3);
    expect(action).toMatchObject({ dueDate: '2024-03-01', status: 'open', version: 1 });
    expect(await repos().actions.listForGroup(other.id, 'all')).toEqual([]);
    expect(await repos().actions.setStatus(other.id, action.id, 'done', 1)).toBeNull();

    const done = await repos().actions.setStatus(group.id, action.id, 'done', 1);
    expect(done).toMatchObject({ status: 'done', version: 2 });
    expect(await repos().actions.setStatus(group.id, action.id, 'open', 1)).toBeNull();
  });

  it('set many paragraph numbers in one write, only on the meeting named', async () => {
    const group = await repos().groups.create({ name: 'Grupp F', decidingBody: 'Gruppen' });
    const meeting = await repos().meetings.create(group.id, { startsAt: '2024-02-16T07:15:00.000Z' });
    await repos().meetings.update(group.id, meeting.id, { status: 'utkast' });
    const other = await repos().meetings.create(group.id, { startsAt: '2024-03-15T07:15:00.000Z' });
    const add = (meetingId: string, title: string, number: number | null) => repos().agenda.insert(group.id, {
      meetingId, parentId: null, position: 0, section: null, title, typeTag: null, standardKind: null,
      number, presenters: [], outcome: 'open', recipients: [], carriedFromItemId: null,
    });
    const a = await add(meeting.id, 'A', null);
    const b = await add(meeting.id, 'B', 3);
    await add(meeting.id, 'C', 7);
    const elsewhere = await add(other.id, 'Annat möte', 1);
    await repos().agenda.setNumbers(meeting.id, [
      { itemId: a.id, number: 4 }, { itemId: b.id, number: null }, { itemId: elsewhere.id, number: 9 },
    ]);
    const numbers = async (meetingId: string) => (await repos().agenda.list(meetingId)).map((i) => [i.title, i.number]).sort();
    expect(await numbers(meeting.id)).toEqual([['A', 4], ['B', null], ['C', 7]]);
    // the other meeting's item is named but not this meeting's: it keeps its number
    expect(await numbers(other.id)).toEqual([['Annat möte', 1]]);
  });

  it('allow only one planned or running meeting per group', async () => {
    const group = await repos().groups.create({ name: 'Grupp C', decidingBody: 'Gruppen' });
    await repos().meetings.create(group.id, {});
    await expect(repos().meetings.create(group.id, {})).rejects.toThrow();
  });

  it('record an idempotency key once: the second run of the same key is skipped', async () => {
    const uow = new DatabaseUnitOfWork(store().db);
    const group = await repos().groups.create({ name: 'Grupp D', decidingBody: 'Gruppen' });
    const work = (r: ReturnType<typeof repos>) => r.meetings.create(group.id, {});
    const first = await uow.run(work, 'activity:1');
    const second = await uow.run(work, 'activity:1');
    expect(first.duplicate).toBe(false);
    expect(second).toEqual({ duplicate: true });
    expect(await repos().meetings.list(group.id)).toHaveLength(1);
  });

  it('roll back everything, including the idempotency key, when the work fails', async () => {
    const uow = new DatabaseUnitOfWork(store().db);
    const group = await repos().groups.create({ name: 'Grupp E', decidingBody: 'Gruppen' });
    await expect(
      uow.run(async (r) => {
        await r.meetings.create(group.id, {});
        throw new Error('boom');
      }, 'activity:2'),
    ).rejects.toThrow('boom');
    expect(await repos().meetings.list(group.id)).toEqual([]);
    const retry = await uow.run((r) => r.meetings.create(group.id, {}), 'activity:2');
    expect(retry.duplicate).toBe(false);
  });
});
