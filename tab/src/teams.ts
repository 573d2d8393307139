/**
 * The only module that talks to Teams (@microsoft/teams-js v2). Outside Teams `initialize` never
 * answers: after a short wait the tab carries on without Teams (development, tests, a browser).
 */
import { app, authentication, pages } from '@microsoft/teams-js';

export type TeamsTheme = 'default' | 'dark' | 'contrast';

export interface TeamsInfo {
  theme: TeamsTheme;
  teamName: string | null;
  channelId: string | null;
  channelName: string | null;
  userName: string | null;
  /** the sub-entity id a deep link opened the tab with (`meeting:<id>` opens that meeting's preview) */
  subPageId: string | null;
  /** set when the tab is added to a meeting (side panel, meeting chat or details): the page is then the meeting panel */
  meetingId: string | null;
  /** the chat the page is opened in; in a meeting, the meeting chat, which tells the server the meeting */
  chatId: string | null;
}

let connected = false;

export function inTeams(): boolean {
  return connected;
}

export function asTheme(value: string | null | undefined): TeamsTheme | null {
  return value === 'default' || value === 'dark' || value === 'contrast' ? value : null;
}

/** Connects to the Teams host; null when the page is not hosted by Teams. */
export async function connectToTeams(timeoutMs = 1500): Promise<TeamsInfo | null> {
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs));
  try {
    const outcome = await Promise.race([app.initialize().then(() => 'ok' as const), timeout]);
    if (outcome !== 'ok') return null;
    connected = true;
    const context = await app.getContext();
    // Tells Teams the tab has loaded; the tab works whether or not Teams acknowledges it, so it is not awaited.
    void app.notifySuccess();
    return {
      theme: asTheme(context.app.theme) ?? 'default',
      teamName: context.team?.displayName ?? null,
      channelId: context.channel?.id ?? null,
      channelName: context.channel?.displayName ?? null,
      userName: context.user?.userPrincipalName ?? null,
      subPageId: context.page?.subPageId || null,
      meetingId: context.meeting?.id ?? null,
      chatId: context.chat?.id ?? null,
    };
  } catch {
    return null;
  }
}

export function onThemeChange(handler: (theme: TeamsTheme) => void): void {
  if (!connected) return;
  app.registerOnThemeChangeHandler((theme) => handler(asTheme(theme) ?? 'default'));
}

/** The tab's SSO token, or null (not in Teams, or no Entra ID app configured for the tab). */
export async function ssoToken(): Promise<string | null> {
  if (!connected) return null;
  try {
    return await authentication.getAuthToken();
  } catch {
    return null;
  }
}

export interface TabSettings {
  contentUrl: string;
  entityId: string;
}

/**
 * The configuration page: Save is enabled at once; pressing it stores whatever `current()` gives
 * at that moment (the chosen group is part of the content URL).
 */
export function registerConfigSave(current: () => TabSettings): boolean {
  if (!connected) return false;
  pages.config.registerOnSaveHandler((saveEvent) => {
    const settings = current();
    pages.config
      .setConfig({ contentUrl: settings.contentUrl, websiteUrl: settings.contentUrl, entityId: settings.entityId, suggestedDisplayName: 'Protokoll' })
      .then(() => saveEvent.notifySuccess())
      .catch((error: unknown) => saveEvent.notifyFailure(error instanceof Error ? error.message : 'Fliken kunde inte sparas.'));
  });
  pages.config.setValidityState(true);
  return true;
}
