import type { RosterMember } from '../../../bot/src/core/model';
import { proposeActionFromClause } from '../../../bot/src/core/use-cases/action-proposal';
import { rosterMember } from '../../../bot/src/core/roster-roles';

const member = (id: string, name: string): RosterMember => rosterMember({
  id, groupId: 'g', name, title: '', principal: 'Region Blekinge', roles: ['ledamot'], party: null, aadObjectId: null, email: null, teamsUserId: null,
});
const roster = [member('m1', 'Mats Wennstig'), member('m2', 'Carina Ingemansson'), member('m3', 'Carina Fransson'), member('m4', 'Anna-Karin Åkesson')];

describe('proposeActionFromClause', () => {
  it.each([
    ['Mats skickar ut dokumentet', { ownerMemberId: 'm1', ownerName: 'Mats Wennstig', text: 'Skickar ut dokumentet' }],
    ['att Mats Wennstig återkommer med en plan till nästa möte.', { ownerMemberId: 'm1', ownerName: 'Mats Wennstig', text: 'Återkommer med en plan till nästa möte' }],
    ['Anna-Karin tar fram ett underlag', { ownerMemberId: 'm4', ownerName: 'Anna-Karin Åkesson', text: 'Tar fram ett underlag' }],
    ['Carina Fransson undersöker frågan', { ownerMemberId: 'm3', ownerName: 'Carina Fransson', text: 'Undersöker frågan' }],
  ])('%s → proposal', (clause, expected) => {
    expect(proposeActionFromClause(roster, clause)).toEqual(expected);
  });

  it.each([
    ['godkänna för sammanträdet upprättad dagordning'],
    ['Carina undersöker frågan'], // two Carinas: nobody is guessed
    ['Mats och Anna-Karin skickar ut'], // no verb right after the name
    ['Mats skickar'], // nothing to do
    ['Tina skickar ut dokumentet'], // not on the roster
  ])('%s → no proposal', (clause) => {
    expect(proposeActionFromClause(roster, clause)).toBeNull();
  });
});
