/**
 * One runtime and one test command everywhere, checked statically: production runs Node 24 LTS
 * (Bicep, documents, deploy workflow), `engines` says what is supported, `.ci/run`, the README and
 * .github/workflows/ci.yml run the same install and test commands on Node 20 and 24, and the deploy
 * workflow signs in with OpenID Connect and zip-deploys what `npm run stage` builds, with no secret.
 * Plus the one runtime check that needs no server: restify loads on this Node without DEP0111.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import yaml from 'js-yaml';

const root = path.join(__dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const exists = (file: string) => fs.existsSync(path.join(root, file));
const pkg = JSON.parse(read('package.json')) as {
  engines: { node: string };
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  overrides?: Record<string, string>;
};

interface WorkflowStep { name?: string; uses?: string; run?: string; with?: Record<string, unknown> }
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, {
    'runs-on': string;
    if?: string;
    container?: { image: string };
    strategy?: { matrix: Record<string, unknown[]> };
    services?: Record<string, { image: string; env?: Record<string, string> }>;
    env?: Record<string, string>;
    permissions?: Record<string, string>;
    steps: WorkflowStep[];
  }>;
}
const workflow = (file: string) => yaml.load(read(file)) as Workflow;
const runs = (wf: Workflow) => Object.values(wf.jobs).flatMap((job) => job.steps.flatMap((s) => (s.run ? [s.run.trim()] : [])));

/** `npm ci && npm test` → ['npm ci', 'npm test']: the install and test commands of a line. */
const commands = (line: string) => line.split('&&').map((c) => c.trim());

/** The test command as .ci/run runs it on the machine's Node, and as the README gives it. */
function ciTestLine(): string {
  const line = read('.ci/run').split('\n').find((l) => /^npm ci && npm test$/.test(l.trim()));
  if (!line) throw new Error('.ci/run has no line `npm ci && npm test`');
  return line.trim();
}

/** Every `npm run X`, `node path` and `bash path` in a command, checked against package.json and the tree. */
function referencesExist(command: string): string[] {
  const problems: string[] = [];
  for (const m of command.matchAll(/npm run (?:-s )?([\w:.-]+)/g)) if (!pkg.scripts[m[1]!]) problems.push(`npm run ${m[1]}`);
  for (const m of command.matchAll(/(?:^|\s)(?:node|bash) ((?:\.\/)?[\w./-]+\.(?:js|sh))/g)) if (!exists(m[1]!)) problems.push(m[1]!);
  return problems;
}

describe('runtime', () => {
  it('runs production on Node 24 LTS', () => {
    expect(read('infra/modules/webapp.bicep')).toMatch(/linuxFxVersion: 'NODE\|24-lts'/);
    const infra = ['infra/main.bicep', 'infra/modules/webapp.bicep', 'infra/README.md'].map(read).join('\n');
    expect(infra).not.toMatch(/NODE\|2[02]|Node 20 LTS|Node 22 LTS/);
    expect(read('infra/README.md')).toContain('Node 24 LTS');
    expect(read('README.md')).toContain('Node 24 LTS');
  });

  it('states the supported Node versions in engines, and the running Node is one of them', () => {
    expect(pkg.engines.node).toBe('^20.19.0 || ^22.12.0 || >=24.0.0');
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
    const supported = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 24;
    expect({ node: process.version, supported }).toEqual({ node: process.version, supported: true });
  });

  it('records the Node decision in the README: Node 20 for development until restify 12 and Kysely 0.29', () => {
    const readme = read('README.md');
    for (const phrase of ['Node 20', 'restify 12', 'Kysely 0.29', 'npm run test:node24']) expect(readme).toContain(phrase);
  });

  it('keeps restify 11 and Kysely 0.28, with restify\'s unused spdy replaced by the local stand-in', () => {
    expect(pkg.dependencies.restify).toMatch(/^\^11\./);
    expect(pkg.dependencies.kysely).toMatch(/^\^0\.28\./);
    expect(pkg.dependencies.spdy).toBe('file:vendor/spdy-not-used');
    expect(pkg.overrides).toEqual({ spdy: '$spdy' });
    expect(JSON.parse(read('vendor/spdy-not-used/package.json')).name).toBe('spdy');
  });

  it('loads restify on this Node without the http_parser binding (a crash on Node 24, DEP0111 on 20)', () => {
    const load = spawnSync(process.execPath, ['-e', "require('restify'); process.stdout.write(typeof require('spdy').createServer)"], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30000,
    });
    expect({ status: load.status, stdout: load.stdout }).toEqual({ status: 0, stdout: 'function' });
    expect(load.stderr).not.toMatch(/DEP0111|http_parser/);
    // The stand-in refuses the one thing restify would use it for: createServer({ spdy }).
    const spdy = spawnSync(process.execPath, ['-e', "require('spdy').createServer({})"], { cwd: root, encoding: 'utf8', timeout: 30000 });
    expect(spdy.status).not.toBe(0);
  });
});

describe('test command', () => {
  const line = ciTestLine();

  it('is npm ci && npm test, the same in .ci/run and in the README', () => {
    expect(line).toBe('npm ci && npm test');
    expect(read('README.md')).toContain(line);
    expect(read('README.md')).not.toMatch(/npm install && npm (start|test)/);
  });

  it('runs again on Node 24 in .ci/run through npx, with nothing added to the lock file', () => {
    expect(read('.ci/run')).toMatch(/^npm run test:node24$/m);
    expect(pkg.scripts['test:node24']).toBe('npx -y -p node@24 -c "node --version && npm test"');
    expect(read('package-lock.json')).not.toMatch(/"node_modules\/node"/);
  });
});

describe('.github/workflows/ci.yml', () => {
  const wf = workflow('.github/workflows/ci.yml');
  const job = Object.values(wf.jobs)[0]!;

  it('opens with a comment and runs on pushes and pull requests', () => {
    expect(read('.github/workflows/ci.yml').startsWith('# ')).toBe(true);
    expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
  });

  it('tests on Node 20 and Node 24, with a PostgreSQL service as DATABASE_URL', () => {
    expect(job.strategy!.matrix.node).toEqual([20, 24]);
    expect(job.container!.image).toBe('node:${{ matrix.node }}-bookworm');
    expect(job.services!.postgres!.image).toMatch(/^postgres:\d+$/);
    expect(job.env!.DATABASE_URL).toBe('postgres://postgres@postgres:5432/test');
  });

  it('runs the commands of .ci/run, in order, and fails when they change the work tree', () => {
    const steps = runs(wf);
    const positions = commands(ciTestLine()).map((c) => steps.indexOf(c));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(steps.some((s) => s.includes('git status --porcelain'))).toBe(true);
    expect(steps.flatMap(referencesExist)).toEqual([]);
  });
});

describe('.github/workflows/deploy.yml', () => {
  const text = read('.github/workflows/deploy.yml');
  const wf = workflow('.github/workflows/deploy.yml');
  const job = Object.values(wf.jobs)[0]!;
  const steps = job.steps;

  it('opens with a comment, deploys after CI passed on main or by hand, one at a time', () => {
    expect(text.startsWith('# ')).toBe(true);
    expect(wf.on).toMatchObject({ workflow_run: { workflows: ['CI'], types: ['completed'], branches: ['main'] }, workflow_dispatch: null });
    expect(job.if).toContain("github.event.workflow_run.conclusion == 'success'");
    expect(yaml.load(read('.github/workflows/ci.yml'))).toMatchObject({ name: 'CI' });
  });

  it('signs in to Azure with OpenID Connect: an id token, repository variables, no secret anywhere', () => {
    expect(wf.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
    const login = steps.find((s) => s.uses?.startsWith('azure/login@'))!;
    expect(login.with).toEqual({
      'client-id': '${{ vars.AZURE_CLIENT_ID }}',
      'tenant-id': '${{ vars.AZURE_TENANT_ID }}',
      'subscription-id': '${{ vars.AZURE_SUBSCRIPTION_ID }}',
    });
    for (const file of ['.github/workflows/ci.yml', '.github/workflows/deploy.yml']) {
      expect(read(file)).not.toMatch(/secrets\.|publish-profile|client-secret|creds:/);
    }
  });

  it('builds on Node 24, the runtime of the web app, from the lock file', () => {
    const setup = steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!;
    expect(setup.with!['node-version']).toBe(24);
    expect(read('infra/modules/webapp.bicep')).toContain(`NODE|${setup.with!['node-version']}-lts`);
    expect(runs(wf).slice(0, 3)).toEqual(['npm ci', 'npm run build', 'npm run stage']);
  });

  it('zip-deploys the staged build/app with az webapp deploy, as infra/README.md does by hand', () => {
    const all = runs(wf);
    expect(all).toContain('cd build/app && zip -qr ../app.zip .');
    const deploy = all.find((r) => r.startsWith('az webapp deploy'))!;
    expect(deploy).toMatch(/--src-path build\/app\.zip/);
    expect(deploy).toMatch(/--type zip/);
    expect(read('infra/README.md')).toContain('--src-path build/app.zip --type zip');
    expect(all.flatMap(referencesExist)).toEqual([]);
    expect(all.some((r) => r.includes('/healthz'))).toBe(true);
  });

  it('names the repository variables in infra/README.md', () => {
    const variables = [...new Set([...text.matchAll(/vars\.([A-Z_]+)/g)].map((m) => m[1]!))];
    expect(variables.sort()).toEqual(['AZURE_CLIENT_ID', 'AZURE_RESOURCE_GROUP', 'AZURE_SUBSCRIPTION_ID', 'AZURE_TENANT_ID', 'AZURE_WEBAPP_NAME']);
    const guide = read('infra/README.md');
    for (const variable of variables) expect(guide).toContain(variable);
  });
});
