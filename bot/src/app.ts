/**
 * Composition root: config → database → repositories → services → adapter → routes.
 * A short list of registrations; nothing else in the code base builds its own dependencies.
 * `index.ts` runs it as a process; tests run it in-process on a free port.
 */
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import type { Config } from './config';
import type { Logger } from './logger';
import { connect, type StoreConnection } from './store/database';
import { migrate } from './store/migrate';
import { DatabaseUnitOfWork } from './store/unit-of-work';
import { createHttpServer, closeGracefully } from './http/server';
import { registerHealthRoute } from './http/health.route';
import { registerMessagesRoute } from './http/messages.route';
import { registerTabRoutes } from './http/tab.route';
import { registerApiRoutes } from './http/api.routes';
import { registerProtokollRoutes } from './http/protokoll.routes';
import { registerLiveRoute } from './http/live.route';
import { registerPanelRoutes } from './http/panel.routes';
import { DatabaseMeetingChangeFeed } from './store/meeting-change-feed';
import { DevelopmentAuthenticator, EntraAuthenticator } from './http/auth';
import { RateLimitedAuthenticator } from './http/api-rate-limit';
import { createAdapter } from './teams/adapter';
import { ProtokollBot } from './teams/protokoll-bot';
import { ProactiveMessenger } from './teams/proactive';
import { ApprovalReminderJob } from './scheduler/approval-reminder.job';
import { BotFrameworkTeamMembership } from './teams/team-membership';
import { projectRoot } from './project-root';
import { protokollDocuments } from './documents/protokoll.documents';
import { createCalendarSource, createGraphClient } from './graph/calendar-source.factory';
import { GraphAttendanceReportSource } from './graph/attendance-report.source';
import { GraphOnlineMeetingSource } from './graph/online-meeting.source';
import { ChannelFiles } from './graph/channel-files';
import { ProtokollFiles } from './graph/protokoll-files';
import { ApprovalCards } from './teams/approval-cards';
import { TeamsNotifier } from './teams/teams-notifier';
import { TurnEnvelope } from './teams/turn-envelope';
import { CommandRateLimit } from './teams/command-rate-limit';
import { RateLimiter } from './core/rate-limit';
import { AttendanceReportJob } from './scheduler/attendance-report.job';
import { CalendarSync } from './scheduler/calendar-sync';
import { AgendaPoster } from './scheduler/agenda-poster';
import { MeetingChatLookup } from './scheduler/meeting-chat-lookup';
import { MeetingScheduler } from './scheduler/meeting-scheduler';
import { CalendarCommandsAdapter } from './scheduler/calendar-commands';
import { AgendaTimerJob } from './scheduler/agenda-timer.job';

export interface RunningApp {
  server: Server;
  store: StoreConnection;
  /** sends due justering reminders; run by the scheduler, and by tests with their own clock */
  approvalReminders: ApprovalReminderJob;
  /** agenda before meetings (calendar), RSVP warnings, reminders; `tick(now)` runs it once at `now` */
  scheduler: MeetingScheduler;
  /** live streams (GET /api/meetings/{id}/live) this instance has open */
  openLiveStreams(): number;
  /** base URL the server listens on, e.g. http://127.0.0.1:3978 */
  url: string;
  stop(): Promise<void>;
}

export interface AppOverrides {
  /** an already open store (tests share one per worker) */
  store?: StoreConnection;
}

export async function startApp(config: Config, logger: Logger, overrides: AppOverrides = {}): Promise<RunningApp> {
  const store =
    overrides.store ??
    (await connect({ databaseUrl: config.databaseUrl, schema: config.databaseSchema, dataDir: config.dataDir }));
  const applied = await migrate(store.db);
  logger.info({ database: store.description, applied }, 'database ready');

  const adapter = createAdapter(config.bot, logger, config.allowedServiceUrls, { connectorMs: config.timeouts.botConnectorMs, tokenCheckMs: config.timeouts.entraKeysMs });
  const uow = new DatabaseUnitOfWork(store.db);
  const proactive = new ProactiveMessenger(adapter, config.bot?.appId ?? '', uow, logger);
  const graph = createGraphClient(config, logger);
  const calendarSource = createCalendarSource(config, logger, graph);
  // With Microsoft Graph: documents go to the channel's files, and the attendance report is read after meetings.
  const files = graph ? new ProtokollFiles(uow, new ChannelFiles(graph), logger) : null;
  const notifier = new TeamsNotifier(uow, proactive, new ApprovalCards(uow, proactive, logger, config.teamsAppId, files), logger);
  const calendarSync = new CalendarSync(uow, calendarSource, notifier, logger, config.agendaLeadHours);
  const approvalReminders = new ApprovalReminderJob(uow, notifier, logger);
  const reports = graph ? new AttendanceReportJob(uow, new GraphAttendanceReportSource(graph), calendarSource, notifier, protokollDocuments, logger) : null;
  // A short join link names no meeting chat: with Graph it is looked up before the agenda is posted.
  const meetingChats = graph ? new MeetingChatLookup(uow, new GraphOnlineMeetingSource(graph), notifier, logger) : null;
  const scheduler = new MeetingScheduler(
    uow, calendarSync, new AgendaPoster(uow, notifier, logger, meetingChats), approvalReminders, logger, config.agendaLeadHours, reports, new AgendaTimerJob(uow, notifier, logger),
  );
  const calendar = new CalendarCommandsAdapter(uow, calendarSync, logger);
  const ownTenantId = config.bot?.appType === 'SingleTenant' ? config.bot.tenantId : null;
  // Teams is asked who belongs to a group's team: for binding a chat, and for the tab with real sign-in.
  const teamMembership = new BotFrameworkTeamMembership(adapter, config.bot?.appId ?? '', uow, logger);
  const envelope = new TurnEnvelope({ uow, documents: protokollDocuments, teamsAppId: config.teamsAppId, calendar, ownTenantId, membership: teamMembership }, logger);
  const commandLimit = new CommandRateLimit(new RateLimiter(config.rateLimits.commandsPerMinute));
  const bot = new ProtokollBot({ logger, envelope, notifier, commandLimit });

  const server = createHttpServer(logger);
  registerMessagesRoute(server, { logger, receive: (body, authorization) => adapter.receive(body, authorization, (context) => bot.run(context)) });
  registerHealthRoute(server, { db: store.db, databaseDescription: store.description, engine: store.engine, logger });
  const authenticator = new RateLimitedAuthenticator(
    config.entra ? new EntraAuthenticator(config.entra, config.timeouts.entraKeysMs) : new DevelopmentAuthenticator(),
    new RateLimiter(config.rateLimits.apiCallsPerMinute),
  );
  if (!config.entra) {
    const level = config.allowDevelopmentUser ? 'warn' : 'info';
    logger[level]({ allowDevelopmentUser: config.allowDevelopmentUser }, 'Flikens API tar emot anrop utan inloggning som utvecklingsanvändare (ingen ENTRA_CLIENT_ID)');
  }
  // With real sign-in, team members see their team's groups in the tab too (asked of Teams).
  const membership = config.entra ? teamMembership : undefined;
  registerApiRoutes(server, { uow, authenticator, logger, membership });
  registerProtokollRoutes(server, { uow, authenticator, logger, membership });
  const feed = await DatabaseMeetingChangeFeed.start(store);
  const liveStreams = registerLiveRoute(server, { uow, authenticator, logger, membership, feed });
  registerPanelRoutes(server, { uow, authenticator, logger, membership, documents: protokollDocuments, notifier });
  registerTabRoutes(server, path.join(projectRoot(), 'tab'), { sourceMaps: config.environment !== 'production' });

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${address.port}`;
  logger.info({ url, database: store.description }, 'Protokoll lyssnar');
  scheduler.start(config.schedulerIntervalSeconds);

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await scheduler.stop();
      // Open live streams never finish by themselves: end them, and the panels reconnect elsewhere.
      liveStreams.closeAll();
      await closeGracefully(server, config.shutdownGraceMs);
      await feed.close();
      if (!overrides.store) await store.close();
    })());
  return { server, store, url, stop, approvalReminders, scheduler, openLiveStreams: liveStreams.open };
}
