/**
 * A minimal typed model of Adaptive Cards 1.5 (Universal Actions) and small element helpers. Cards
 * are plain data built by functions, never by string concatenation. User text goes through
 * `escapeMarkdown` wherever Teams renders markdown (TextBlock text, FactSet titles and values);
 * input values, choice titles and button titles are plain text and are passed as they are.
 */
import type { Verb, VerbData } from './verbs';

export type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge' | 'Padding';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

export interface TextBlockOptions {
  weight?: 'Lighter' | 'Default' | 'Bolder';
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  color?: 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
  isSubtle?: boolean;
  spacing?: Spacing;
  fontType?: 'Default' | 'Monospace';
  style?: 'default' | 'heading';
  separator?: boolean;
}

export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: Verb;
  data: Record<string, unknown>;
  /** 'auto': the card's inputs are validated and merged into `data`; 'none': they are not sent */
  associatedInputs: 'auto' | 'none';
  style?: 'default' | 'positive' | 'destructive';
}

export type CardAction = ExecuteAction;
export type CardElement = Record<string, unknown> & { type: string };

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  /**
   * Universal Actions refresh: Teams invokes `action` for each listed user (Teams user ids `29:…`,
   * at most 60) when they view the card, and shows them the card the bot answers with.
   */
  refresh?: { action: ExecuteAction; userIds: string[] };
  msteams?: { width: 'Full' };
}

export function card(body: CardElement[], actions: CardAction[] = [], refresh?: AdaptiveCard['refresh']): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    ...(refresh ? { refresh } : {}),
    body,
    ...(actions.length ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

/** `text` is rendered as markdown: pass user text through `escapeMarkdown` first. */
export function textBlock(text: string, options: TextBlockOptions = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

export const heading = (text: string): CardElement => textBlock(text, { size: 'Medium', weight: 'Bolder', style: 'heading' });

/** Titles and values are rendered as markdown: escape user text. */
export function factSet(facts: Array<{ title: string; value: string }>, options: { spacing?: Spacing } = {}): CardElement {
  return { type: 'FactSet', facts, ...options };
}

export function container(items: CardElement[], options: { style?: ContainerStyle; spacing?: Spacing; separator?: boolean } = {}): CardElement {
  return { type: 'Container', items, ...options };
}

/**
 * An Action.Execute with the verb's fixed data; the rest of the verb's data comes from the card's
 * inputs (`associatedInputs: 'auto'`, the default when the data is incomplete by design).
 */
export function executeAction<V extends Verb>(
  title: string,
  verb: V,
  data: Partial<VerbData[V]>,
  options: { associatedInputs?: 'auto' | 'none'; style?: ExecuteAction['style'] } = {},
): ExecuteAction {
  return { type: 'Action.Execute', title, verb, data: { ...data }, associatedInputs: options.associatedInputs ?? 'auto', ...(options.style ? { style: options.style } : {}) };
}

export function actionSet(actions: CardAction[], options: { spacing?: Spacing } = {}): CardElement {
  return { type: 'ActionSet', actions, ...options };
}

interface InputOptions {
  isRequired?: boolean;
  errorMessage?: string;
  spacing?: Spacing;
  placeholder?: string;
}

/** Choice titles are plain text (not markdown). An empty choice list is invalid: callers check. */
export function choiceSet(
  id: string,
  label: string,
  choices: Array<{ title: string; value: string }>,
  options: InputOptions & { value?: string | null; isMultiSelect?: boolean } = {},
): CardElement {
  const { value, ...rest } = options;
  return { type: 'Input.ChoiceSet', id, label, choices, style: 'compact', ...(value ? { value } : {}), ...rest };
}

export function textInput(id: string, label: string, options: InputOptions & { isMultiline?: boolean; maxLength?: number; value?: string } = {}): CardElement {
  return { type: 'Input.Text', id, label, ...options };
}

export function dateInput(id: string, label: string, options: InputOptions & { min?: string; value?: string } = {}): CardElement {
  return { type: 'Input.Date', id, label, ...options };
}

/** Bytes as Teams counts them: a card must stay under its 28 KB message limit. */
export const cardBytes = (value: AdaptiveCard): number => Buffer.byteLength(JSON.stringify(value), 'utf8');
export const MAX_CARD_BYTES = 28 * 1024;

/** Cuts over-long user text for display (the stored text is never cut). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(max - 2)) ? max - 2 : max - 1; // never split an emoji
  return `${text.slice(0, cut).trimEnd()}…`;
}

/** A paragraph (or sub-point) to choose in a form; `label` arrives formatted (`§ 16`, `§ 24 b)`). */
export interface ParagraphChoice {
  itemId: string;
  label: string;
  title: string;
}

/** Input `itemId`: the paragraph a form records to, the current one preselected. Null when there is none to pick. */
export function paragraphPicker(paragraphs: readonly ParagraphChoice[], currentItemId: string | null): CardElement | null {
  if (paragraphs.length === 0) return null;
  const selected = paragraphs.some((p) => p.itemId === currentItemId) ? currentItemId : paragraphs[0]!.itemId;
  return choiceSet('itemId', 'Paragraf', paragraphs.map((p) => ({ title: clip(`${p.label} ${p.title}`, 120), value: p.itemId })), {
    value: selected,
    isRequired: true,
    errorMessage: 'Välj paragraf.',
  });
}
