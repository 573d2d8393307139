/**
 * Validates card JSON with Microsoft's own Adaptive Cards SDK (the same parser the JavaScript
 * renderer uses): every parse event (unknown element or action types, invalid enum values) and
 * every validation event (duplicate or missing input ids, empty choice sets, required inputs
 * without label or error message, …) is a finding. The SDK knows Action.Execute natively (3.x).
 *
 * The SDK accepts some things Teams does not, so a few checks of our own are added: the version
 * must be 1.5, every action must be an Action.Execute with a title and a verb, `associatedInputs`
 * must be auto or none (the SDK silently maps anything else to auto), and a TextBlock needs text.
 */
import * as AC from 'adaptivecards';

export const CARD_BYTE_LIMIT = 28 * 1024;

export interface CardFindings {
  findings: string[];
  bytes: number;
  version: string | undefined;
}

export function validateCard(json: unknown): CardFindings {
  const context = new AC.SerializationContext();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(json as object, context);
  const findings: string[] = [];
  for (let i = 0; i < context.eventCount; i++) findings.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents) findings.push(`validate: ${event.message}`);
  findings.push(...ownChecks(json));
  const version = (json as { version?: string } | null)?.version;
  return { findings, bytes: Buffer.byteLength(JSON.stringify(json), 'utf8'), version };
}

/** Throws with every finding listed, so a failing test says what is wrong. */
export function expectValidCard(json: unknown): CardFindings {
  const result = validateCard(json);
  if (result.findings.length) throw new Error(`Ogiltigt kort:\n${result.findings.join('\n')}`);
  if (result.version !== '1.5') throw new Error(`Kortets version är ${String(result.version)}, inte 1.5`);
  if (result.bytes >= CARD_BYTE_LIMIT) throw new Error(`Kortet är ${result.bytes} byte, gränsen är ${CARD_BYTE_LIMIT}`);
  return result;
}

function ownChecks(json: unknown): string[] {
  const findings: string[] = [];
  const root = json as { version?: unknown };
  if (root?.version !== '1.5') findings.push(`own: version ${String(root?.version)} is not 1.5`);
  walk(json, (node) => {
    const type = node.type;
    if (typeof type === 'string' && type.startsWith('Action.')) {
      if (type !== 'Action.Execute') findings.push(`own: ${type} is not a Universal Action (Action.Execute)`);
      if (typeof node.title !== 'string' || !node.title.trim()) findings.push(`own: ${type} without a title`);
      if (type === 'Action.Execute' && (typeof node.verb !== 'string' || !node.verb)) findings.push('own: Action.Execute without a verb');
      if (node.associatedInputs !== undefined && !/^(auto|none)$/i.test(String(node.associatedInputs))) {
        findings.push(`own: associatedInputs "${String(node.associatedInputs)}" is neither auto nor none`);
      }
    }
    if (type === 'TextBlock' && (typeof node.text !== 'string' || !node.text.trim())) findings.push('own: TextBlock without text');
  });
  return findings;
}

function walk(value: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
  } else if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    visit(node);
    // `data` is the bot's own payload, not card structure
    for (const [key, child] of Object.entries(node)) if (key !== 'data') walk(child, visit);
  }
}
