/**
 * The Microsoft 365 Agents Toolkit project, checked offline (no tenant, subscription or toolkit
 * here): m365agents.yml and m365agents.local.yml parse, use only documented actions with their
 * required parameters (yml schema v1.11), name files that exist and npm scripts that exist, and
 * every ${{VARIABLE}} they, the Bicep parameters file and the Entra ID manifest use is defined in
 * env/.env.<env> or written by an earlier step; the parameters match infra/main.bicep, secrets come
 * only from SECRET_ variables, and the variables handed to the app are the ones in .env.example.
 */
import { bicepParams } from './bicep-params';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

const root = path.join(__dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const exists = (file: string) => fs.existsSync(path.join(root, file));

interface Step {
  uses: string;
  name?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface Project {
  version: string;
  environmentFolderPath?: string;
  provision?: Step[];
  deploy?: Step[];
  publish?: Step[];
}

/**
 * The actions this project uses, as the toolkit's yml schema v1.11 defines them: the parameters
 * under `with` (required and optional) and the outputs `writeToEnvironmentFile` may name.
 */
const ACTIONS: Record<string, { required: string[]; optional?: string[]; outputs?: string[]; requiredOutputs?: string[] }> = {
  'aadApp/create': {
    required: ['name', 'generateClientSecret', 'signInAudience'],
    optional: ['generateServicePrincipal', 'serviceManagementReference', 'clientSecretExpireDays', 'clientSecretDescription', 'uniqueName'],
    outputs: ['clientId', 'objectId', 'clientSecret', 'tenantId', 'authority', 'authorityHost'],
    requiredOutputs: ['clientId', 'objectId'],
  },
  'aadApp/update': { required: ['manifestPath', 'outputFilePath'] },
  'arm/deploy': { required: ['subscriptionId', 'resourceGroupName', 'templates'], optional: ['bicepCliVersion'] },
  'teamsApp/create': { required: ['name'], outputs: ['teamsAppId'], requiredOutputs: ['teamsAppId'] },
  'teamsApp/validateManifest': { required: ['manifestPath'] },
  'teamsApp/zipAppPackage': { required: ['manifestPath', 'outputZipPath', 'outputFolder'] },
  'teamsApp/validateAppPackage': { required: ['appPackagePath'] },
  'teamsApp/update': { required: ['appPackagePath'] },
  'teamsApp/publishAppPackage': { required: ['appPackagePath'], outputs: ['publishedAppId'], requiredOutputs: ['publishedAppId'] },
  'cli/runNpmCommand': { required: ['args'], optional: ['workingDirectory'] },
  script: { required: ['run'], optional: ['workingDirectory', 'shell', 'timeout', 'redirectTo'] },
  'azureAppService/zipDeploy': {
    required: ['artifactFolder', 'resourceId'],
    optional: ['workingDirectory', 'ignoreFile', 'dryRun', 'outputZipFile'],
  },
};
const STEP_KEYS = ['uses', 'name', 'env', 'with', 'writeToEnvironmentFile'];
/** The toolkit sets or asks for these itself; the env files may still give them. */
const BUILT_IN = new Set(['TEAMSFX_ENV', 'APP_NAME_SUFFIX', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME']);
/** The package that `npm run package` writes and the folder that `npm run stage` fills. */
const APP_PACKAGE = './manifest/build/protokoll.zip';
const STAGED_APP = './build/app';

const placeholders = (text: string) => [...text.matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1]!);

function envFile(file: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of read(file).split('\n')) {
    const match = line.match(/^([A-Z][A-Z0-9_]*)=(.*)$/);
    if (match) values.set(match[1]!, match[2]!);
  }
  return values;
}

/** Upper-case outputs of main.bicep: arm/deploy writes each to the environment under that name. */
const bicepEnvOutputs = () => [...read('infra/main.bicep').matchAll(/^output ([A-Z][A-Z0-9_]*) /gm)].map((m) => m[1]!);


/** What a step writes to the environment: its declared outputs, a script's ::set-teamsfx-env lines, arm/deploy's outputs. */
function written(step: Step): string[] {
  const names = Object.values(step.writeToEnvironmentFile ?? {});
  if (step.uses === 'script') {
    const script = String(step.with?.run).match(/^node (\S+)/)?.[1];
    if (script) names.push(...[...read(script).matchAll(/::set-teamsfx-env ([A-Z0-9_]+)=/g)].map((m) => m[1]!));
  }
  if (step.uses === 'arm/deploy') names.push(...bicepEnvOutputs());
  return names;
}

/** Files a step reads whose ${{…}} the toolkit fills: the parameters file of arm/deploy, the Entra manifest. */
function filesFilled(step: Step): string[] {
  if (step.uses === 'arm/deploy') {
    return (step.with!.templates as Array<{ parameters?: string }>).flatMap((t) => (t.parameters ? [t.parameters] : []));
  }
  if (step.uses === 'aadApp/update') return [String(step.with!.manifestPath)];
  return [];
}

const packageScripts = JSON.parse(read('package.json')).scripts as Record<string, string>;

const projects = [
  { file: 'm365agents.yml', env: 'env/.env.dev' },
  { file: 'm365agents.local.yml', env: 'env/.env.local' },
];

describe.each(projects)('$file', ({ file, env }) => {
  const text = read(file);
  const project = yaml.load(text) as Project;
  const lifecycles = (['provision', 'deploy', 'publish'] as const).filter((name) => project[name]);
  const envValues = envFile(env);

  it('opens with a comment, names the v1.11 schema and keeps its environments in env/', () => {
    expect(text.startsWith('# ')).toBe(true);
    expect(text).toContain('# yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/v1.11/yaml.schema.json');
    expect(project.version).toBe('v1.11');
    expect(project.environmentFolderPath).toBe('./env');
    expect(Object.keys(project).filter((key) => !['version', 'environmentFolderPath', 'provision', 'deploy', 'publish'].includes(key))).toEqual([]);
    expect(lifecycles.length).toBeGreaterThan(0);
  });

  it('uses only documented actions, each with its required parameters and no unknown ones', () => {
    for (const lifecycle of lifecycles) {
      for (const step of project[lifecycle]!) {
        const action = ACTIONS[step.uses];
        expect({ uses: step.uses, known: !!action }).toEqual({ uses: step.uses, known: true });
        expect(Object.keys(step).filter((key) => !STEP_KEYS.includes(key))).toEqual([]);
        const params = Object.keys(step.with ?? {});
        expect({ uses: step.uses, missing: action!.required.filter((p) => !params.includes(p)) }).toEqual({ uses: step.uses, missing: [] });
        expect({ uses: step.uses, unknown: params.filter((p) => ![...action!.required, ...(action!.optional ?? [])].includes(p)) }).toEqual({
          uses: step.uses,
          unknown: [],
        });
        const outputs = Object.keys(step.writeToEnvironmentFile ?? {});
        expect(outputs.filter((o) => !(action!.outputs ?? []).includes(o))).toEqual([]);
        expect((action!.requiredOutputs ?? []).filter((o) => !outputs.includes(o))).toEqual([]);
        // Secrets are written only to SECRET_ variables, which the toolkit keeps in the .user file.
        for (const [output, variable] of Object.entries(step.writeToEnvironmentFile ?? {})) {
          if (/secret|password/i.test(output)) expect(variable).toMatch(/^SECRET_[A-Z0-9_]+$/);
          else expect(variable).toMatch(/^[A-Z][A-Z0-9_]*$/);
        }
      }
    }
  });

  it('names files, scripts and npm scripts that exist, and the package and staging paths the scripts write', () => {
    for (const lifecycle of lifecycles) {
      for (const step of project[lifecycle]!) {
        const w = step.with ?? {};
        if (step.uses === 'arm/deploy') {
          for (const template of w.templates as Array<{ path: string; parameters?: string; deploymentName: string }>) {
            expect(exists(template.path)).toBe(true);
            if (template.parameters) expect(exists(template.parameters)).toBe(true);
            expect(template.deploymentName).toMatch(/^[\w-]+$/);
          }
        }
        if (step.uses === 'aadApp/update') expect(exists(String(w.manifestPath))).toBe(true);
        if (step.uses === 'script') {
          const script = String(w.run).match(/^node (\S+)$/)?.[1];
          expect(script && exists(script)).toBeTruthy();
        }
        if (step.uses === 'cli/runNpmCommand') {
          const [command, scriptName] = String(w.args).split(/\s+/);
          expect(['ci', 'run']).toContain(command);
          if (command === 'run') expect(Object.keys(packageScripts)).toContain(scriptName);
        }
        if ('appPackagePath' in w) expect(w.appPackagePath).toBe(APP_PACKAGE);
        if (step.uses === 'azureAppService/zipDeploy') expect(w.artifactFolder).toBe(STAGED_APP);
      }
    }
    expect(read('scripts/package-manifest.js')).toContain("path.join(manifestDir, 'build', 'protokoll.zip')");
    expect(read('scripts/stage-app.js')).toContain("path.join(ROOT, 'build', 'app')");
    expect(packageScripts.package).toBe('node scripts/package-manifest.js');
    expect(packageScripts.stage).toBe('node scripts/stage-app.js');
  });

  it('builds (and stages) before it validates, uploads or deploys what was built', () => {
    for (const lifecycle of lifecycles) {
      const steps = project[lifecycle]!;
      const index = (predicate: (s: Step) => boolean) => steps.findIndex(predicate);
      const packaged = index((s) => s.uses === 'cli/runNpmCommand' && s.with?.args === 'run package');
      const usesPackage = index((s) => !!s.with && 'appPackagePath' in s.with);
      if (usesPackage >= 0) expect(packaged).toBeGreaterThanOrEqual(0);
      if (usesPackage >= 0) expect(packaged).toBeLessThan(usesPackage);
      const deployed = index((s) => s.uses === 'azureAppService/zipDeploy');
      if (deployed >= 0) {
        const order = ['ci', 'run build', 'run stage'].map((args) => index((s) => s.uses === 'cli/runNpmCommand' && s.with?.args === args));
        expect(order.every((i) => i >= 0)).toBe(true);
        expect([...order, deployed]).toEqual([...order, deployed].sort((a, b) => a - b));
      }
    }
  });

  it('defines every variable before a step uses it, in the yml and in the files the toolkit fills', () => {
    for (const lifecycle of lifecycles) {
      const available = new Set([...envValues.keys(), ...BUILT_IN]);
      for (const step of project[lifecycle]!) {
        const own = written(step);
        // A script may read the variable it is about to set (the PostgreSQL password: set it once).
        const readable = new Set([...available, ...(step.uses === 'script' ? own : [])]);
        const used = [
          ...placeholders(yaml.dump(step)),
          ...filesFilled(step).flatMap((f) => placeholders(read(f))),
        ];
        expect({ lifecycle, uses: step.uses, undefined: [...new Set(used.filter((v) => !readable.has(v)))] }).toEqual({
          lifecycle,
          uses: step.uses,
          undefined: [],
        });
        for (const name of own) available.add(name);
      }
    }
  });

  it('keeps env/ free of secrets and of variables that nothing uses', () => {
    const secretKeys = [...envValues.keys()].filter((key) => key.startsWith('SECRET_') || /PASSWORD|CLIENT_SECRET/.test(key));
    expect(secretKeys).toEqual([]);
    const used = new Set([
      ...BUILT_IN,
      ...placeholders(text),
      ...lifecycles.flatMap((l) => project[l]!.flatMap((s) => [...written(s), ...filesFilled(s).flatMap((f) => placeholders(read(f)))])),
    ]);
    expect([...envValues.keys()].filter((key) => !used.has(key))).toEqual([]);
    expect(envValues.get('TEAMSFX_ENV')).toBe(path.basename(env).replace('.env.', ''));
    expect(read(env).startsWith('# ')).toBe(true);
  });

  it('hands the app package only variables that .env.example documents and the package script reads', () => {
    const example = read('.env.example');
    const packaging = read('scripts/package-manifest.js');
    for (const lifecycle of lifecycles) {
      for (const step of project[lifecycle]!.filter((s) => s.uses === 'cli/runNpmCommand' && s.with?.args === 'run package')) {
        for (const name of Object.keys(step.env ?? {})) {
          expect({ name, documented: new RegExp(`^${name}=`, 'm').test(example) }).toEqual({ name, documented: true });
          expect({ name, read: packaging.includes(`'${name}'`) }).toEqual({ name, read: true });
        }
      }
    }
  });
});

describe('m365agents.yml and infra/', () => {
  const project = yaml.load(read('m365agents.yml')) as Project;
  const arm = project.provision!.find((s) => s.uses === 'arm/deploy')!;
  const template = (arm.with!.templates as Array<{ path: string; parameters: string }>)[0]!;
  const params = bicepParams(read(template.path));
  const parameterFile = JSON.parse(read(template.parameters)).parameters as Record<string, { value: unknown }>;

  it('deploys infra/main.bicep with a parameters file that names only its parameters and every one without default', () => {
    expect(template.path).toBe('./infra/main.bicep');
    expect(Object.keys(parameterFile).filter((name) => !params.some((p) => p.name === name))).toEqual([]);
    expect(params.filter((p) => !p.hasDefault && !(p.name in parameterFile)).map((p) => p.name)).toEqual([]);
  });

  it('fills secure parameters only from SECRET_ variables and puts no SECRET_ into any other', () => {
    for (const param of params) {
      const value = parameterFile[param.name]?.value;
      if (value === undefined) continue;
      if (param.secure) expect({ param: param.name, value }).toEqual({ param: param.name, value: expect.stringMatching(/^\$\{\{SECRET_[A-Z0-9_]+\}\}$/) });
      else expect({ param: param.name, value: JSON.stringify(value) }).toEqual({ param: param.name, value: expect.not.stringContaining('SECRET_') });
    }
  });

  it('gives the bot and the tab one app registration, as the hand-run guide does', () => {
    expect(parameterFile.botAppId?.value).toBe('${{BOT_ID}}');
    expect(parameterFile.entraClientId?.value).toBe('${{BOT_ID}}');
    const packaging = project.provision!.find((s) => s.with?.args === 'run package')!;
    expect(packaging.env).toMatchObject({ BOT_ID: '${{BOT_ID}}', ENTRA_CLIENT_ID: '${{BOT_ID}}', APP_ENV: 'production' });
  });

  it('lists every toolkit output of main.bicep in env/.env.dev, and the deploy target among them', () => {
    const outputs = bicepEnvOutputs();
    expect(outputs).toEqual(expect.arrayContaining(['AZURE_APP_SERVICE_RESOURCE_ID', 'PUBLIC_BASE_URL', 'PUBLIC_HOSTNAME']));
    const env = envFile('env/.env.dev');
    expect(outputs.filter((o) => !env.has(o))).toEqual([]);
    const zipDeploy = project.deploy!.find((s) => s.uses === 'azureAppService/zipDeploy')!;
    expect(zipDeploy.with!.resourceId).toBe('${{AZURE_APP_SERVICE_RESOURCE_ID}}');
  });

  it('configures the Entra ID app as the guide does: SSO resource, Teams clients, Graph permissions', () => {
    const manifest = JSON.parse(read('infra/entra-app.manifest.json'));
    const guide = read('infra/README.md');
    // The audience the server checks: api://<host of PUBLIC_BASE_URL>/<client id> (.env.example),
    // and the resource the app package's webApplicationInfo names.
    expect(manifest.identifierUris).toEqual(['api://${{PUBLIC_HOSTNAME}}/${{BOT_ID}}']);
    expect(read('manifest/manifest.template.json')).toContain('"resource": "api://${{PUBLIC_HOSTNAME}}/${{ENTRA_CLIENT_ID}}"');
    expect(manifest.signInAudience).toBe('AzureADMyOrg');
    expect(manifest.api.requestedAccessTokenVersion).toBe(2);
    expect(manifest.api.oauth2PermissionScopes.map((s: { value: string }) => s.value)).toEqual(['access_as_user']);
    const teamsClients = manifest.api.preAuthorizedApplications.map((a: { appId: string }) => a.appId);
    for (const client of teamsClients) expect(guide).toContain(client);
    expect(teamsClients).toHaveLength(2);
    const graph = manifest.requiredResourceAccess.find((r: { resourceAppId: string }) => r.resourceAppId === 'Microsoft Graph');
    const permissions = graph.resourceAccess.map((p: { id: string; type: string }) => `${p.id}=${p.type}`);
    const guideLoop = guide.match(/for PERM in ([^;]+);/)![1]!.trim().split(/\s+/);
    expect(permissions).toEqual(guideLoop.map((p) => `${p}=Role`));
  });

  it('keeps the toolkit secrets and build output out of git', () => {
    const ignored = read('.gitignore').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['env/.env.*.user', 'build/', '.deployment/']));
    // The staged app has its own package.json and vendor/: jest must not map them beside the project's.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jestConfig = require('../../../jest.config.js') as { projects: Array<{ modulePathIgnorePatterns?: string[] }> };
    for (const project of jestConfig.projects) expect(project.modulePathIgnorePatterns).toContain('<rootDir>/build/');
  });
});
