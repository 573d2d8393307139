/**
 * Beslutförhet: "Gruppen får fatta beslut när fler än hälften av ledamöterna från respektive
 * huvudman är närvarande". Only voting roles count; guests, officials and the secretary never do.
 * Some groups count the Region side against all municipalities together ('region-kommun').
 */
import { VOTING_ROLES, type QuorumRule, type RosterMember } from './model';

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

const isRegion = (principal: string) => /^region\b/i.test(principal.trim());

export function assessQuorum(roster: RosterMember[], presentMemberIds: ReadonlySet<string>, rule: QuorumRule): QuorumAssessment {
  if (rule === 'av') return { quorate: true, rule, blocs: [] };
  const voting = roster.filter((m) => VOTING_ROLES.includes(m.role));
  const groups = new Map<string, RosterMember[]>();
  for (const member of voting) {
    const label = rule === 'huvudman' ? member.principal || 'Utan huvudman' : isRegion(member.principal) ? member.principal : 'Kommunerna';
    groups.set(label, [...(groups.get(label) ?? []), member]);
  }
  const blocs = [...groups].map(([label, members]) => {
    const present = members.filter((m) => presentMemberIds.has(m.id)).length;
    const required = Math.floor(members.length / 2) + 1;
    return { label, members: members.length, present, required, quorate: present >= required };
  });
  return { quorate: blocs.length > 0 && blocs.every((b) => b.quorate), rule, blocs };
}

/** `Beslutsför: Region Blekinge 3 av 4, …` / `Inte beslutsför: Karlskrona kommun 1 av 3 (krävs 2), …` */
export function formatQuorumLine(assessment: QuorumAssessment): string {
  if (assessment.rule === 'av') return 'Ingen regel om beslutförhet.';
  if (assessment.blocs.length === 0) return 'Inte beslutsför: gruppen har inga röstberättigade ledamöter i ledamotslistan.';
  const blocs = assessment.blocs.map((b) => `${b.label} ${b.present} av ${b.members}${b.quorate ? '' : ` (krävs ${b.required})`}`);
  return `${assessment.quorate ? 'Beslutsför' : 'Inte beslutsför'}: ${blocs.join(', ')}`;
}
