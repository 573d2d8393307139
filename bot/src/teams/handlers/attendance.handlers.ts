/** `närvaro`, `närvarande <namn>`, `frånvarande <namn>`. */
import { markAttendance } from '../../core/use-cases/attendance';
import { attendanceView } from '../../core/use-cases/attendance-view';
import { buildAttendanceCard } from '../../cards/attendance.card';
import type { CommandHandler } from './handler';
import { recordMinutesReply } from './draft-edit';

export const attendance: CommandHandler<'attendance'> = async (_command, env) => {
  const view = await env.inGroup((repos, ctx) => attendanceView(repos, ctx.group, ctx.at));
  return { card: buildAttendanceCard(view) };
};

// After the meeting a correction changes the draft: recorded like the minutes (a new version at once).
export const markPresent: CommandHandler<'mark-present'> = async (command, env) =>
  recordMinutesReply(env, (repos, ctx) => markAttendance(repos, ctx, { name: command.name }, true));

export const markAbsent: CommandHandler<'mark-absent'> = async (command, env) =>
  recordMinutesReply(env, (repos, ctx) => markAttendance(repos, ctx, { name: command.name }, false));
