/**
 * What every page does first: connect to Teams (or not), apply the theme, find out who is calling
 * and show the development banner when the server has no Entra ID app.
 */
import { api, type Me } from './api';
import { asTheme, connectToTeams, onThemeChange, type TeamsInfo, type TeamsTheme } from './teams';

export interface Session {
  teams: TeamsInfo | null;
  me: Me;
  query: URLSearchParams;
}

export const DEVELOPMENT_BANNER = 'Utvecklingsläge: du är inloggad som utvecklingsanvändare';

export function applyTheme(theme: TeamsTheme): void {
  document.documentElement.dataset.theme = theme;
}

export async function startSession(banner: HTMLElement): Promise<Session> {
  const query = new URLSearchParams(location.search);
  const forced = asTheme(query.get('theme'));
  if (forced) applyTheme(forced);
  const teams = await connectToTeams();
  if (!forced) applyTheme(teams?.theme ?? 'default');
  onThemeChange((theme) => {
    if (!forced) applyTheme(theme);
  });
  const me = await api.me();
  if (me.developmentUser) {
    banner.textContent = DEVELOPMENT_BANNER;
    banner.hidden = false;
  }
  return { teams, me, query };
}
