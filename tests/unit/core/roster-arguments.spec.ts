/**
 * `ledamöter` lines with a party, several roles and an e-mail (INTERFACES.md): what each line
 * becomes, and the Swedish error naming the line and what is wrong when it cannot be read.
 */
import { COMMAND_SYNTAX, type RosterEntryInput } from '../../../bot/src/core/commands/command';
import { parseCommand } from '../../../bot/src/core/commands/command.parser';
import { parseRoster } from '../../../bot/src/core/commands/roster.arguments';
import { ROSTER_ROLES } from '../../../bot/src/core/model';

const entry = (fields: Partial<RosterEntryInput>): RosterEntryInput => ({
  name: 'Karin Berg', title: 'regionråd', principal: 'Region Blekinge', roles: ['ledamot'], party: null, email: null, ...fields,
});

describe('parseRoster: one line', () => {
  it.each<[string, RosterEntryInput]>([
    // the old four-field form
    ['Karin Berg; regionråd; Region Blekinge; ledamot', entry({})],
    ['Karin Berg; regionråd; Region Blekinge; ledamot;', entry({})],
    // a party after the name: stored apart, the name is what Teams matches
    ['Karin Berg (S); regionråd; Region Blekinge; ledamot', entry({ party: 'S' })],
    ['Karin Berg(KD); regionråd; Region Blekinge; ledamot', entry({ party: 'KD' })],
    ['  Karin   Berg  (  Sjvp ) ; regionråd; Region Blekinge; ledamot', entry({ party: 'Sjvp' })],
    // several roles, in the order typed, each once
    ['Karin Berg; regionråd; Region Blekinge; sekreterare, ledamot', entry({ roles: ['sekreterare', 'ledamot'] })],
    ['Karin Berg; regionråd; Region Blekinge; Ledamot ,Sekreterare', entry({ roles: ['ledamot', 'sekreterare'] })],
    ['Karin Berg; regionråd; Region Blekinge; sekreterare och ledamot', entry({ roles: ['sekreterare', 'ledamot'] })],
    ['Karin Berg; regionråd; Region Blekinge; vice-ordförande, ledamot, ledamot', entry({ roles: ['vice ordförande', 'ledamot'] })],
    ['Karin Berg; regionråd; Region Blekinge; ledamot,', entry({})],
    // an e-mail, lower-cased; Teams' `mailto:` and angle brackets taken off
    ['Karin Berg; regionråd; Region Blekinge; ledamot; Karin.Berg@RegionBlekinge.se', entry({ email: 'karin.berg@regionblekinge.se' })],
    ['Karin Berg; regionråd; Region Blekinge; ledamot; mailto:karin.berg@regionblekinge.se;', entry({ email: 'karin.berg@regionblekinge.se' })],
    ['Karin Berg; regionråd; Region Blekinge; ledamot; <karin.berg@regionblekinge.se>', entry({ email: 'karin.berg@regionblekinge.se' })],
    ['Karin Berg; regionråd; Region Blekinge; ledamot; ', entry({})],
    // everything at once
    [
      'Karin Berg (S); regionråd; Region Blekinge; ordförande, ledamot; karin.berg@regionblekinge.se',
      entry({ party: 'S', roles: ['ordförande', 'ledamot'], email: 'karin.berg@regionblekinge.se' }),
    ],
    // a title may be empty
    ['Per Öst (M); ; Ronneby kommun; ersättare', entry({ name: 'Per Öst', title: '', principal: 'Ronneby kommun', roles: ['ersättare'], party: 'M' })],
  ])('%j', (line, expected) => {
    expect(parseRoster(line)).toEqual({ value: [expected] });
  });

  it.each(ROSTER_ROLES)('knows the role %s', (role) => {
    expect(parseRoster(`Karin Berg; regionråd; Region Blekinge; ${role.toUpperCase()}`)).toEqual({ value: [entry({ roles: [role] })] });
  });
});

describe('parseRoster: errors name the line and what is wrong', () => {
  const ALL_ROLES = 'ordförande, vice ordförande, sekreterare, ledamot, ersättare, adjungerad, tjänsteperson eller föredragande';

  it.each<[string, string[]]>([
    ['Karin Berg; regionråd; Region Blekinge', ['rad 2', '3 fält i stället för 4 eller 5', 'roll[; e-post]']],
    ['Karin Berg; regionråd; Region Blekinge; ledamot; karin@x.se; extra', ['rad 2', '6 fält i stället för 4 eller 5']],
    ['Karin Berg; regionråd; Region Blekinge; gäst', ['rad 2', 'okänd roll ”gäst”', ALL_ROLES]],
    ['Karin Berg; regionråd; Region Blekinge; sekreterare, gäst, vd', ['rad 2', 'okända roller ”gäst”, ”vd”', ALL_ROLES, 'åtskilda med kommatecken']],
    ['Karin Berg; regionråd; Region Blekinge; , ', ['rad 2', 'roll saknas', ALL_ROLES]],
    ['Karin Berg; regionråd; Region Blekinge; constructor', ['rad 2', 'okänd roll ”constructor”']],
    ['Karin Berg; regionråd; Region Blekinge; ledamot; constructor', ['rad 2', '”constructor” är ingen e-postadress']],
    ['Karin Berg; regionråd; Region Blekinge; sekreterare; ledamot', ['rad 2', 'flera roller skrivs åtskilda med kommatecken, inte semikolon']],
    ['Karin Berg; regionråd; Region Blekinge; ledamot; karin.berg', ['rad 2', '”karin.berg” är ingen e-postadress', 'karin.berg@regionblekinge.se']],
    ['Karin Berg; regionråd; Region Blekinge; ledamot; Karin Berg <karin@x.se>', ['rad 2', 'är ingen e-postadress']],
    ['Karin Berg; regionråd; Region Blekinge; ledamot; karin@@x.se', ['rad 2', 'är ingen e-postadress']],
    ['Karin Berg (); regionråd; Region Blekinge; ledamot', ['rad 2', 'partiet inom parentes är tomt']],
    [`Karin Berg (${'S'.repeat(31)}); regionråd; Region Blekinge; ledamot`, ['rad 2', 'partiet', 'för långt (högst 30 tecken)']],
    ['Karin Berg (S; regionråd; Region Blekinge; ledamot', ['rad 2', 'parenteserna i ”Karin Berg (S” förstods inte']],
    ['Karin (S) Berg; regionråd; Region Blekinge; ledamot', ['rad 2', 'parenteserna', 'sist i namnet']],
    ['Karin Berg (S)); regionråd; Region Blekinge; ledamot', ['rad 2', 'parenteserna']],
    ['(S); regionråd; Region Blekinge; ledamot', ['rad 2', 'namnet saknas']],
    ['Karin Berg; regionråd; ; ledamot', ['rad 2', 'huvudman saknas']],
  ])('%j', (line, parts) => {
    const result = parseRoster(`\n${line}`);
    expect(result).toHaveProperty('problem');
    if (!('problem' in result)) return;
    expect(result.problem).toMatch(/^Inget sparades\. Rätta raden:\n• rad 2 \(”/);
    for (const part of parts) expect(result.problem).toContain(part);
  });

  it('reports every bad line at once, and the same e-mail on two lines', () => {
    const result = parseRoster([
      '',
      'Karin Berg (S); regionråd; Region Blekinge; ledamot; karin@x.se',
      'Per Öst; ; Region Blekinge; gäst',
      'Kim Ek; chef; Region Blekinge; ersättare; KARIN@x.se',
    ].join('\n'));
    expect(result).toEqual({
      problem: [
        'Inget sparades. Rätta raderna:',
        `• rad 3 (”Per Öst; ; Region Blekinge; gäst”): okänd roll ”gäst” (${ALL_ROLES}; flera roller skrivs åtskilda med kommatecken)`,
        '• rad 4 (”Kim Ek; chef; Region Blekinge; ersättar…”): e-postadressen karin@x.se står redan på rad 2',
      ].join('\n'),
    });
  });

  it('through the command parser: the error quotes the syntax of the help text', () => {
    const result = parseCommand('ledamöter\nKarin Berg (S); regionråd; Region Blekinge; ledamot; inte-en-adress');
    expect(result).toMatchObject({ ok: false, error: { code: 'malformed', kind: 'roster' } });
    if (result.ok) return;
    expect(result.error.message).toContain('rad 2');
    expect(result.error.message).toContain('”inte-en-adress” är ingen e-postadress');
    expect(result.error.message).toContain(COMMAND_SYNTAX.roster.syntax);
  });
});

describe('the help text of ledamöter', () => {
  it('shows the contract\'s form and names every role', () => {
    expect(COMMAND_SYNTAX.roster.syntax).toBe('ledamöter + en rad per person: Namn [(parti)]; titel/organisation; huvudman; roll[, roll][; e-post]');
    for (const role of ROSTER_ROLES) expect(COMMAND_SYNTAX.roster.description).toContain(role);
    expect(COMMAND_SYNTAX.roster.description).toContain('sekreterare, ledamot');
  });
});
