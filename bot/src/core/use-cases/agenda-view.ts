/** `dagordning`: the numbered agenda of the next (or current) meeting, ready for the agenda card. */
import type { AgendaItem, Group, IsoTime, Meeting } from '../model';
import type { Repositories } from '../ports';
import { formatParagraphNumber, subPointLabel } from '../numbering';
import { formatLongDate } from '../swedish-time';
import { mainItems, meetingYear, subPointsOf } from './agenda-order';
import { openMeetingFor } from './open-meeting';

export interface AgendaEntryView {
  itemId: string;
  label: string;
  title: string;
  typeTag: string | null;
  presenters: string[];
  section: string | null;
  current: boolean;
  carriedOver: boolean;
  /** the agenda timer's plan (`tid`), null or absent when none */
  plannedMinutes?: number | null;
  subPoints: Array<{ itemId: string; label: string; title: string; typeTag: string | null; current: boolean; plannedMinutes?: number | null }>;
}

export interface AgendaView {
  meetingId: string;
  groupName: string;
  /** "Måndag den 18 januari 2021" or "Datum ej bestämt" */
  dateLine: string;
  status: Meeting['status'];
  entries: AgendaEntryView[];
}

export async function agendaView(repos: Repositories, group: Group, at: IsoTime): Promise<AgendaView> {
  const { meeting, items } = await openMeetingFor(repos, group, at);
  return buildAgendaView(group, meeting, items, at);
}

export function buildAgendaView(group: Group, meeting: Meeting, items: AgendaItem[], at: IsoTime): AgendaView {
  const year = meetingYear(meeting, at);
  const when = meeting.startedAt ?? meeting.startsAt;
  return {
    meetingId: meeting.id,
    groupName: group.name,
    dateLine: when ? formatLongDate(when) : 'Datum ej bestämt',
    status: meeting.status,
    entries: mainItems(items).map((item) => ({
      itemId: item.id,
      label: formatParagraphNumber(group.numberingStyle, item.number ?? 0, year),
      title: item.title,
      typeTag: item.typeTag,
      presenters: item.presenters,
      section: item.section,
      current: item.id === meeting.currentItemId,
      carriedOver: item.carriedFromItemId !== null,
      ...(item.plannedMinutes ? { plannedMinutes: item.plannedMinutes } : {}),
      subPoints: subPointsOf(items, item.id).map((sub, index) => ({
        itemId: sub.id,
        label: subPointLabel(index),
        title: sub.title,
        typeTag: sub.typeTag,
        current: sub.id === meeting.currentItemId,
        ...(sub.plannedMinutes ? { plannedMinutes: sub.plannedMinutes } : {}),
      })),
    })),
  };
}
