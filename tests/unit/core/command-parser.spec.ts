import { COMMAND_SYNTAX, type Command, type CommandKind } from '../../../bot/src/core/commands/command';
import { parseCommand } from '../../../bot/src/core/commands/command.parser';
import { formatParagraphRef, subPointLabel } from '../../../bot/src/core/numbering';

const ok = (text: string): Command => {
  const result = parseCommand(text);
  if (!result.ok) throw new Error(`expected ok for ${JSON.stringify(text)}: ${result.error.message}`);
  return result.command;
};

const A_RING_DECOMPOSED = 'a\u030a'; // å typed as a + combining ring

describe('parseCommand: commands without arguments', () => {
  it.each<[string, Command]>([
    ['hjälp', { kind: 'help' }],
    ['Hjälp', { kind: 'help' }],
    ['HJÄLP.', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['hjälp beslut', { kind: 'help' }],
    ['dagordning', { kind: 'show-agenda' }],
    ['Dagordning.', { kind: 'show-agenda' }],
    ['starta', { kind: 'start' }],
    ['  STARTA  ', { kind: 'start' }],
    ['nästa', { kind: 'next' }],
    ['NÄSTA', { kind: 'next' }],
    ['Nästa', { kind: 'next' }],
    ['nästa.', { kind: 'next' }],
    ['\tnästa\t', { kind: 'next' }],
    ['\u00a0nästa\u00a0', { kind: 'next' }],
    ['na\u0308sta', { kind: 'next' }],
    ['nästa punkt', { kind: 'next' }],
    ['nästa\u0007', { kind: 'next' }],
    ['information', { kind: 'information' }],
    ['Information.', { kind: 'information' }],
    ['bordlägg', { kind: 'postpone' }],
    ['Bordlägg.', { kind: 'postpone' }],
    ['närvaro', { kind: 'attendance' }],
    ['avsluta', { kind: 'end' }],
    ['Avsluta.', { kind: 'end' }],
    ['justera', { kind: 'approve' }],
    ['Justera.', { kind: 'approve' }],
  ])('%j', (text, expected) => {
    expect(ok(text)).toEqual(expected);
  });
});

describe('parseCommand: group settings', () => {
  it.each<[string, Command]>([
    ['grupp LSVO', { kind: 'bind-group', name: 'LSVO' }],
    ['Grupp   Samverkansgruppen  Blekinge', { kind: 'bind-group', name: 'Samverkansgruppen Blekinge' }],
    ['grupp: Ledningsgruppen Vård & omsorg', { kind: 'bind-group', name: 'Ledningsgruppen Vård & omsorg' }],
    ['beslutsorgan LSVO', { kind: 'deciding-body', text: 'LSVO' }],
    ['Beslutsorgan Samverkansgruppen', { kind: 'deciding-body', text: 'Samverkansgruppen' }],
    ['numrering möte', { kind: 'numbering', style: 'meeting', start: null }],
    ['Numrering MÖTE', { kind: 'numbering', style: 'meeting', start: null }],
    ['numrering år', { kind: 'numbering', style: 'year', start: null }],
    ['numrering möte-parentes', { kind: 'numbering', style: 'meeting-paren', start: null }],
    [`numrering ${A_RING_DECOMPOSED}r start 15`, { kind: 'numbering', style: 'year', start: 15 }],
    ['numrering år-suffix', { kind: 'numbering', style: 'year-suffix', start: null }],
    ['numrering   År-Suffix   START   12', { kind: 'numbering', style: 'year-suffix', start: 12 }],
    ['beslutsförhet huvudman', { kind: 'quorum-rule', rule: 'huvudman' }],
    ['Beslutsförhet Region-Kommun', { kind: 'quorum-rule', rule: 'region-kommun' }],
    ['beslutsförhet region - kommun', { kind: 'quorum-rule', rule: 'region-kommun' }],
    ['beslutsförhet av', { kind: 'quorum-rule', rule: 'av' }],
    ['BESLUTSFÖRHET AV', { kind: 'quorum-rule', rule: 'av' }],
    ['beslutsstil att', { kind: 'clause-style', numbered: false }],
    ['Beslutsstil ATT.', { kind: 'clause-style', numbered: false }],
    ['beslutsstil numrerad', { kind: 'clause-style', numbered: true }],
    ['beslutsstil Numrerade', { kind: 'clause-style', numbered: true }],
    ['beslutsstil: numrerat', { kind: 'clause-style', numbered: true }],
  ])('%j', (text, expected) => {
    expect(ok(text)).toEqual(expected);
  });
});

describe('parseCommand: ledamöter', () => {
  it('reads one entry per line, blank lines ignored, roles canonicalised', () => {
    const text = [
      'ledamöter',
      'Mats Wennstig; hälso- och sjukvårdsdirektör Region Blekinge; Region Blekinge; Ordförande',
      '',
      '  Anna-Karin Åkesson ;  verksamhetschef Karlshamns kommun ; Karlshamns kommun ;  vice   ordförande ',
      'Élise d’Ambrosio; utvecklingsledare; Karlskrona kommun; ledamot;',
      'Per Öst; ; Region Blekinge; tjänsteperson',
      'Li Berg; controller; Region Blekinge; föredragande',
    ].join('\r\n');
    expect(ok(text)).toEqual({
      kind: 'roster',
      entries: [
        { name: 'Mats Wennstig', title: 'hälso- och sjukvårdsdirektör Region Blekinge', principal: 'Region Blekinge', roles: ['ordförande'], party: null, email: null },
        { name: 'Anna-Karin Åkesson', title: 'verksamhetschef Karlshamns kommun', principal: 'Karlshamns kommun', roles: ['vice ordförande'], party: null, email: null },
        { name: 'Élise d’Ambrosio', title: 'utvecklingsledare', principal: 'Karlskrona kommun', roles: ['ledamot'], party: null, email: null },
        { name: 'Per Öst', title: '', principal: 'Region Blekinge', roles: ['tjänsteperson'], party: null, email: null },
        { name: 'Li Berg', title: 'controller', principal: 'Region Blekinge', roles: ['föredragande'], party: null, email: null },
      ],
    });
  });

  it.each<[string, string]>([
    ['ersättare', 'ersättare'],
    ['Adjungerad', 'adjungerad'],
    ['SEKRETERARE', 'sekreterare'],
    ['vice-ordförande', 'vice ordförande'],
  ])('role %j → %j', (written, role) => {
    expect(ok(`Ledamöter\nKim Ek; chef; Region Blekinge; ${written}`)).toEqual({
      kind: 'roster',
      entries: [{ name: 'Kim Ek', title: 'chef', principal: 'Region Blekinge', roles: [role], party: null, email: null }],
    });
  });

  it('accepts the first entry on the keyword line', () => {
    expect(ok('ledamöter Kim Ek; chef; Region Blekinge; ledamot')).toEqual({
      kind: 'roster',
      entries: [{ name: 'Kim Ek', title: 'chef', principal: 'Region Blekinge', roles: ['ledamot'], party: null, email: null }],
    });
  });

  it.each<[string, string[]]>([
    ['ledamöter', ['Inga ledamöter angavs']],
    ['ledamöter\n\n  \n', ['Inga ledamöter angavs']],
    ['ledamöter\nKim Ek; chef; Region Blekinge', ['rad 2', '3 fält i stället för 4']],
    ['ledamöter\nKim Ek, chef, Region Blekinge, ledamot', ['rad 2', '1 fält i stället för 4']],
    ['ledamöter\nKim Ek; chef; Region Blekinge; ledamot; extra', ['rad 2', '”extra” är ingen e-postadress']],
    ['ledamöter\nKim Ek; chef; Region Blekinge; ledamot; kim@ek.se; extra', ['rad 2', '6 fält i stället för 4 eller 5']],
    ['ledamöter\nKim Ek; chef; Region Blekinge; ledamot\nBo Al; chef; Region Blekinge; gäst', ['rad 3', 'okänd roll ”gäst”']],
    ['ledamöter\n; chef; Region Blekinge; ledamot', ['rad 2', 'namnet saknas']],
    ['ledamöter\nKim Ek; chef; ; ledamot', ['rad 2', 'huvudman saknas']],
    ['ledamöter\nKim Ek; chef; Region Blekinge; ', ['rad 2', 'roll saknas']],
    ['ledamöter\n\nKim Ek; chef; Region Blekinge; boss\nBo Al; x; y', ['rad 3', 'rad 4', 'Rätta raderna']],
    [`ledamöter\n${'K'.repeat(201)}; chef; Region Blekinge; ledamot`, ['rad 2', 'för många tecken', 'högst 200']],
    [`ledamöter\nKim Ek; ${'t'.repeat(301)}; Region Blekinge; ledamot`, ['rad 2', 'titeln har för många tecken']],
  ])('rejects %j as a whole', (text, parts) => {
    const result = parseCommand(text);
    expect(result).toMatchObject({ ok: false, error: { code: 'malformed', kind: 'roster' } });
    if (result.ok) return;
    for (const part of [...parts, COMMAND_SYNTAX.roster.syntax]) expect(result.error.message).toContain(part);
  });
});

describe('parseCommand: agenda', () => {
  it.each<[string, Command]>([
    ['ny punkt Budget 2025', { kind: 'add-item', title: 'Budget 2025', typeTag: null }],
    ['Ny Punkt   Budget   2025  ', { kind: 'add-item', title: 'Budget 2025', typeTag: null }],
    ['ny punkt Budget (I)', { kind: 'add-item', title: 'Budget', typeTag: 'I' }],
    ['ny punkt Budget (d)', { kind: 'add-item', title: 'Budget', typeTag: 'D' }],
    ['ny punkt Budget(B)', { kind: 'add-item', title: 'Budget', typeTag: 'B' }],
    ['ny punkt Budget (b/i)', { kind: 'add-item', title: 'Budget', typeTag: 'I/B' }],
    ['ny punkt Budget ( B / D / I )', { kind: 'add-item', title: 'Budget', typeTag: 'I/D/B' }],
    ['ny punkt Budget (D/I)', { kind: 'add-item', title: 'Budget', typeTag: 'I/D' }],
    ['ny punkt Budget (B/D)', { kind: 'add-item', title: 'Budget', typeTag: 'D/B' }],
    ['ny punkt Budget (I/D/B).', { kind: 'add-item', title: 'Budget (I/D/B).', typeTag: null }],
    ['ny punkt Rapport (X)', { kind: 'add-item', title: 'Rapport (X)', typeTag: null }],
    ['ny punkt Rapport (I/X)', { kind: 'add-item', title: 'Rapport (I/X)', typeTag: null }],
    ['ny punkt Rapport (LSVO)', { kind: 'add-item', title: 'Rapport (LSVO)', typeTag: null }],
    ['ny punkt Rapport (I) från regionen', { kind: 'add-item', title: 'Rapport (I) från regionen', typeTag: null }],
    ['ny punkt Ekonomi (Region Blekinge) (I/D)', { kind: 'add-item', title: 'Ekonomi (Region Blekinge)', typeTag: 'I/D' }],
    ['ny punkt Val av justerare samt tid för justering', { kind: 'add-item', title: 'Val av justerare samt tid för justering', typeTag: null }],
    ['ny punkt punkt 3 från förra mötet', { kind: 'add-item', title: 'punkt 3 från förra mötet', typeTag: null }],
    ['underpunkt Ekonomisk uppföljning', { kind: 'add-sub-point', title: 'Ekonomisk uppföljning', typeTag: null }],
    ['Underpunkt  Lägesrapport (I)', { kind: 'add-sub-point', title: 'Lägesrapport', typeTag: 'I' }],
    ['underpunkt Lägesrapport (b/i)', { kind: 'add-sub-point', title: 'Lägesrapport', typeTag: 'I/B' }],
    ['underpunkt Ekonomi (Region Blekinge) (I/D/B)', { kind: 'add-sub-point', title: 'Ekonomi (Region Blekinge)', typeTag: 'I/D/B' }],
    ['underpunkt Rapport (LSVO)', { kind: 'add-sub-point', title: 'Rapport (LSVO)', typeTag: null }],
    ['underpunkt Rapport (I) från regionen', { kind: 'add-sub-point', title: 'Rapport (I) från regionen', typeTag: null }],
    ['avsnitt ÄRENDEN FÖR BESLUT', { kind: 'section', heading: 'ÄRENDEN FÖR BESLUT' }],
    ['Avsnitt Informationsärenden', { kind: 'section', heading: 'Informationsärenden' }],
    ['ändra punkt 3 Budget 2026', { kind: 'rename-item', number: 3, title: 'Budget 2026', typeTag: null }],
    ['Ändra  Punkt  12:  Ny titel', { kind: 'rename-item', number: 12, title: 'Ny titel', typeTag: null }],
    ['ändra punkt § 4 – Ny titel', { kind: 'rename-item', number: 4, title: 'Ny titel', typeTag: null }],
    ['ändra punkt §4 Mål 2025', { kind: 'rename-item', number: 4, title: 'Mål 2025', typeTag: null }],
    ['ändra punkt 1 Godkännande av dagordningen (B)', { kind: 'rename-item', number: 1, title: 'Godkännande av dagordningen', typeTag: 'B' }],
    ['ta bort punkt 5', { kind: 'remove-item', number: 5 }],
    ['Ta Bort Punkt §5', { kind: 'remove-item', number: 5 }],
    ['ta bort punkt 5.', { kind: 'remove-item', number: 5 }],
  ])('%j', (text, expected) => {
    expect(ok(text)).toEqual(expected);
  });
});

describe('parseCommand: during the meeting', () => {
  it.each<[string, Command]>([
    ['punkt 24', { kind: 'go-to', number: 24, sub: null }],
    ['Punkt 24b', { kind: 'go-to', number: 24, sub: 1 }],
    ['punkt 24 B', { kind: 'go-to', number: 24, sub: 1 }],
    ['punkt 3a)', { kind: 'go-to', number: 3, sub: 0 }],
    ['punkt §24', { kind: 'go-to', number: 24, sub: null }],
    ['punkt § 24', { kind: 'go-to', number: 24, sub: null }],
    ['PUNKT  7.', { kind: 'go-to', number: 7, sub: null }],
    // the 27th sub-point and on, as the protokoll letters them
    ['punkt 24aa', { kind: 'go-to', number: 24, sub: 26 }],
    ['punkt 24 ab)', { kind: 'go-to', number: 24, sub: 27 }],
    ['punkt 24bb', { kind: 'go-to', number: 24, sub: 53 }],
    ['punkt § 24 AZ', { kind: 'go-to', number: 24, sub: 51 }],
    ['föredragande Anna Berg', { kind: 'presenters', names: ['Anna Berg'] }],
    ['föredragande Anna Berg, Bo Ek', { kind: 'presenters', names: ['Anna Berg', 'Bo Ek'] }],
    ['Föredragande Anna Berg, Bo Ek och Cecilia Öhman-Åberg', { kind: 'presenters', names: ['Anna Berg', 'Bo Ek', 'Cecilia Öhman-Åberg'] }],
    ['föredragande Anna Berg & Bo Ek', { kind: 'presenters', names: ['Anna Berg', 'Bo Ek'] }],
    ['föredragande José Ängel OCH Bo Ek', { kind: 'presenters', names: ['José Ängel', 'Bo Ek'] }],
    ['föredragande Anna Berg.', { kind: 'presenters', names: ['Anna Berg'] }],
    ['föredragande Anna Berg,Bo Ek;Li Al', { kind: 'presenters', names: ['Anna Berg', 'Bo Ek', 'Li Al'] }],
    ['föredragande Anna B.', { kind: 'presenters', names: ['Anna B.'] }],
    ['anteckning Mötet diskuterade budgeten.', { kind: 'note', text: 'Mötet diskuterade budgeten.' }],
    ['Anteckning\nRad ett\n\n  - punkt två  \nRad tre', { kind: 'note', text: 'Rad ett\n\n  - punkt två\nRad tre' }],
    ['anteckning Första raden\nAndra raden', { kind: 'note', text: 'Första raden\nAndra raden' }],
    ['anteckning: Kort.', { kind: 'note', text: 'Kort.' }],
    // the clause as typed: the group's clause style decides whether its `att` is kept (decision-clause.ts)
    ['beslut att godkänna dagordningen', { kind: 'decision', clause: 'att godkänna dagordningen' }],
    ['Beslut Att godkänna dagordningen.', { kind: 'decision', clause: 'Att godkänna dagordningen.' }],
    ['beslut godkänna  dagordningen', { kind: 'decision', clause: 'godkänna  dagordningen' }],
    ['beslut attestera fakturan', { kind: 'decision', clause: 'attestera fakturan' }],
    ['beslut Justeringen sker digitalt senast den 3 maj klockan 12.00.', { kind: 'decision', clause: 'Justeringen sker digitalt senast den 3 maj klockan 12.00.' }],
    ['beslut\natt uppdra åt förvaltningen\natt återkomma i maj', { kind: 'decision', clause: 'att uppdra åt förvaltningen\natt återkomma i maj' }],
    ['åtgärd Skicka ut protokollet', { kind: 'action', text: 'Skicka ut protokollet', owner: null, dueDate: null }],
    ['åtgärd Skicka ut protokollet ansvarig Anna Berg', { kind: 'action', text: 'Skicka ut protokollet', owner: 'Anna Berg', dueDate: null }],
    ['åtgärd Skicka ut protokollet senast 2024-03-15', { kind: 'action', text: 'Skicka ut protokollet', owner: null, dueDate: '2024-03-15' }],
    ['Åtgärd Skicka ut protokollet ansvarig Anna-Karin Åkesson senast 2024-02-29', { kind: 'action', text: 'Skicka ut protokollet', owner: 'Anna-Karin Åkesson', dueDate: '2024-02-29' }],
    ['åtgärd Skicka ut protokollet SENAST 2024-03-15 Ansvarig Anna Berg', { kind: 'action', text: 'Skicka ut protokollet', owner: 'Anna Berg', dueDate: '2024-03-15' }],
    ['åtgärd   Ta fram  underlag   ansvarig   Bo Ek  ', { kind: 'action', text: 'Ta fram underlag', owner: 'Bo Ek', dueDate: null }],
    ['skickas till Socialnämnden', { kind: 'recipients', names: ['Socialnämnden'] }],
    ['skickas till Region Blekinge och Karlskrona kommun', { kind: 'recipients', names: ['Region Blekinge', 'Karlskrona kommun'] }],
    ['skickas till Hälso- och sjukvårdsnämnden', { kind: 'recipients', names: ['Hälso- och sjukvårdsnämnden'] }],
    ['skickas till Anna Berg, Förvaltningen för vård och omsorg', { kind: 'recipients', names: ['Anna Berg', 'Förvaltningen för vård och omsorg'] }],
    ['skickas till Nämnden för vård & omsorg', { kind: 'recipients', names: ['Nämnden för vård & omsorg'] }],
    ['Skickas  till Anna Berg, Bo Ek och Cecilia Ahl', { kind: 'recipients', names: ['Anna Berg', 'Bo Ek', 'Cecilia Ahl'] }],
    ['sändlista Ledamöter, Ersättare', { kind: 'distribution', names: ['Ledamöter', 'Ersättare'] }],
    ['sändlista\nAnna Berg\nBo Ek', { kind: 'distribution', names: ['Anna Berg', 'Bo Ek'] }],
    // a recipient with a comma in it: `;` separates, and then only `;`
    ['skickas till Region Blekinge, hälso- och sjukvårdsförvaltningen; Ronneby kommun', { kind: 'recipients', names: ['Region Blekinge, hälso- och sjukvårdsförvaltningen', 'Ronneby kommun'] }],
    ['skickas till Region Blekinge, hälso- och sjukvårdsförvaltningen;', { kind: 'recipients', names: ['Region Blekinge, hälso- och sjukvårdsförvaltningen'] }],
    ['skickas till Socialnämnden och Kommunstyrelsen; Ronneby kommun, äldreförvaltningen', { kind: 'recipients', names: ['Socialnämnden och Kommunstyrelsen', 'Ronneby kommun, äldreförvaltningen'] }],
    ['sändlista Ledamöter, ersättare; Karlskrona kommun, socialförvaltningen ;\nRegion Blekinge', { kind: 'distribution', names: ['Ledamöter, ersättare', 'Karlskrona kommun, socialförvaltningen', 'Region Blekinge'] }],
    ['sändlista Region Blekinge, vårdförvaltningen;Ronneby kommun', { kind: 'distribution', names: ['Region Blekinge, vårdförvaltningen', 'Ronneby kommun'] }],
    ['plats Sammanträdesrum Ekbacken, Ronneby rådhus', { kind: 'place', text: 'Sammanträdesrum Ekbacken, Ronneby rådhus' }],
    ['Plats   via  Teams', { kind: 'place', text: 'via Teams' }],
    ['plats: Länshuset, Karlskrona', { kind: 'place', text: 'Länshuset, Karlskrona' }],
    ['plats Regionhuset\nsal 3', { kind: 'place', text: 'Regionhuset sal 3' }],
    ['närvarande Anna Berg', { kind: 'mark-present', name: 'Anna Berg' }],
    ['Närvarande  anna  berg', { kind: 'mark-present', name: 'anna berg' }],
    ['frånvarande Åsa Öberg-Ähr', { kind: 'mark-absent', name: 'Åsa Öberg-Ähr' }],
    ['justerare Mats Wennstig', { kind: 'adjuster', name: 'Mats Wennstig' }],
    ['Justerare Mats Wennstig.', { kind: 'adjuster', name: 'Mats Wennstig' }],
    ['justering senast 2024-03-01', { kind: 'approval-deadline', date: '2024-03-01', time: null }],
    ['justering senast 2024-03-01 kl. 16.00', { kind: 'approval-deadline', date: '2024-03-01', time: '16.00' }],
    ['Justering  Senast 2024-03-01 kl 9:30', { kind: 'approval-deadline', date: '2024-03-01', time: '09.30' }],
    ['justering senast 2024-03-01 14.45', { kind: 'approval-deadline', date: '2024-03-01', time: '14.45' }],
    ['justering senast 2024-03-01 kl.08.05', { kind: 'approval-deadline', date: '2024-03-01', time: '08.05' }],
    ['ändra Stavningen av Åkesson i § 4', { kind: 'request-change', comment: 'Stavningen av Åkesson i § 4' }],
    ['Ändra punkten om budgeten saknar beslut', { kind: 'request-change', comment: 'punkten om budgeten saknar beslut' }],
    ['ändra\nRad ett\nRad två', { kind: 'request-change', comment: 'Rad ett\nRad två' }],
  ])('%j', (text, expected) => {
    expect(ok(text)).toEqual(expected);
  });
});

describe('parseCommand: longest keyword wins', () => {
  it.each<[string, CommandKind]>([
    ['ny punkt X', 'add-item'],
    ['punkt 2', 'go-to'],
    ['underpunkt X', 'add-sub-point'],
    ['ändra punkt 2 X', 'rename-item'],
    ['ändra X', 'request-change'],
    ['ta bort punkt 2', 'remove-item'],
    ['justering senast 2024-01-31', 'approval-deadline'],
    ['justerare X', 'adjuster'],
    ['justera', 'approve'],
    ['beslutsförhet av', 'quorum-rule'],
    ['beslutsstil att', 'clause-style'],
    ['plats Rådhuset', 'place'],
    ['beslutsorgan X', 'deciding-body'],
    ['beslut X', 'decision'],
    ['närvarande X', 'mark-present'],
    ['närvaro', 'attendance'],
  ])('%j → %s', (text, kind) => {
    expect(ok(text).kind).toBe(kind);
  });
});

describe('parseCommand: normalisation', () => {
  it('treats å typed as a + combining ring like å', () => {
    expect(ok(`${A_RING_DECOMPOSED}tgärd Skicka ansvarig ${A_RING_DECOMPOSED}sa`)).toEqual({
      kind: 'action', text: 'Skicka', owner: 'åsa', dueDate: null,
    });
  });

  it('treats no-break spaces as spaces and drops control characters', () => {
    expect(ok('ny\u00a0punkt\u00a0Bud\u0000get\u00a0(I)')).toEqual({ kind: 'add-item', title: 'Budget', typeTag: 'I' });
  });

  it('keeps tabs and line breaks inside a note', () => {
    expect(ok('anteckning a\tb\r\nc')).toEqual({ kind: 'note', text: 'a\tb\nc' });
  });

  it('accepts fields up to their limits', () => {
    expect(ok(`ny punkt ${'x'.repeat(300)}`)).toEqual({ kind: 'add-item', title: 'x'.repeat(300), typeTag: null });
    expect(ok(`justerare ${'n'.repeat(200)}`)).toEqual({ kind: 'adjuster', name: 'n'.repeat(200) });
    expect(ok(`anteckning ${'t'.repeat(10_000)}`)).toEqual({ kind: 'note', text: 't'.repeat(10_000) });
  });
});

describe('parseCommand: empty', () => {
  it.each(['', '   ', '\n\t \u00a0', '\u0000'])('%j', (text) => {
    const result = parseCommand(text);
    expect(result).toEqual({ ok: false, error: { code: 'empty', message: expect.stringContaining('`hjälp`') } });
  });
});

describe('parseCommand: unknown command', () => {
  it.each<[string, string | null]>([
    ['nästaa', 'nästa'],
    ['nasta', 'nästa'],
    ['NÄSTAA', 'nästa'],
    ['atgard Skicka', 'åtgärd'],
    ['dagordningen', 'dagordning'],
    ['avslut', 'avsluta'],
    ['justerar Anna', 'justerare'],
    ['hej', null],
    ['Vad händer nu?', null],
    [`${'x'.repeat(60_000)} nästa`, null],
    ['punkten 3', 'punkt'],
  ])('%j suggests %j', (text, suggestion) => {
    const result = parseCommand(text);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    if (result.ok) return;
    expect(result.error.kind).toBeUndefined();
    expect(result.error.message).toContain('`hjälp`');
    if (suggestion) expect(result.error.message).toContain(`Menade du \`${suggestion}\`?`);
    else expect(result.error.message).not.toContain('Menade du');
    if (suggestion === 'nästa') expect(result.error.message).toContain(`\`${COMMAND_SYNTAX.next.syntax}\``);
  });
});

describe('parseCommand: a paragraph named as chat answers name it can be typed back', () => {
  // `punkt 3 a)` / `§ 15 b)` (itemReference) → `punkt` + the reference → the same paragraph
  const cases = [1, 24, 999_999].flatMap((number) => Array.from({ length: 101 }, (_, sub) => [number, sub] as const));
  it.each(['meeting', 'meeting-paren', 'year'] as const)('%s numbering, sub-points 0–100', (style) => {
    for (const [number, sub] of cases) {
      const reference = `${formatParagraphRef(style, number, 2024)} ${subPointLabel(sub)}`.replace(/^punkt /, '');
      expect(ok(`punkt ${reference}`)).toEqual({ kind: 'go-to', number, sub });
    }
  });

  it.each([
    ['ändra punkt 24 Ny titel', { kind: 'rename-item', number: 24, title: 'Ny titel', typeTag: null }],
    ['ta bort punkt § 24.', { kind: 'remove-item', number: 24 }],
  ] as const)('%j uses the same number reader', (text, expected) => {
    expect(ok(text)).toEqual(expected);
  });
});

describe('parseCommand: malformed commands quote their syntax line', () => {
  it.each<[string, CommandKind, string]>([
    ['grupp', 'bind-group', 'saknas'],
    [`grupp ${'g'.repeat(201)}`, 'bind-group', 'högst 200'],
    ['beslutsorgan', 'deciding-body', 'saknas'],
    [`beslutsorgan ${'b'.repeat(301)}`, 'deciding-body', 'högst 300'],
    ['numrering', 'numbering', 'möte, möte-parentes, år eller år-suffix'],
    ['numrering möte-parentes start 3', 'numbering', 'börjar alltid på 1'],
    ['numrering vecka', 'numbering', '”vecka”'],
    ['numrering år start 0', 'numbering', 'positivt heltal'],
    ['numrering år start -3', 'numbering', 'positivt heltal'],
    ['numrering år start tre', 'numbering', 'positivt heltal'],
    ['numrering år-suffix start 1.5', 'numbering', 'positivt heltal'],
    ['numrering möte start 5', 'numbering', 'år eller år-suffix'],
    ['numrering år 15', 'numbering', 'förstods inte'],
    ['beslutsförhet', 'quorum-rule', 'huvudman, region-kommun eller av'],
    ['beslutsförhet alla', 'quorum-rule', '”alla”'],
    // words every JavaScript object has are no rule and no numbering
    ['beslutsförhet constructor', 'quorum-rule', '”constructor”'],
    ['beslutsförhet __proto__', 'quorum-rule', '”__proto__”'],
    ['numrering constructor', 'numbering', '”constructor”'],
    ['numrering __proto__ start 3', 'numbering', '”__proto__ start 3”'],
    ['beslutsstil constructor', 'clause-style', '”constructor”'],
    ['beslutsstil __proto__', 'clause-style', '”__proto__”'],
    ['ny punkt', 'add-item', 'Titeln saknas'],
    ['ny punkt (I/D)', 'add-item', 'Titeln saknas'],
    ['ny punkt Budget (DB)', 'add-item', '”(DB)”'],
    ['ny punkt Budget (I//D)', 'add-item', 'snedstreck'],
    ['ny punkt Budget (I/I)', 'add-item', 'Typmarkeringen'],
    ['ny punkt Budget (I/)', 'add-item', 'Typmarkeringen'],
    ['ny punkt Budget (/)', 'add-item', 'Typmarkeringen'],
    [`ny punkt ${'x'.repeat(301)}`, 'add-item', 'högst 300'],
    ['ny', 'add-item', 'inte fullständigt'],
    ['ny pukt Budget', 'add-item', 'inte fullständigt'],
    ['underpunkt', 'add-sub-point', 'saknas'],
    ['underpunkt (I)', 'add-sub-point', 'Titeln saknas'],
    ['underpunkt Budget (I/I)', 'add-sub-point', 'Typmarkeringen'],
    ['plats', 'place', 'Platsen saknas'],
    [`plats ${'x'.repeat(301)}`, 'place', 'högst 300'],
    ['beslutsstil', 'clause-style', 'Ange att eller numrerad'],
    ['beslutsstil romerska', 'clause-style', '”romerska” förstods inte'],
    ['skickas till Region Blekinge, vården;; Ronneby kommun', 'recipients', 'Mottagare 2 är tom'],
    ['skickas till ; Ronneby kommun', 'recipients', 'Mottagare 1 är tom'],
    ['sändlista Region Blekinge, vården; ;', 'distribution', 'Mottagare 2 är tom'],
    [`underpunkt ${'x'.repeat(301)}`, 'add-sub-point', 'högst 300'],
    ['avsnitt', 'section', 'Rubriken saknas'],
    ['ändra punkt', 'rename-item', 'nummer saknas'],
    ['ändra punkt 3', 'rename-item', 'nya titeln saknas'],
    ['ändra punkt Budget 2025', 'rename-item', '”Budget 2025”'],
    ['ändra punkt 0 Ny', 'rename-item', 'inget punktnummer'],
    ['ändra punkt 3b Ny', 'rename-item', 'utan bokstav'],
    ['ändra punkt 3 Ny (I/I)', 'rename-item', 'ska vara I, D eller B'],
    [`ändra punkt 3 ${'x'.repeat(301)}`, 'rename-item', 'högst 300'],
    ['ta bort punkt', 'remove-item', 'nummer saknas'],
    ['ta bort punkt tre', 'remove-item', '”tre” är inget punktnummer'],
    ['ta bort punkt 3 4', 'remove-item', 'inget punktnummer'],
    ['ta bort 3', 'remove-item', 'inte fullständigt'],
    ['dagordning nu', 'show-agenda', '”nu”'],
    ['starta mötet', 'start', '”mötet”'],
    ['nästa 3', 'next', '”3”'],
    ['punkt', 'go-to', 'nummer saknas'],
    ['punkt x', 'go-to', 'inget punktnummer'],
    ['punkt 0', 'go-to', 'inget punktnummer'],
    ['punkt 24abcd', 'go-to', 'inget punktnummer'],
    ['punkt 24/25', 'go-to', 'inget punktnummer'],
    ['punkt 24ö', 'go-to', 'ingen underpunkt'],
    ['punkt 24 aö)', 'go-to', 'ingen underpunkt'],
    ['ta bort punkt 5aa', 'remove-item', 'utan bokstav'],
    ['ändra punkt 3aa Ny', 'rename-item', 'utan bokstav'],
    ['åtgärd Skicka senast 1899-12-31', 'action', 'Datumet 1899-12-31 finns inte'],
    ['justering senast 0024-02-29', 'approval-deadline', 'finns inte'],
    ['föredragande', 'presenters', 'Minst ett namn'],
    ['föredragande Anna,, Bo', 'presenters', 'Namn 2 är tomt'],
    ['föredragande Anna, Bo,', 'presenters', 'Namn 3 är tomt'],
    [`föredragande Anna, ${'n'.repeat(201)}`, 'presenters', 'högst 200'],
    ['anteckning', 'note', 'Texten saknas'],
    ['anteckning\n\n', 'note', 'Texten saknas'],
    [`anteckning ${'t'.repeat(10_001)}`, 'note', 'högst 10000'],
    ['beslut', 'decision', 'Beslutssatsen saknas'],
    ['beslut att', 'decision', 'Beslutssatsen saknas'],
    [`beslut att ${'t'.repeat(10_001)}`, 'decision', 'för många tecken'],
    ['information tas till protokollet', 'information', '”tas till protokollet”'],
    ['åtgärd', 'action', 'text saknas'],
    ['åtgärd ansvarig Anna', 'action', 'text saknas'],
    ['åtgärd Skicka ansvarig', 'action', 'Namnet efter ansvarig saknas'],
    ['åtgärd Skicka senast', 'action', 'Datumet efter senast saknas'],
    ['åtgärd Skicka senast 2024-02-30', 'action', 'Datumet 2024-02-30 finns inte'],
    ['åtgärd Skicka senast 2023-02-29', 'action', 'Datumet 2023-02-29 finns inte'],
    ['åtgärd Skicka senast 2024-13-01', 'action', 'finns inte'],
    ['åtgärd Skicka senast 2024-04-31', 'action', 'finns inte'],
    ['åtgärd Skicka senast imorgon', 'action', '”imorgon” är inget datum'],
    ['åtgärd Skicka senast 15/3', 'action', 'ÅÅÅÅ-MM-DD'],
    ['åtgärd Skicka senast 2024-03-15 ansvarig', 'action', 'saknas'],
    [`åtgärd Skicka ansvarig ${'n'.repeat(201)}`, 'action', 'högst 200'],
    ['bordlägg punkt 3', 'postpone', '”punkt 3”'],
    ['skickas till', 'recipients', 'Minst ett namn'],
    ['skickas Anna', 'recipients', 'inte fullständigt'],
    ['skickas till Anna och', 'recipients', 'Namn 2 är tomt'],
    ['skickas till Anna &', 'recipients', 'Namn 2 är tomt'],
    ['sändlista', 'distribution', 'Minst ett namn'],
    ['sändlista , Bo', 'distribution', 'Namn 1 är tomt'],
    ['närvaro Anna', 'attendance', '”Anna”'],
    ['närvarande', 'mark-present', 'Namnet saknas'],
    ['frånvarande', 'mark-absent', 'Namnet saknas'],
    [`frånvarande ${'n'.repeat(201)}`, 'mark-absent', 'högst 200'],
    ['justerare', 'adjuster', 'Namnet saknas'],
    ['justering senast', 'approval-deadline', 'Datumet saknas'],
    ['justering', 'approval-deadline', 'inte fullständigt'],
    ['justering 2024-03-01', 'approval-deadline', 'inte fullständigt'],
    ['justering senast 2024-02-30', 'approval-deadline', 'finns inte'],
    ['justering senast fredag', 'approval-deadline', '”fredag” är inget datum'],
    ['justering senast 2024-03-01 kl. 25.00', 'approval-deadline', 'inget klockslag'],
    ['justering senast 2024-03-01 kl. 16.60', 'approval-deadline', 'inget klockslag'],
    ['justering senast 2024-03-01 på eftermiddagen', 'approval-deadline', 'inget klockslag'],
    ['avsluta mötet', 'end', '”mötet”'],
    ['justera utkastet', 'approve', '”utkastet”'],
    ['ändra', 'request-change', 'Kommentaren saknas'],
    [`ändra ${'k'.repeat(10_001)}`, 'request-change', 'för många tecken'],
  ])('%j → %s', (text, kind, problem) => {
    const result = parseCommand(text);
    expect(result).toMatchObject({ ok: false, error: { code: 'malformed', kind } });
    if (result.ok) return;
    expect(result.error.message).toContain(problem);
    expect(result.error.message).toContain(`\`${COMMAND_SYNTAX[kind].syntax}\``);
  });
});

describe('COMMAND_SYNTAX', () => {
  const entries = Object.entries(COMMAND_SYNTAX);

  it.each(entries)('%s has keywords, a syntax line starting with one and a description', (_kind, entry) => {
    expect(entry.keywords.length).toBeGreaterThan(0);
    expect(entry.keywords.some((k) => entry.syntax.startsWith(k))).toBe(true);
    expect(entry.description).toMatch(/\.$/);
  });

  it('uses every keyword once', () => {
    const keywords = entries.flatMap(([, entry]) => entry.keywords);
    expect(new Set(keywords).size).toBe(keywords.length);
  });

  it.each(entries)('the bare keyword of %s parses to that command or says how to write it', (kind, entry) => {
    const result = parseCommand(entry.keywords[0] ?? '');
    if (result.ok) expect(result.command.kind).toBe(kind);
    else expect(result.error).toMatchObject({ code: 'malformed', kind, message: expect.stringContaining(entry.syntax) });
  });
});
