/** The protokoll renderer the approval flow uses: record → document model → .docx bytes. */
import type { ProtokollRenderer } from '../core/use-cases/approval';
import { toProtokollDocument } from './protokoll.mapping';
import { renderDocx } from './protokoll.docx';

export const renderProtokollDocx: ProtokollRenderer = (record, render) => renderDocx(toProtokollDocument(record, render));
