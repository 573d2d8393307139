/**
 * The approval card's link to the document: the copy in the channel's files once it is uploaded;
 * without it (no Graph, or the upload failed) a Teams deep link to the group's tab that names the
 * meeting, never the API's own URL, which a browser opens without a token.
 */
import { approvalCardModel } from '../../../bot/src/teams/approval-view';
import { buildApprovalCard } from '../../../bot/src/cards/approval.card';
import type { ApprovalState } from '../../../bot/src/core/use-cases/approval';
import { textsOf } from '../cards/fixtures';

const APP_ID = 'a2e507d8-7080-4473-91d2-d07f5e89a54f';
const GROUP_ID = '0b7d5c1e-2f3a-4b6c-8d9e-1f2a3b4c5d6e';
const MEETING_ID = '3f2a8c1e-5b7d-4e9f-a1c2-0d4e6f8a9b10';
const CHANNEL_ID = '19:lsvo(ab)@thread.tacv2';

/** As much of an approval state as the card reads: one meeting in justering, nothing decided yet. */
function state(webUrl: string | null, channelId: string | null = CHANNEL_ID): ApprovalState {
  return {
    record: {
      group: { id: GROUP_ID, name: 'LSVO', documentKind: 'Sammanträdesprotokoll', numberingStyle: 'meeting', channelId },
      meeting: { id: MEETING_ID, status: 'justering', startedAt: '2024-02-16T08:00:00.000Z', startsAt: null, approvalDeadline: null },
      items: [], decisions: [], actions: [], roster: [], visits: [], notes: [], intervals: [],
    },
    version: { id: '44444444-4444-4444-8444-444444444444', version: 1, sha256: 'a'.repeat(64), webUrl },
    approvals: [],
    approvers: [],
  } as unknown as ApprovalState;
}

/** The deep link taken apart: app id, entity id, and the context JSON. */
function parts(link: string) {
  const url = new URL(link);
  const [, l, entity, appId, entityId] = url.pathname.split('/');
  return { origin: url.origin, path: `/${l}/${entity}`, appId, entityId: decodeURIComponent(entityId!), context: JSON.parse(url.searchParams.get('context')!) };
}

describe('the approval card links to the document', () => {
  it('in the channel\'s files once it is uploaded', () => {
    expect(approvalCardModel(state('https://contoso.sharepoint.com/sites/lsvo/Shared%20Documents/protokoll.docx'), APP_ID).documentUrl)
      .toBe('https://contoso.sharepoint.com/sites/lsvo/Shared%20Documents/protokoll.docx');
  });

  it('without an uploaded copy: a Teams deep link to the tab, the meeting in the context', () => {
    const link = approvalCardModel(state(null), APP_ID).documentUrl;
    expect(link).not.toMatch(/\/api\//);
    expect(parts(link)).toEqual({
      origin: 'https://teams.microsoft.com',
      path: '/l/entity',
      appId: APP_ID,
      entityId: `protokoll-${GROUP_ID}`,
      context: { subEntityId: `meeting:${MEETING_ID}`, channelId: CHANNEL_ID },
    });
  });

  it('a group bound only to a chat has no channel in the context', () => {
    expect(parts(approvalCardModel(state(null, null), APP_ID).documentUrl).context).toEqual({ subEntityId: `meeting:${MEETING_ID}` });
  });

  it('the card\'s markdown link holds the whole deep link (no parenthesis ends it early)', () => {
    const link = approvalCardModel(state(null), APP_ID).documentUrl;
    expect(link).not.toMatch(/[()\s]/);
    expect(textsOf(buildApprovalCard(approvalCardModel(state(null), APP_ID)))).toContain(`[Öppna protokollet](${link})`);
  });
});
