/** A handler's reply as one Bot Framework activity. */
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { Reply } from './handlers/handler';

/** One activity per reply: warning and text as text, the card as an attachment. */
export function toActivity(reply: Reply): Partial<Activity> {
  const text = [reply.warning ? `⚠️ ${reply.warning}` : null, reply.text ?? null].filter(Boolean).join('\n\n');
  // Plain text: titles and names typed by users are echoed and must never render as markdown.
  const message = reply.card ? MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)) : MessageFactory.text(text);
  if (text) message.text = text;
  message.textFormat = 'plain';
  return message;
}

