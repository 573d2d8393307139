/**
 * The Teams app package: `npm run package` run in-process with a test environment, the zip read
 * back, the manifest validated offline against Microsoft's own schema (bundled in
 * @microsoft/app-manifest), and the rules that the schema does not check: icon sizes and
 * transparency, id consistency, RSC permission names and validDomains.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import type { TeamsAppManifest } from '@microsoft/app-manifest';
import { packageManifest, PackageError, DEFAULT_TEAMS_APP_ID } from '../../../scripts/package-manifest';
import { readZip as readZipEntries } from '../../support/zip-reader';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makeIcons } = require('../../../scripts/make-icons.js') as { makeIcons: (dir: string) => { color: string; outline: string } };

const ROOT = path.join(__dirname, '..', '..', '..');
const BOT_ID = '3f2b8c1d-6a4e-4f7b-9c0d-1e2f3a4b5c6d';
const ENTRA_CLIENT_ID = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
const HOST = 'protokoll.region.example.se';
const TEST_ENV = {
  BOT_ID,
  ENTRA_CLIENT_ID,
  PUBLIC_BASE_URL: `https://${HOST}`,
  TEAMS_APP_VERSION: '1.2.3',
};

/**
 * Every RSC permission that Microsoft documents ("Supported RSC permissions", learn.microsoft.com
 * /microsoftteams/platform/graph-api/rsc/resource-specific-consent): team, chat/meeting and user,
 * application and delegated.
 */
const DOCUMENTED_RSC_PERMISSIONS = new Set([
  // team, application
  'Channel.Create.Group', 'Channel.Delete.Group', 'ChannelMeeting.ReadBasic.Group',
  'ChannelMeetingParticipant.Read.Group', 'ChannelMeetingRecording.Read.Group',
  'ChannelMeetingTranscript.Read.Group', 'ChannelMeetingNotification.Send.Group', 'ChannelMessage.Read.Group',
  'ChannelMessage.Send.Group', 'ChannelSettings.Read.Group', 'ChannelSettings.ReadWrite.Group', 'Member.Read.Group',
  'Owner.Read.Group', 'TeamsActivity.Send.Group', 'TeamsAppInstallation.Read.Group', 'TeamMember.Read.Group',
  'TeamSettings.Read.Group', 'TeamSettings.ReadWrite.Group', 'TeamsTab.Create.Group', 'TeamsTab.Delete.Group',
  'TeamsTab.Read.Group', 'TeamsTab.ReadWrite.Group',
  // team, delegated
  'ChannelMeetingActiveSpeaker.Read.Group', 'ChannelMeetingAudioVideo.Stream.Group',
  'ChannelMeetingIncomingAudio.Detect.Group', 'ChannelMeetingStage.Write.Group', 'InAppPurchase.Allow.Group',
  'LiveShareSession.ReadWrite.Group', 'MeetingParticipantReaction.Read.Group',
  // chat or meeting, application
  'Calls.AccessMedia.Chat', 'Calls.JoinGroupCalls.Chat', 'ChatSettings.Read.Chat', 'ChatSettings.ReadWrite.Chat',
  'ChatMessage.Read.Chat', 'ChatMessage.Send.Chat', 'ChatMessageReadReceipt.Read.Chat', 'ChatMember.Read.Chat',
  'Chat.Manage.Chat', 'TeamsTab.Read.Chat', 'TeamsTab.Create.Chat', 'TeamsTab.Delete.Chat', 'TeamsTab.ReadWrite.Chat',
  'TeamsAppInstallation.Read.Chat', 'TeamsActivity.Send.Chat', 'OnlineMeetingTranscript.Read.Chat',
  'OnlineMeetingParticipant.Read.Chat', 'OnlineMeeting.ReadBasic.Chat', 'OnlineMeetingRecording.Read.Chat',
  'OnlineMeetingNotification.Send.Chat',
  // chat or meeting, delegated
  'InAppPurchase.Allow.Chat', 'LiveShareSession.ReadWrite.Chat', 'MeetingStage.Write.Chat',
  'MeetingParticipantReaction.Read.Chat', 'OnlineMeetingIncomingAudio.Detect.Chat',
  'OnlineMeetingActiveSpeaker.Read.Chat', 'OnlineMeetingAudioVideo.Stream.Chat',
  'OnlineMeetingParticipant.ToggleIncomingAudio.Chat',
  // user
  'CameraStream.Read.User', 'InAppPurchase.Allow.User', 'MicrophoneStream.Read.User',
  'MeetingParticipantReaction.Read.User', 'OutgoingVideoStream.Write.User',
]);

/** The chat commands of INTERFACES.md (first word or fixed phrase): command titles must be real. */
const CHAT_COMMANDS = new Set([
  'hjälp', 'grupp', 'ledamöter', 'beslutsorgan', 'numrering', 'ny punkt', 'underpunkt', 'avsnitt', 'ändra punkt',
  'ta bort punkt', 'dagordning', 'starta', 'nästa', 'punkt', 'föredragande', 'anteckning', 'beslut', 'information',
  'åtgärd', 'bordlägg', 'skickas till', 'sändlista', 'beslutsförhet', 'närvaro', 'närvarande', 'frånvarande',
  'justerare', 'justering senast', 'avsluta', 'justera', 'ändra',
]);

/**
 * Microsoft's validator, offline: `ManifestUtil.validateManifestAgainstSchema` with the schema file
 * that @microsoft/app-manifest bundles (its `validateManifest()` would download `$schema`). It runs
 * in a plain Node process because the package loads an ES-module dependency with require(), which
 * Node 20.19+ does but jest's module loader does not.
 */
function validateWithMicrosoftValidator(manifestJson: object, schemaFile: string): string[] {
  const script = `
    const fs = require('node:fs');
    const { ManifestUtil } = require('@microsoft/app-manifest');
    const [manifestFile, schemaFile] = process.argv.slice(1);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
    ManifestUtil.validateManifestAgainstSchema(manifest, schema).then(
      (errors) => process.stdout.write(JSON.stringify(errors)),
      (error) => { console.error(error); process.exit(2); },
    );`;
  const manifestFile = path.join(workDir, 'manifest-to-validate.json');
  fs.writeFileSync(manifestFile, JSON.stringify(manifestJson));
  const out = execFileSync(process.execPath, ['--no-warnings', '-e', script, manifestFile, schemaFile], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30000,
  });
  return JSON.parse(out) as string[];
}

// ---------------------------------------------------------------------------------- zip and PNG readers

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The package's entries by name, every CRC checked against our own CRC-32. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  for (const [name, entry] of readZipEntries(zip)) {
    expect({ name, crc: crc32(entry.data) }).toEqual({ name, crc: entry.crc });
    entries.set(name, entry.data);
  }
  return entries;
}

interface Png { width: number; height: number; colourType: number; bitDepth: number; pixels: Buffer; channels: number }

/** Decodes a non-interlaced 8-bit PNG (all five filter types) and checks each chunk's CRC. */
function readPng(file: Buffer): Png {
  expect(file.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let p = 8;
  let header: Buffer | null = null;
  const idat: Buffer[] = [];
  while (p < file.length) {
    const length = file.readUInt32BE(p);
    const type = file.toString('ascii', p + 4, p + 8);
    const data = file.subarray(p + 8, p + 8 + length);
    expect(file.readUInt32BE(p + 8 + length)).toBe(crc32(file.subarray(p + 4, p + 8 + length)));
    if (type === 'IHDR') header = data;
    if (type === 'IDAT') idat.push(data);
    p += 12 + length;
    if (type === 'IEND') break;
  }
  if (!header) throw new Error('PNG without IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const bitDepth = header[8]!;
  const colourType = header[9]!;
  expect(header[12]).toBe(0); // not interlaced
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colourType];
  if (bitDepth !== 8 || !channels) throw new Error(`unsupported PNG: bit depth ${bitDepth}, colour type ${colourType}`);

  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      const paeth = () => {
        const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      };
      const predictor = [0, a, b, (a + b) >> 1, paeth()][filter];
      if (predictor === undefined) throw new Error(`bad PNG filter ${filter}`);
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, colourType, bitDepth, pixels, channels };
}

// ---------------------------------------------------------------------------------- tests

let workDir: string;
let zip: Buffer;
let files: Map<string, Buffer>;
let manifest: TeamsAppManifest;

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-manifest-'));
  const result = packageManifest({ env: TEST_ENV, outFile: path.join(workDir, 'protokoll.zip') });
  zip = fs.readFileSync(result.outFile);
  files = readZip(zip);
  manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as TeamsAppManifest;
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('Teams app package', () => {
  it('holds exactly manifest.json, color.png and outline.png at the zip root', () => {
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
  });

  it('passes Microsoft\'s schema for its manifest version (validated offline with the bundled schema)', () => {
    const schemaFile = path.join(
      ROOT, 'node_modules', '@microsoft', 'app-manifest', 'build',
      'json-schemas', 'teams', `v${manifest.manifestVersion}`, 'MicrosoftTeams.schema.json',
    );
    expect(fs.existsSync(schemaFile)).toBe(true);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    expect(validateWithMicrosoftValidator(manifest, schemaFile)).toEqual([]);
    // the validator does report problems: a broken copy must fail
    const broken = { ...manifest, bots: [{ ...manifest.bots![0]!, botId: 'not-a-guid' }], accentColor: 'blue' };
    expect(validateWithMicrosoftValidator(broken, schemaFile).length).toBeGreaterThanOrEqual(2);
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(17);
  });

  it('fills every placeholder from the environment', () => {
    expect(files.get('manifest.json')!.toString('utf8')).not.toContain('${{');
    expect(manifest.id).toBe(DEFAULT_TEAMS_APP_ID);
    expect(manifest.version).toBe('1.2.3');
    for (const url of [manifest.developer.websiteUrl, manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl]) {
      expect(url.startsWith(`https://${HOST}/`)).toBe(true);
    }
  });

  it('is a conversational bot with the bot id in team, group chat and personal scope', () => {
    const bot = manifest.bots![0]!;
    expect(manifest.bots).toHaveLength(1);
    expect(bot.botId).toBe(BOT_ID);
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.isNotificationOnly).toBe(false);
    expect(bot.supportsFiles).toBe(false);
  });

  it('lists real chat commands with Swedish descriptions for every scope', () => {
    const lists = manifest.bots![0]!.commandLists!;
    expect(lists.flatMap((l) => l.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of lists) {
      expect(list.commands.length).toBeGreaterThan(0);
      expect(list.commands.length).toBeLessThanOrEqual(12);
      for (const command of list.commands) {
        expect(CHAT_COMMANDS.has(command.title)).toBe(true);
        expect(command.title.length).toBeLessThanOrEqual(32);
        expect(command.description?.length ?? 0).toBeGreaterThan(0);
        expect(command.description!.length).toBeLessThanOrEqual(128);
      }
    }
  });

  it('has the configurable channel tab on the public host', () => {
    expect(manifest.configurableTabs).toEqual([
      expect.objectContaining({
        configurationUrl: `https://${HOST}/tab/config.html`,
        canUpdateConfiguration: true,
        scopes: ['team', 'groupChat'],
      }),
    ]);
    expect(manifest.validDomains).toContain(HOST);
    expect(manifest.devicePermissions ?? []).toEqual([]);
  });

  it('offers the tab in meetings as the meeting panel: side panel, meeting chat and details, with the meeting RSC permissions', () => {
    const tab = manifest.configurableTabs![0]!;
    expect(tab.context).toEqual(expect.arrayContaining(['channelTab', 'meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel']));
    // a meeting tab is installed in the meeting's chat: groupChat scope, and the app reads the meeting's details there
    expect(tab.scopes).toContain('groupChat');
    const rsc = (manifest.authorization?.permissions?.resourceSpecific ?? []).map((p) => p.name);
    expect(rsc).toEqual(expect.arrayContaining(['OnlineMeeting.ReadBasic.Chat', 'OnlineMeetingParticipant.Read.Chat', 'ChatMember.Read.Chat']));
  });

  it('uses the tab\'s Entra ID app for SSO, with the audience the server expects', () => {
    expect(manifest.webApplicationInfo).toEqual({ id: ENTRA_CLIENT_ID, resource: `api://${HOST}/${ENTRA_CLIENT_ID}` });
  });

  it('asks only for documented RSC permissions, and only together with webApplicationInfo', () => {
    const rsc = manifest.authorization?.permissions?.resourceSpecific ?? [];
    expect(rsc.length).toBeGreaterThan(0);
    expect(manifest.webApplicationInfo?.id).toBeTruthy();
    const undocumented = rsc.map((p) => p.name).filter((name) => !DOCUMENTED_RSC_PERMISSIONS.has(name));
    expect(undocumented).toEqual([]);
    expect(rsc.map((p) => p.name)).toEqual(expect.arrayContaining([
      'ChannelMeeting.ReadBasic.Group', 'OnlineMeeting.ReadBasic.Chat', 'OnlineMeetingParticipant.Read.Chat',
    ]));
    // receiving every channel message without an @mention is deliberately not requested
    expect(rsc.map((p) => p.name)).not.toContain('ChannelMessage.Read.Group');
    expect(rsc.every((p) => p.type === 'Application')).toBe(true);
  });

  it('has a 192×192 full-colour icon and a 32×32 white-on-transparent outline icon', () => {
    const color = readPng(files.get('color.png')!);
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([2, 6]).toContain(color.colourType);
    const colours = new Set<string>();
    for (let i = 0; i < color.pixels.length; i += color.channels) {
      colours.add(color.pixels.subarray(i, i + 3).toString('hex'));
    }
    expect(colours.size).toBeGreaterThan(3);

    const outline = readPng(files.get('outline.png')!);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.colourType).toBe(6); // RGBA
    let transparent = 0;
    let opaque = 0;
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const [r, g, b, a] = outline.pixels.subarray(i, i + 4);
      if (a === 0) transparent++;
      else {
        opaque++;
        expect([r, g, b]).toEqual([255, 255, 255]); // white only; transparency does the shape
      }
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
    expect(opaque).toBeGreaterThan(32);
  });

  it('ships the icons exactly as scripts/make-icons.js draws them', () => {
    const icons = makeIcons(workDir);
    expect(fs.readFileSync(icons.color).equals(files.get('color.png')!)).toBe(true);
    expect(fs.readFileSync(icons.outline).equals(files.get('outline.png')!)).toBe(true);
  });

  it('is deterministic: the same environment gives the same bytes', () => {
    const again = packageManifest({ env: TEST_ENV, outFile: path.join(workDir, 'again.zip') });
    expect(again.zip.equals(zip)).toBe(true);
  });
});

describe('packaging errors (Swedish, naming the variable)', () => {
  const attempt = (env: Record<string, string | undefined>) => {
    try {
      packageManifest({ env, outFile: path.join(os.tmpdir(), 'protokoll-never-written.zip') });
    } catch (error) {
      expect(error).toBeInstanceOf(PackageError);
      return (error as Error).message;
    }
    throw new Error('packaging should have failed');
  };

  it('refuses to package without BOT_ID', () => {
    const message = attempt({ ...TEST_ENV, BOT_ID: undefined });
    expect(message).toContain('Kan inte bygga Teams-apppaketet');
    expect(message).toMatch(/BOT_ID saknas/);
    expect(message).not.toContain('ENTRA_CLIENT_ID');
  });

  it('rejects ids that are not GUIDs and names every bad variable at once', () => {
    const message = attempt({ ...TEST_ENV, BOT_ID: 'min-bot', ENTRA_CLIENT_ID: '123', TEAMS_APP_ID: 'x' });
    expect(message).toContain('BOT_ID="min-bot" är inte ett GUID');
    expect(message).toContain('ENTRA_CLIENT_ID="123" är inte ett GUID');
    expect(message).toContain('TEAMS_APP_ID="x" är inte ett GUID');
  });

  it('requires an https PUBLIC_BASE_URL without a path (http://localhost only outside production)', () => {
    expect(attempt({ ...TEST_ENV, PUBLIC_BASE_URL: 'http://protokoll.example.se' })).toContain('måste börja med https://');
    expect(attempt({ ...TEST_ENV, PUBLIC_BASE_URL: 'http://localhost:3978', APP_ENV: 'production' })).toContain('PUBLIC_BASE_URL');
    expect(attempt({ ...TEST_ENV, PUBLIC_BASE_URL: 'https://example.se/protokoll' })).toContain('utan sökväg');
    expect(attempt({ ...TEST_ENV, PUBLIC_BASE_URL: undefined })).toContain('PUBLIC_BASE_URL saknas');
  });
});

it('the committed template keeps its placeholders', () => {
  const template = fs.readFileSync(path.join(ROOT, 'manifest', 'manifest.template.json'), 'utf8');
  for (const name of ['BOT_ID', 'TEAMS_APP_ID', 'PUBLIC_HOSTNAME', 'ENTRA_CLIENT_ID']) {
    expect(template).toContain(`\${{${name}}}`);
  }
});
