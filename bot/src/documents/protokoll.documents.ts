/**
 * The protokoll documents the core asks for (the ProtokollDocuments port): record → document
 * model → .docx bytes, and the digest of what a record prints, which the draft rule compares after
 * every write during justering.
 */
import { createHash } from 'node:crypto';
import type { MeetingRecord, ProtokollDocuments } from '../core/ports';
import { toProtokollDocument } from './protokoll.mapping';
import { renderDocx } from './protokoll.docx';

/** The document model without what differs between versions of the same content. */
function printedContent(record: MeetingRecord): unknown {
  const { meeting } = record;
  // The time of rendering only prints when the meeting has no time of its own: pin it to the meeting.
  const renderedAt = meeting.endedAt ?? meeting.startedAt ?? meeting.startsAt ?? '1970-01-01T00:00:00.000Z';
  const { status: _status, versionLabel: _version, createdAt: _created, approval: _approval, ...content } = toProtokollDocument(record, {
    status: 'justering', version: 0, renderedAt,
  });
  return content;
}

export const protokollDocuments: ProtokollDocuments = {
  render: (record, info) => renderDocx(toProtokollDocument(record, info)),
  contentDigest: (record) => createHash('sha256').update(JSON.stringify(printedContent(record))).digest('hex'),
};
