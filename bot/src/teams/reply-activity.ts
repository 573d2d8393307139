/** A handler's reply as one Bot Framework activity. */
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { escapeLines, escapeMarkdown } from '../cards/escape';
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
 * person; such a message goes as markdown, which Teams reads with a subset of HTML. Everything else
 * in it is escaped as card text is, so user text (a change request, a title, a name) shows
 * as typed and never becomes a link, an image, emphasis, a heading or a tag; lines stay apart as
 * paragraphs. Angle brackets are taken out of names, so no name can open or close a mention.
 */
function withMentions(reply: Reply, people: NonNullable<Reply['mentions']>): Partial<Activity> {
  const shownName = (name: string) => escapeMarkdown(name.replace(/[<>]/g, '').replace(/\s+/g, ' ').trim());
  const tags = people.map((p) => (p.id ? `<at>${shownName(p.name)}</at>` : shownName(p.name)));
  const message = MessageFactory.text(`${tags.join(', ')}: ${escapeLines((reply.text ?? '').split('\n'))}`);
  message.textFormat = 'markdown';
  message.entities = people
    .filter((p): p is { id: string; name: string } => !!p.id)
    .map((p) => ({ type: 'mention', text: `<at>${shownName(p.name)}</at>`, mentioned: { id: p.id, name: p.name } }));
  return message;
}
