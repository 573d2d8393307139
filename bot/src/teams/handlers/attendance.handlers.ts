/** `närvaro`, `närvarande <namn>`, `frånvarande <namn>`. */
import { markAttendance } from '../../core/use-cases/attendance';
import { attendanceView } from '../../core/use-cases/attendance-view';
import { confirmIdentity } from '../../core/use-cases/teams-identity';
import { buildAttendanceCard } from '../../cards/attendance.card';
import { inGroup } from './handler';

export const attendance = inGroup<'attendance'>('read', async (_command, { repos, ctx }) => ({ card: buildAttendanceCard(await attendanceView(repos, ctx.group, ctx.at)) }));

export const markPresent = inGroup<'mark-present'>('record', async (command, { repos, ctx }) => markAttendance(repos, ctx, { name: command.name }, true));

export const confirm = inGroup<'confirm-identity'>('record', async (command, { repos, ctx }) => confirmIdentity(repos, ctx, { name: command.name }));

export const markAbsent = inGroup<'mark-absent'>('record', async (command, { repos, ctx }) => markAttendance(repos, ctx, { name: command.name }, false));
