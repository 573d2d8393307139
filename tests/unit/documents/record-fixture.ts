/** The group and meeting most document-mapping specs build their records on (LSVO, 2024-02-16 08–09). */
import type { Group, Meeting } from '../../../bot/src/core/model';

export const t = (hhmm: string) => `2024-02-16T${hhmm}:00.000Z`;

export const group: Group = {
  id: 'g', name: 'LSVO', decidingBody: 'LSVO', documentKind: 'Sammanträdesprotokoll', numberingStyle: 'year',
  numberingStart: null, numberingStartYear: null, quorumRule: 'huvudman', numberedClauses: false, electsAdjuster: false,
  tenantId: null, teamId: null, channelId: null,
};

export const meeting: Meeting = {
  id: 'm', groupId: 'g', status: 'utkast', startsAt: t('08:00'), endsAt: t('09:00'), startedAt: t('08:00'), endedAt: t('09:00'),
  place: 'via Teams', placeSetBySecretary: false, currentItemId: null, teamsMeetingId: null, joinUrl: null, approvalDeadline: null, adjusterMemberIds: [],
  distributionList: [], pendingSection: null, standInMemberId: null,
};
