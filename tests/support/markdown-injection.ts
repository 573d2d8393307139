/**
 * Markdown and HTML a member could type into anything the bot writes back (a change request, a
 * title, a name), and a way to see what a Teams client would show of a message: rendered as
 * CommonMark with HTML enabled (markdown-it), the only markup allowed is paragraphs and the
 * `<at>` mentions the message declares. Shared by the card, reply and wire tests.
 */
import MarkdownIt from 'markdown-it';

/** Each is markup on its own; two are of two lines (a setext heading, a table). */
export const MARKDOWN_INJECTION: readonly string[] = [
  'Se **[den rättade versionen här](https://evil.example/login)**',
  '![bild](https://evil.example/pixel.png)',
  '_kursiv_ *lutande* ~~struken~~ `kod`',
  '# Rubrik',
  'Rubrik\n===',
  '> citat',
  '- punkt',
  '1. lista',
  '<a href="https://evil.example/login">klicka</a> <b>fet</b> <h1>stor</h1>',
  '<img src=x onerror=alert(1)> <script>alert(1)</script>',
  '&lt;b&gt;entiteter&lt;/b&gt; &amp; &#60;i&#62; &#x3C;u&#x3E;',
  '<at>Mats Wennstig</at> har redan justerat',
  '&lt;at&gt;Mats Wennstig&lt;/at&gt;',
  '<https://evil.example/login> [länk]: https://evil.example/login',
  'a | b\n--- | ---',
];

/** The whole corpus as one text of several lines, and those lines. */
export const MARKDOWN_INJECTION_TEXT = MARKDOWN_INJECTION.join('\n');
export const MARKDOWN_INJECTION_LINES = MARKDOWN_INJECTION_TEXT.split('\n');

const markdown = new MarkdownIt({ html: true });
const decode = (html: string) =>
  html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

export interface Shown {
  /** each paragraph as a reader sees it, a mention as `@Name` */
  paragraphs: string[];
  /** the names inside `<at>` elements, in order */
  mentions: string[];
  /** every other element the text turned into (should be none) */
  markup: string[];
}

/** What a markdown message shows: its paragraphs, its mentions, and any other markup it made. */
export function shownMarkdown(text: string): Shown {
  const html = markdown.render(text);
  const mentions: string[] = [];
  const withoutMentions = html.replace(/<at>([^<]*)<\/at>/g, (_all, name: string) => {
    mentions.push(decode(name));
    return `\u0001${mentions.length - 1}\u0002`;
  });
  const markup = (withoutMentions.match(/<[^>]*>/g) ?? []).filter((tag) => tag !== '<p>' && tag !== '</p>');
  const paragraphs = [...withoutMentions.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) =>
    decode(m[1]!).replace(/\u0001(\d+)\u0002/g, (_all, i: string) => `@${mentions[Number(i)]}`),
  );
  return { paragraphs, mentions, markup };
}
