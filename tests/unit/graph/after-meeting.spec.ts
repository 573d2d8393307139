/** Pure parts of the after-meeting Graph work: the organizer in a join link, and document file names. */
import { organizerInJoinUrl } from '../../../bot/src/scheduler/meeting-organizer';
import { documentFileName } from '../../../bot/src/graph/protokoll-files';
import type { Group, Meeting } from '../../../bot/src/core/model';

describe('organizerInJoinUrl', () => {
  it('reads the Oid from the context of a classic join link', () => {
    const url = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%2c%22Oid%22%3a%22c0000000-0000-4000-8000-000000000001%22%7d';
    expect(organizerInJoinUrl(url)).toBe('c0000000-0000-4000-8000-000000000001');
  });

  it.each([
    ['a short /meet/ link', 'https://teams.microsoft.com/meet/123456?p=abc'],
    ['a context that is not JSON', 'https://teams.microsoft.com/l/meetup-join/x/0?context=%7bnope'],
    ['an Oid that is not a GUID', 'https://teams.microsoft.com/l/meetup-join/x/0?context=%7b%22Oid%22%3a%22..%2f..%22%7d'],
    ['no link', null],
  ])('gives null for %s', (_name, url) => {
    expect(organizerInJoinUrl(url)).toBeNull();
  });
});

describe('documentFileName', () => {
  const group = { name: 'Samverkansgrupp att åldras', documentKind: 'Sammanträdesprotokoll' } as Group;
  const meeting = { startedAt: '2024-02-16T12:00:00.000Z', startsAt: null } as Meeting;
  const version = (n: number, final = false) => ({ id: 'v', meetingId: 'm', version: n, sha256: '', final, createdAt: '2024-02-16T13:00:00.000Z' });

  it('names drafts by version and the locked protokoll as justerat', () => {
    expect(documentFileName(group, meeting, version(2))).toBe('Protokoll Samverkansgrupp att åldras 2024-02-16 v2.docx');
    expect(documentFileName(group, meeting, version(3, true))).toBe('Protokoll Samverkansgrupp att åldras 2024-02-16 justerat.docx');
  });

  it('uses the document kind of informal groups and leaves out characters SharePoint refuses', () => {
    const notes = { name: 'LSVO: ledning/stab', documentKind: 'Minnesanteckningar' } as Group;
    expect(documentFileName(notes, meeting, version(1))).toBe('Minnesanteckningar LSVO- ledning-stab 2024-02-16 v1.docx');
  });
});
