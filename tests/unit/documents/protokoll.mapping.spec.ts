import type { AgendaItem, Group, Meeting, RosterMember, RosterRole } from '../../../bot/src/core/model';
import type { MeetingRecord } from '../../../bot/src/core/use-cases/meeting-record';
import { toProtokollDocument } from '../../../bot/src/documents/protokoll.mapping';
import { rosterMember } from '../../../bot/src/core/roster-roles';

import { group, meeting, t } from './record-fixture';
const member = (id: string, name: string, role: RosterRole): RosterMember => rosterMember({
  id, groupId: 'g', name, title: '', principal: 'Region Blekinge', roles: [role], party: null, aadObjectId: null, email: null, teamsUserId: null,
});
const item = (id: string, number: number | null, parentId: string | null = null): AgendaItem => ({
  id, meetingId: 'm', parentId, position: 0, section: null, title: id, typeTag: null, standardKind: null, number,
  presenters: [], outcome: 'open', outcomeRecorded: null, recipients: [], recipientsRecorded: null, carriedFromItemId: null,
});
const stay = (memberId: string, displayName: string, joinedAt: string, leftAt: string | null) => ({
  memberId, displayName, aadObjectId: null, joinedAt, leftAt, source: 'live' as const,
});

describe('toProtokollDocument: partial presence', () => {
  it('counts the time of sub-points the meeting jumped to (`punkt 13a`) for their paragraph, not the one before', () => {
    const record: MeetingRecord = {
      group, meeting,
      roster: [member('chair', 'Mats Wennstig', 'ordförande'), member('x', 'Anna Hedlund', 'ledamot')],
      items: [item('§12', 12), item('§13', 13), item('§13a', null, '§13'), item('§13b', null, '§13'), item('§14', 14)],
      // §12 08:00, then straight to 13a at 08:20 and 13b at 08:30, §14 from 08:40 to the end at 09:00
      visits: [
        { itemId: '§12', openedAt: t('08:00') }, { itemId: '§13a', openedAt: t('08:20') },
        { itemId: '§13b', openedAt: t('08:30') }, { itemId: '§14', openedAt: t('08:40') },
      ],
      notes: [], decisions: [], statements: [], adjustments: [], actions: [],
      intervals: [stay('chair', 'Mats Wennstig', t('08:00'), null), stay('x', 'Anna Hedlund', t('08:20'), t('08:40'))],
      reportedAbsent: [],
    };
    const doc = toProtokollDocument(record, { status: 'utkast', version: 1, renderedAt: t('09:05') });
    expect(doc.presentMembers.map((m) => [m.name, m.partialPresence])).toEqual([['Mats Wennstig', ''], ['Anna Hedlund', '(§13)']]);
  });
});
