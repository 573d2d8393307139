/** Invoke data comes from the network: every field is checked for type and length. */
import { isVerb, parseVerbData, Verbs } from '../../../bot/src/cards/verbs';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../../../bot/src/core/validators';
import { DOCUMENT_VERSION_ID, ITEM_ID, MEETING_ID, MEMBER_IDS } from './fixtures';

describe('verbs', () => {
  it('are unique, dotted names', () => {
    const values = Object.values(Verbs);
    expect(new Set(values).size).toBe(values.length);
    for (const verb of values) expect(verb).toMatch(/^[a-z]+\.[a-z-]+$/);
    expect(isVerb('attendance.present')).toBe(true);
    expect(isVerb('doThing')).toBe(false);
    expect(isVerb(undefined)).toBe(false);
  });
});

describe('parseVerbData', () => {
  it.each([
    [Verbs.refreshAgenda, {}, { meetingId: null }],
    [Verbs.refreshAttendance, { meetingId: MEETING_ID }, { meetingId: MEETING_ID }],
    [Verbs.markPresent, { meetingId: MEETING_ID, memberId: MEMBER_IDS[0] }, { meetingId: MEETING_ID, memberId: MEMBER_IDS[0] }],
    [Verbs.recordDecision, { meetingId: MEETING_ID, itemId: '', clauses: ' att godkänna\r\nlistan ' }, { meetingId: MEETING_ID, itemId: null, clauses: 'att godkänna\nlistan', conflicts: null, reservations: null, reservationMotivation: null }],
    // the multi-select pickers send their values comma-separated; each must be a roster id
    [Verbs.recordDecision, { meetingId: MEETING_ID, clauses: 'att godkänna', conflicts: `${MEETING_ID},${MEETING_ID.toUpperCase()}`, reservations: MEETING_ID, reservationMotivation: ' Skäl ' },
      { meetingId: MEETING_ID, itemId: null, clauses: 'att godkänna', conflicts: [MEETING_ID], reservations: [MEETING_ID], reservationMotivation: 'Skäl' }],
    [Verbs.recordAction, { meetingId: MEETING_ID, itemId: ITEM_ID, text: 'Boka lokal', ownerMemberId: '', ownerName: ' Vaktmästaren ', dueDate: '' },
      { meetingId: MEETING_ID, itemId: ITEM_ID, text: 'Boka lokal', ownerMemberId: null, ownerName: 'Vaktmästaren', dueDate: null }],
    [Verbs.approve, { meetingId: MEETING_ID, documentVersionId: DOCUMENT_VERSION_ID }, { meetingId: MEETING_ID, documentVersionId: DOCUMENT_VERSION_ID }],
    [Verbs.requestChange, { meetingId: MEETING_ID, documentVersionId: DOCUMENT_VERSION_ID, comment: 'Stavfel i § 16' },
      { meetingId: MEETING_ID, documentVersionId: DOCUMENT_VERSION_ID, comment: 'Stavfel i § 16' }],
    [Verbs.confirmRemoveItem, { number: '5' }, { number: 5, meetingId: null }],
    // uuids are compared lower case; unknown fields are dropped
    [Verbs.refreshApproval, { meetingId: MEETING_ID.toUpperCase(), extra: '<script>' }, { meetingId: MEETING_ID }],
  ])('%s accepts %j', (verb, data, expected) => {
    expect(parseVerbData(verb, data)).toEqual(expected);
  });

  const action = { meetingId: MEETING_ID, itemId: ITEM_ID, text: 'Boka lokal', ownerMemberId: MEMBER_IDS[0], ownerName: 'Anna', dueDate: '2024-03-01' };
  it.each([
    ['no data', undefined],
    ['a string', 'meetingId'],
    ['an array', [MEETING_ID]],
    ['a missing meeting', { ...action, meetingId: undefined }],
    ['a meeting that is no uuid', { ...action, meetingId: "1' or '1'='1" }],
    ['a number as text', { ...action, text: 42 }],
    ['an object as text', { ...action, text: { toString: 'x' } }],
    ['text too long', { ...action, text: 'å'.repeat(MAX_TEXT_LENGTH + 1) }],
    ['a name too long', { ...action, ownerName: 'A'.repeat(MAX_NAME_LENGTH + 1) }],
    ['a name on two lines', { ...action, ownerName: 'Anna\nKarin' }],
    ['control characters', { ...action, text: 'Boka\u0000lokal' }],
    ['a date in another format', { ...action, dueDate: '1/3/2024' }],
    ['a date that does not exist', { ...action, dueDate: '2024-02-30' }],
    ['blank text', { ...action, text: '   ' }],
  ])('action.record refuses %s', (_name, data) => {
    expect(parseVerbData(Verbs.recordAction, data)).toBeNull();
  });

  it.each([
    ['a picked member that is no uuid', { conflicts: `${MEMBER_IDS[0]},x` }],
    ['a list of members as an array', { reservations: [MEMBER_IDS[0]] }],
    ['a motivation too long', { reservations: MEMBER_IDS[0], reservationMotivation: 'å'.repeat(MAX_TEXT_LENGTH + 1) }],
  ])('decision.record refuses %s', (_name, extra) => {
    expect(parseVerbData(Verbs.recordDecision, { meetingId: MEETING_ID, clauses: 'att godkänna', ...extra })).toBeNull();
  });

  it.each([
    [{ number: 0 }], [{ number: -1 }], [{ number: 1.5 }], [{ number: '5a' }], [{ number: '1e3' }],
  ])('agenda.remove-confirm refuses %j', (data) => {
    expect(parseVerbData(Verbs.confirmRemoveItem, data)).toBeNull();
  });

  it('refuses an unknown verb', () => {
    expect(parseVerbData('doThing' as never, { x: 1 })).toBeNull();
  });

  it('accepts the longest text allowed, å and emoji included', () => {
    const text = `${'å'.repeat(MAX_TEXT_LENGTH - 2)}😀`;
    expect(parseVerbData(Verbs.recordDecision, { meetingId: MEETING_ID, clauses: text })).toMatchObject({ clauses: text });
  });
});
