/**
 * A minimal typed model of Adaptive Cards 1.5 and small element helpers. Cards are plain data built
 * by functions; user text goes through `escapeMarkdown` wherever Teams renders markdown.
 */
export type CardElement = Record<string, unknown> & { type: string };
export type CardAction = Record<string, unknown> & { type: 'Action.Execute' | 'Action.OpenUrl' | 'Action.ShowCard'; title: string };

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  refresh?: { action: CardAction; userIds?: string[] };
  msteams?: { width: 'Full' };
}

export function card(body: CardElement[], actions: CardAction[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

export function textBlock(text: string, options: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

export const heading = (text: string) => textBlock(text, { size: 'Medium', weight: 'Bolder', style: 'heading' });

export function factSet(facts: Array<{ title: string; value: string }>): CardElement {
  return { type: 'FactSet', facts };
}

export function container(items: CardElement[], options: Record<string, unknown> = {}): CardElement {
  return { type: 'Container', items, ...options };
}

export function executeAction(title: string, verb: string, data: Record<string, unknown>, options: Record<string, unknown> = {}): CardAction {
  return { type: 'Action.Execute', title, verb, data, ...options };
}

export function actionSet(actions: CardAction[]): CardElement {
  return { type: 'ActionSet', actions };
}

export function choiceSet(id: string, label: string, choices: Array<{ title: string; value: string }>, value?: string, options: Record<string, unknown> = {}): CardElement {
  return { type: 'Input.ChoiceSet', id, label, choices, style: 'compact', ...(value ? { value } : {}), ...options };
}

export function textInput(id: string, label: string, options: Record<string, unknown> = {}): CardElement {
  return { type: 'Input.Text', id, label, ...options };
}

/** Bytes as Teams counts them: cards must stay under its 28 KB message limit. */
export const cardBytes = (value: AdaptiveCard) => Buffer.byteLength(JSON.stringify(value), 'utf8');
export const MAX_CARD_BYTES = 28 * 1024;
