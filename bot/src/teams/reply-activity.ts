/** A handler's reply as one Bot Framework activity. */
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { Reply } from './handlers/handler';

/** One activity per reply: warning and text as text, the card as an attachment. */
export function toActivity(reply: Reply): Partial<Activity> {
  if (reply.mentions?.length) return withMentions(reply, reply.mentions);
  const text = [reply.warning ? `⚠️ ${reply.warning}` : null, reply.text ?? null].filter(Boolean).join('\n\n');
  // Plain text: titles and names typed by users are echoed and must never render as markdown.
  const message = reply.card ? MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)) : MessageFactory.text(text);
  if (text) message.text = text;
  message.textFormat = 'plain';
  return message;
}

/**
 * Teams renders `<at>Name</at>` with a matching mention entity as an @mention that notifies the
 * person. Names come from the roster, so the angle brackets Teams would parse are removed.
 */
function withMentions(reply: Reply, people: NonNullable<Reply['mentions']>): Partial<Activity> {
  const safe = (name: string) => name.replace(/[<>&]/g, '');
  const tags = people.map((p) => (p.id ? `<at>${safe(p.name)}</at>` : safe(p.name)));
  const message = MessageFactory.text(`${tags.join(', ')}: ${safe(reply.text ?? '')}`);
  message.entities = people
    .filter((p): p is { id: string; name: string } => !!p.id)
    .map((p) => ({ type: 'mention', text: `<at>${safe(p.name)}</at>`, mentioned: { id: p.id, name: p.name } }));
  return message;
}
