/**
 * The chat commands of INTERFACES.md as typed values, and the one table of their Swedish keywords,
 * syntax lines and descriptions (used by the parser, its error messages and the help card).
 */
import type { IsoDate, ItemTypeTag, NumberingStyle, QuorumRule, RosterRole } from '../model';
import type { CalendarRef } from '../calendar';

export interface RosterEntryInput {
  /** without the party: the name Teams' display name is matched against */
  name: string;
  /** title and organisation as written */
  title: string;
  principal: string;
  /** one or more, in the order typed */
  roles: RosterRole[];
  /** `S` of `Karin Berg (S)`; null when none was written */
  party: string | null;
  /** lower-case; null when none was written */
  email: string | null;
}

export type Command =
  | { kind: 'help' }
  | { kind: 'bind-group'; name: string }
  | { kind: 'roster'; entries: RosterEntryInput[] }
  | { kind: 'deciding-body'; text: string }
  | { kind: 'numbering'; style: NumberingStyle; start: number | null }
  | { kind: 'add-item'; title: string; typeTag: ItemTypeTag | null }
  | { kind: 'add-sub-point'; title: string; typeTag: ItemTypeTag | null }
  | { kind: 'section'; heading: string }
  /** a type tag at the end of the new title replaces the item's; without one the tag is kept */
  | { kind: 'rename-item'; number: number; title: string; typeTag: ItemTypeTag | null }
  | { kind: 'remove-item'; number: number }
  | { kind: 'show-agenda' }
  | { kind: 'start' }
  | { kind: 'next' }
  /** `punkt 24b` → number 24, sub 1 (0-based: a = 0) */
  | { kind: 'go-to'; number: number; sub: number | null }
  | { kind: 'presenters'; names: string[] }
  /** line breaks kept */
  | { kind: 'note'; text: string }
  /**
   * as typed, line breaks kept (never empty without a leading `att`): the use case stores it by the
   * group's clause style, without the `att` in the `att` style, as typed in the numbered style
   */
  | { kind: 'decision'; clause: string }
  | { kind: 'information' }
  /** jäv: the member takes no part in the current paragraph */
  | { kind: 'conflict'; name: string }
  /** members dissenting from the current paragraph's decision, in the order typed */
  | { kind: 'reservation'; names: string[]; motivation: string | null }
  /** the current paragraph approved at once by the chair and the justerare, in a card */
  | { kind: 'immediate-adjustment' }
  | { kind: 'action'; text: string; owner: string | null; dueDate: IsoDate | null }
  | { kind: 'postpone' }
  | { kind: 'recipients'; names: string[] }
  | { kind: 'distribution'; names: string[] }
  /** planned minutes for the current item (before the meeting: the last own item added); never printed */
  | { kind: 'planned-time'; minutes: number }
  /** the meeting's place, printed in "Tid och plats" */
  | { kind: 'place'; text: string }
  /** `beslutsstil att` (false) · `beslutsstil numrerad` (true): the group's decision clauses */
  | { kind: 'clause-style'; numbered: boolean }
  | { kind: 'quorum-rule'; rule: QuorumRule }
  /** `kalender grupp <id>` / `kalender användare <e-post>` links, `kalender av` unlinks, bare `kalender` shows */
  | { kind: 'calendar'; link: CalendarRef | 'off' | null }
  | { kind: 'attendance' }
  | { kind: 'mark-present'; name: string }
  | { kind: 'mark-absent'; name: string }
  /** a stand-in secretary for this meeting only */
  | { kind: 'stand-in'; name: string }
  /** the secretary vouches that the Teams account matched by display name is this roster member */
  | { kind: 'confirm-identity'; name: string }
  | { kind: 'adjuster'; name: string }
  /** time normalised `HH.MM`, null when not given */
  | { kind: 'approval-deadline'; date: IsoDate; time: string | null }
  | { kind: 'end' }
  | { kind: 'approve' }
  | { kind: 'request-change'; comment: string };

export type CommandKind = Command['kind'];

export interface CommandSyntax {
  /** lower-case Swedish keywords (several words allowed); the longest one matching wins */
  keywords: readonly string[];
  /** how to write it, shown in the help card and quoted by error messages */
  syntax: string;
  /** one line of Swedish */
  description: string;
}

/** In help-card order. */
export const COMMAND_SYNTAX: { readonly [K in CommandKind]: CommandSyntax } = {
  help: { keywords: ['hjälp', 'help'], syntax: 'hjälp', description: 'Visar alla kommandon.' },
  'bind-group': {
    keywords: ['grupp'],
    syntax: 'grupp <namn>',
    description: 'Kopplar den här kanalen eller möteschatten till gruppen (skapas om den är ny).',
  },
  roster: {
    keywords: ['ledamöter'],
    syntax: 'ledamöter + en rad per person: Namn [(parti)]; titel/organisation; huvudman; roll[, roll][; e-post]',
    description:
      'Lägger till eller uppdaterar ledamöter (roll: ordförande, vice ordförande, sekreterare, ledamot, ersättare, adjungerad, tjänsteperson, föredragande; flera roller med kommatecken, t.ex. sekreterare, ledamot). E-postadressen kopplar personen till sitt Teams-konto.',
  },
  'deciding-body': {
    keywords: ['beslutsorgan'],
    syntax: 'beslutsorgan <text>',
    description: 'Det som skrivs före ”beslutar”, t.ex. LSVO eller Samverkansgruppen.',
  },
  numbering: {
    keywords: ['numrering'],
    syntax: 'numrering möte · numrering möte-parentes · numrering år [start <n>] · numrering år-suffix [start <n>]',
    description: 'Paragrafnumrering: 1. per möte, § 15 löpande över året eller § 12/24.',
  },
  'quorum-rule': {
    keywords: ['beslutsförhet'],
    syntax: 'beslutsförhet huvudman · beslutsförhet region-kommun · beslutsförhet av',
    description: 'Regeln för beslutsförhet (standard: huvudman).',
  },
  'clause-style': {
    keywords: ['beslutsstil'],
    syntax: 'beslutsstil att · beslutsstil numrerad',
    description: 'Hur beslutssatserna skrivs: att … (standard) eller numrerade 1. Att …, där varje sats skrivs som den skrevs och inget ”att” läggs till.',
  },
  calendar: {
    keywords: ['kalender'],
    syntax: 'kalender grupp <id> · kalender användare <e-post> · kalender av',
    description:
      'Kopplar gruppen till kalendern där mötena bokas (Microsoft 365-gruppens eller organisatörens); dagordningen hämtas då från kallelsen och postas i möteschatten före mötet.',
  },
  'add-item': {
    keywords: ['ny punkt'],
    syntax: 'ny punkt <titel> [(I/D/B)]',
    description: 'Lägger till en punkt på dagordningen, med valfri typ (I), (D), (B) eller en kombination.',
  },
  'add-sub-point': {
    keywords: ['underpunkt'],
    syntax: 'underpunkt <titel> [(I/D/B)]',
    description: 'Lägger till underpunkt a), b), … under aktuell paragraf (efter mötet: i protokollutkastet), med valfri typ.',
  },
  section: {
    keywords: ['avsnitt'],
    syntax: 'avsnitt <rubrik>',
    description: 'En avsnittsrubrik; punkter som läggs till efteråt hör till den.',
  },
  'rename-item': {
    keywords: ['ändra punkt'],
    syntax: 'ändra punkt <nr> <ny titel>',
    description: 'Byter titel på en punkt (efter mötet: i protokollutkastet).',
  },
  'remove-item': {
    keywords: ['ta bort punkt'],
    syntax: 'ta bort punkt <nr>',
    description: 'Tar bort en punkt (efter mötet: ur protokollutkastet); numren sluter sig.',
  },
  'show-agenda': { keywords: ['dagordning'], syntax: 'dagordning', description: 'Visar dagordningen med nummer.' },
  start: { keywords: ['starta'], syntax: 'starta', description: 'Startar mötet nu.' },
  next: { keywords: ['nästa', 'nästa punkt'], syntax: 'nästa', description: 'Går till nästa paragraf.' },
  'go-to': {
    keywords: ['punkt'],
    syntax: 'punkt <nr> (t.ex. punkt 24 eller punkt 24b)',
    description: 'Går till en viss paragraf.',
  },
  presenters: {
    keywords: ['föredragande'],
    syntax: 'föredragande <namn>[, <namn>]',
    description: 'Föredragande för aktuell paragraf.',
  },
  note: {
    keywords: ['anteckning'],
    syntax: 'anteckning <text> (får vara flera rader)',
    description: 'Lägger till text i aktuell paragraf.',
  },
  decision: {
    keywords: ['beslut'],
    syntax: 'beslut <text>',
    description: 'Lägger till en beslutssats; ”att” läggs till om det saknas (med numrerade beslutssatser skrivs satsen som den skrevs).',
  },
  information: {
    keywords: ['information'],
    syntax: 'information',
    description: 'Skriver ”Informationen tas till protokollet.” i aktuell paragraf.',
  },
  conflict: {
    keywords: ['jäv'],
    syntax: 'jäv <namn>',
    description: 'Ledamoten anmäler jäv i aktuell paragraf: ”<namn> anmäler jäv och deltar inte i handläggningen.” Räknas inte som närvarande i paragrafen.',
  },
  reservation: {
    keywords: ['reservation'],
    syntax: 'reservation <namn>[, <namn>] [: <motivering>]',
    description: 'Ledamöter som reserverar sig mot beslutet i aktuell paragraf: ”Mot beslutet reserverar sig …”, med motiveringen om den ges.',
  },
  'immediate-adjustment': {
    keywords: ['justeras omedelbart'],
    syntax: 'justeras omedelbart',
    description: 'Ordföranden och justerarna justerar aktuell paragraf direkt i ett kort; sedan är den låst, ”Paragrafen förklaras omedelbart justerad.” skrivs och dess beslut och åtgärder gäller.',
  },
  action: {
    keywords: ['åtgärd'],
    syntax: 'åtgärd <text> [ansvarig <namn>] [senast <ÅÅÅÅ-MM-DD>]',
    description: 'Lägger till en åtgärd från aktuell paragraf.',
  },
  postpone: { keywords: ['bordlägg'], syntax: 'bordlägg', description: 'Flyttar aktuell paragraf till nästa möte.' },
  recipients: {
    keywords: ['skickas till'],
    syntax: 'skickas till <mottagare>[, <mottagare>] (semikolon när en mottagare innehåller kommatecken)',
    description: '”Protokollet ska skickas till” för aktuell paragraf. Innehåller en mottagare kommatecken skiljs mottagarna åt med semikolon (en enda sådan mottagare avslutas med semikolon).',
  },
  distribution: {
    keywords: ['sändlista'],
    syntax: 'sändlista <mottagare>[, <mottagare>] (semikolon när en mottagare innehåller kommatecken)',
    description: 'Sändlistan i slutet av protokollet; mottagarna skiljs åt som för skickas till.',
  },
  'planned-time': {
    keywords: ['tid'],
    syntax: 'tid <minuter>',
    description: 'Planerad tid för aktuell punkt (före mötet: den senast tillagda). Mötespanelen räknar tiden och ordföranden och sekreteraren får veta när den gått ut; inget skrivs i protokollet.',
  },
  place: {
    keywords: ['plats'],
    syntax: 'plats <text>',
    description: 'Mötets plats i ”Tid och plats”, t.ex. plats Sammanträdesrum Ekbacken, Ronneby rådhus (standard: platsen i kallelsen, annars via Teams).',
  },
  attendance: { keywords: ['närvaro'], syntax: 'närvaro', description: 'Visar närvaro per huvudman och beslutsförhet.' },
  'mark-present': { keywords: ['närvarande'], syntax: 'närvarande <namn>', description: 'Markerar någon som närvarande.' },
  'mark-absent': { keywords: ['frånvarande'], syntax: 'frånvarande <namn>', description: 'Markerar någon som frånvarande.' },
  'confirm-identity': {
    keywords: ['bekräfta'],
    syntax: 'bekräfta <namn>',
    description: 'Bekräftar att Teams-deltagaren som matchats på namnet är den här personen i ledamotslistan (till dess ger matchningen inga rättigheter).',
  },
  adjuster: { keywords: ['justerare'], syntax: 'justerare <namn>', description: 'Väljer justerare för mötet.' },
  'stand-in': {
    keywords: ['sekreterare'],
    syntax: 'sekreterare <namn>',
    description: 'Utser en ersättare för sekreteraren vid det här mötet (av sekreteraren eller ordföranden); ersättaren kan föra protokollet för just det mötet.',
  },
  'approval-deadline': {
    keywords: ['justering senast'],
    syntax: 'justering senast <ÅÅÅÅ-MM-DD> [kl. HH.MM]',
    description: 'Sista dag (och tid) för justering.',
  },
  end: { keywords: ['avsluta'], syntax: 'avsluta', description: 'Avslutar mötet och skickar utkastet för justering.' },
  approve: { keywords: ['justera'], syntax: 'justera', description: 'Justerare: godkänner utkastet.' },
  'request-change': {
    keywords: ['ändra'],
    syntax: 'ändra <kommentar>',
    description: 'Justerare: ber om en ändring i utkastet.',
  },
};
