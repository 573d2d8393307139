/**
 * The deployment files agree with each other and with the server, checked statically (no Azure
 * here): every variable the server reads is documented in .env.example and set on the App Service;
 * every Bicep parameter is declared where it is used, given a value or a default, and never holds
 * a secret in the parameters file; every secret is passed on the command line in the guide.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bicepParams } from './bicep-params';

const root = path.join(__dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');


/** `module x 'path' = { … params: { key: value … } }` → path and the keys passed. */
function moduleCalls(source: string): Array<{ file: string; passed: string[] }> {
  return [...source.matchAll(/^module \w+ '([^']+)' = \{\n([\s\S]*?)\n\}/gm)].map((m) => {
    const params = m[2]!.match(/params: \{\n([\s\S]*?)\n {2}\}/);
    return { file: m[1]!, passed: params ? [...params[1]!.matchAll(/^ {4}(\w+):/gm)].map((p) => p[1]!) : [] };
  });
}

const variablesReadByServer = () => [...read('bot/src/config.ts').matchAll(/read\.\w+\('([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1]!);

describe('deployment files', () => {
  const main = read('infra/main.bicep');
  const mainParams = bicepParams(main);
  const parameterFile = JSON.parse(read('infra/main.parameters.json')).parameters as Record<string, { value: unknown }>;

  it('the server reads variables (sanity check of the extraction)', () => {
    expect(variablesReadByServer()).toEqual(expect.arrayContaining(['DATABASE_URL', 'BOT_ID', 'ENTRA_CLIENT_ID']));
  });

  it.each(variablesReadByServer())('%s is documented in .env.example and set on the App Service', (variable) => {
    expect(read('.env.example')).toMatch(new RegExp(`^${variable}=`, 'm'));
    // App Service sets PORT itself.
    if (variable !== 'PORT') expect(read('infra/modules/webapp.bicep')).toContain(`name: '${variable}'`);
  });

  it.each(moduleCalls(main))('module $file gets exactly the parameters it declares', ({ file, passed }) => {
    const declared = bicepParams(read(path.join('infra', file)));
    expect(passed.filter((p) => !declared.some((d) => d.name === p))).toEqual([]);
    expect(declared.filter((d) => !d.hasDefault && !passed.includes(d.name)).map((d) => d.name)).toEqual([]);
  });

  it('the parameters file names only parameters of main.bicep, and every parameter without default', () => {
    expect(Object.keys(parameterFile).filter((name) => !mainParams.some((p) => p.name === name))).toEqual([]);
    expect(mainParams.filter((p) => !p.hasDefault && !(p.name in parameterFile)).map((p) => p.name)).toEqual([]);
  });

  it('keeps secrets out of the parameters file and passes each one on the command line in the guide', () => {
    const secrets = mainParams.filter((p) => p.secure).map((p) => p.name);
    expect(secrets).toEqual(expect.arrayContaining(['botPassword', 'entraClientSecret', 'postgresAdminPassword']));
    const guide = read('infra/README.md');
    for (const secret of secrets) {
      expect(parameterFile[secret]?.value ?? '').toBe('');
      expect(guide).toMatch(new RegExp(`${secret}="\\$`));
    }
  });
});
