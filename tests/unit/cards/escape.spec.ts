import { escapeMarkdown } from '../../../bot/src/cards/escape';
import { buildAgendaCard } from '../../../bot/src/cards/agenda.card';
import { agendaView } from './fixtures';

describe('user text in cards', () => {
  it.each([
    ['**fet** [länk](http://x) <script>alert(1)</script>', '\\*\\*fet\\*\\* \\[länk\\]\\(http://x\\) \\<script\\>alert\\(1\\)\\</script\\>'],
    ['1. inte en lista', '1\\. inte en lista'],
    ['# rubrik', '\\# rubrik'],
    ['_kursiv_ ~~struken~~ `kod`', '\\_kursiv\\_ \\~\\~struken\\~\\~ \\`kod\\`'],
    ['&amp; är inte en entitet', '\\&amp; är inte en entitet'],
    ['Anna-Karin Åkesson 😀 עברית', 'Anna\\-Karin Åkesson 😀 עברית'],
  ])('%s is shown as typed', (input, escaped) => {
    expect(escapeMarkdown(input)).toBe(escaped);
  });

  it('is applied to titles in the agenda card', () => {
    const view = agendaView(1);
    view.entries[0]!.title = '[klicka här](https://evil.example)';
    const body = JSON.stringify(buildAgendaCard(view));
    expect(body).not.toContain('[klicka här](https://evil.example)');
    expect(body).toContain('\\\\[klicka här\\\\]\\\\(https://evil\\\\.example\\\\)');
  });
});
