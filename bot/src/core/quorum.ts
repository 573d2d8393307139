/**
 * Beslutförhet: "Gruppen får fatta beslut när fler än hälften av ledamöterna från respektive
 * huvudman är närvarande". Only voting roles count; guests, officials and the secretary never do.
 * Some groups count the Region side against all municipalities together ('region-kommun').
 *
 *   assessQuorum(roster, presentMemberIds, rule) → QuorumAssessment (a bloc per huvudman or side)
 *   formatQuorumLine(assessment) → `Beslutsför: …` / `Inte beslutsför: … (krävs N)` / `Ingen regel om beslutförhet.`
 */
import type { QuorumRule, RosterMember } from './model';
import { countsForQuorum } from './roster-roles';

export interface QuorumBloc {
  label: string;
  members: number;
  present: number;
  /** more than half */
  required: number;
  quorate: boolean;
}

export interface QuorumAssessment {
  quorate: boolean;
  rule: QuorumRule;
  blocs: QuorumBloc[];
}

/** "Region Blekinge", "region Kalmar län"; also "Västra Götalandsregionen", whose name does not start with it. */
const isRegion = (principal: string) => /^region\b|regionen$/i.test(principal.trim());

/** Hand-typed rosters spell one huvudman in several ways ("Karlskrona kommun", "karlskrona  Kommun"). */
const principalKey = (principal: string) => principal.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv-SE');

const NO_PRINCIPAL = 'Utan huvudman';
const MUNICIPALITIES = 'Kommunerna';
const REGIONS = 'Regionen';

interface BlocDraft {
  label: string;
  members: RosterMember[];
}

/**
 * 'huvudman': a bloc per huvudman, labelled as first written in the roster, in roster order.
 * 'region-kommun': the Region side first (labelled by its name when only one region is on the
 * roster), then every other huvudman together as "Kommunerna".
 */
function blocsOf(voting: RosterMember[], rule: Exclude<QuorumRule, 'av'>): BlocDraft[] {
  if (rule === 'region-kommun') {
    const region = voting.filter((m) => isRegion(m.principal));
    const others = voting.filter((m) => !isRegion(m.principal));
    const regionNames = [...new Map(region.map((m) => [principalKey(m.principal), m.principal.trim()])).values()];
    return [
      ...(region.length > 0 ? [{ label: regionNames.length === 1 ? regionNames[0]! : REGIONS, members: region }] : []),
      ...(others.length > 0 ? [{ label: MUNICIPALITIES, members: others }] : []),
    ];
  }
  const blocs = new Map<string, BlocDraft>();
  for (const member of voting) {
    const key = principalKey(member.principal);
    const bloc = blocs.get(key) ?? { label: member.principal.trim() || NO_PRINCIPAL, members: [] };
    bloc.members.push(member);
    blocs.set(key, bloc);
  }
  return [...blocs.values()];
}

/**
 * Each bloc needs more than half of its voting members present: floor(n/2)+1. Everyone on the
 * roster with a voting role counts, present or not; ids in `presentMemberIds` that are not on the
 * roster, or that belong to guests and officials, change nothing.
 */
export function assessQuorum(roster: RosterMember[], presentMemberIds: ReadonlySet<string>, rule: QuorumRule): QuorumAssessment {
  if (rule === 'av') return { quorate: true, rule, blocs: [] };
  const voting = roster.filter(countsForQuorum);
  const blocs = blocsOf(voting, rule).map(({ label, members }) => {
    const present = members.filter((m) => presentMemberIds.has(m.id)).length;
    const required = Math.floor(members.length / 2) + 1;
    return { label, members: members.length, present, required, quorate: present >= required };
  });
  // No voting members means nobody can decide anything: never quorate.
  return { quorate: blocs.length > 0 && blocs.every((b) => b.quorate), rule, blocs };
}

/**
 * `Beslutsför: Region Blekinge 3 av 4, Karlskrona kommun 2 av 2`, or
 * `Inte beslutsför: Karlskrona kommun 1 av 3 (krävs 2), Region Blekinge 3 av 4`: the failing blocs
 * come first and say how many they need, so the chair sees at once who is missing.
 */
export function formatQuorumLine(assessment: QuorumAssessment): string {
  if (assessment.rule === 'av') return 'Ingen regel om beslutförhet.';
  if (assessment.blocs.length === 0) return 'Inte beslutsför: gruppen har inga röstberättigade ledamöter i ledamotslistan.';
  const ordered = [...assessment.blocs.filter((b) => !b.quorate), ...assessment.blocs.filter((b) => b.quorate)];
  const blocs = ordered.map((b) => `${b.label} ${b.present} av ${b.members}${b.quorate ? '' : ` (krävs ${b.required})`}`);
  return `${assessment.quorate ? 'Beslutsför' : 'Inte beslutsför'}: ${blocs.join(', ')}`;
}
