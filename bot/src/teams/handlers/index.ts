/** Every command's handler, in one table the compiler checks for completeness. */
import type { CommandHandlers } from './handler';
import { help } from './help.handler';
import { bindGroupHandler, clauseStyle, decidingBody, numbering, quorumRule, roster } from './group.handlers';
import { addItemHandler, addSubPointHandler, plannedTime, removeItemHandler, renameItemHandler, section, showAgenda } from './agenda.handlers';
import { end, goTo, next, place, start } from './meeting.handlers';
import {
  action, conflictOfInterest, decision, distribution, immediateAdjustment, information, note, postpone, presenters, recipients, reservation,
} from './minutes.handlers';
import { attendance, confirm, markAbsent, markPresent } from './attendance.handlers';
import { adjuster, approvalDeadline, approve, requestChange, standIn } from './approval.handlers';
import { calendar } from './calendar.handler';

export const commandHandlers: CommandHandlers = {
  help,
  'bind-group': bindGroupHandler,
  roster,
  'deciding-body': decidingBody,
  numbering,
  'quorum-rule': quorumRule,
  'clause-style': clauseStyle,
  calendar,
  'add-item': addItemHandler,
  'add-sub-point': addSubPointHandler,
  section,
  'rename-item': renameItemHandler,
  'remove-item': removeItemHandler,
  'show-agenda': showAgenda,
  start,
  next,
  'go-to': goTo,
  end,
  presenters,
  note,
  decision,
  information,
  conflict: conflictOfInterest,
  reservation,
  'immediate-adjustment': immediateAdjustment,
  action,
  postpone,
  recipients,
  distribution,
  place,
  'planned-time': plannedTime,
  attendance,
  'mark-present': markPresent,
  'mark-absent': markAbsent,
  'confirm-identity': confirm,
  adjuster,
  'stand-in': standIn,
  'approval-deadline': approvalDeadline,
  approve,
  'request-change': requestChange,
};
