/**
 * Serves the channel tab's built static files under /tab/ (no CDN, nothing fetched at run time),
 * each with a Content Security Policy that lets only Teams and Outlook frame the tab and only its
 * own bundled scripts run. Source maps are served in development only.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import restify, { type Server } from 'restify';
import { PROTOKOLL_CSS } from '../documents/protokoll.html.css';
import { sendError } from './errors';

export interface TabRouteOptions {
  /** `.js.map` files are answered (development) or 404 (production) */
  sourceMaps: boolean;
}

/**
 * The hosts that may show the tab in a frame, as Microsoft lists them for Teams, Outlook and the
 * Microsoft 365 app ("Prerequisites" of Teams tabs), the cloud.microsoft domains included.
 */
export const TAB_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.skype.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.microsoft365.com',
];

/**
 * Scripts, styles and API calls from our own origin only. teams-js talks to its host by
 * postMessage and fetches Microsoft's current list of host origins from res.cdn.office.net (it
 * falls back to its built-in list). The protokoll preview is a blob: document in a sandboxed
 * frame; it inherits this policy, so its one constant style sheet is allowed by its hash.
 * 'self' among the frame ancestors lets the tab hold that preview frame.
 */
export function tabContentSecurityPolicy(): string {
  const previewStyle = `'sha256-${createHash('sha256').update(PROTOKOLL_CSS, 'utf8').digest('base64')}'`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' ${previewStyle}`,
    "connect-src 'self' https://res.cdn.office.net",
    'frame-src blob:',
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    `frame-ancestors 'self' ${TAB_FRAME_ANCESTORS.join(' ')}`,
  ].join('; ');
}

export function registerTabRoutes(server: Server, tabRoot: string, options: TabRouteOptions): void {
  const built = path.join(tabRoot, 'dist');
  const serveBuilt = restify.plugins.serveStaticFiles(built, { maxAge: 0 });
  const servePublic = restify.plugins.serveStaticFiles(path.join(tabRoot, 'public'), { maxAge: 0 });
  // Chosen per request, not at start: a server started before the tab was built (a fresh checkout,
  // `npm start` while `npm run build` runs) serves the bundles as soon as they exist.
  const serveTab: restify.RequestHandler = (req, res, next) => (fs.existsSync(built) ? serveBuilt : servePublic)(req, res, next);
  const policy = tabContentSecurityPolicy();
  server.get('/tab', (_req, res, next) => {
    res.redirect(302, '/tab/', next);
  });
  server.get(
    '/tab/*',
    (req, res, next) => {
      res.setHeader('content-security-policy', policy);
      if (!options.sourceMaps && /\.map$/i.test(decodedFully(req.path()))) {
        sendError(res, 404, 'not-found', 'Adressen finns inte.');
        return next(false);
      }
      return next();
    },
    serveTab,
  );
}

/** The path as the file server will see it, however many times it was percent-encoded. */
function decodedFully(value: string): string {
  let current = value;
  for (let round = 0; round < 5; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}
