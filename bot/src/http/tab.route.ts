/** Serves the channel tab's built static files under /tab/ (no CDN, nothing fetched at run time). */
import fs from 'node:fs';
import path from 'node:path';
import restify, { type Server } from 'restify';

export function registerTabRoutes(server: Server, tabRoot: string): void {
  const built = path.join(tabRoot, 'dist');
  const directory = fs.existsSync(built) ? built : path.join(tabRoot, 'public');
  server.get('/tab', (_req, res, next) => {
    res.redirect(302, '/tab/', next);
  });
  server.get(
    '/tab/*',
    restify.plugins.serveStaticFiles(directory, { maxAge: 0 }),
  );
}
