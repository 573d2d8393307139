/**
 * Validates card JSON with Microsoft's own Adaptive Cards SDK: every parse event (unknown types,
 * bad values) and every validation event (missing ids, duplicate ids, …) is a finding.
 */
import * as AC from 'adaptivecards';

export interface CardFindings {
  findings: string[];
  bytes: number;
  version: string | undefined;
}

export function validateCard(json: unknown): CardFindings {
  const context = new AC.SerializationContext();
  const card = new AC.AdaptiveCard();
  card.parse(json as object, context);
  const findings: string[] = [];
  for (let i = 0; i < context.eventCount; i++) findings.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) findings.push(`validate: ${event.message}`);
  return { findings, bytes: Buffer.byteLength(JSON.stringify(json), 'utf8'), version: (json as { version?: string }).version };
}
