import { teamContract } from '@linli/shared';
import { act, defineFunction } from '../../platform/define-function';
import { anyone, staffOf } from '../../platform/policy';
import { addTeamMember } from '../../use-cases/team/add-team-member';
import { getCard } from '../../use-cases/team/get-card';
import { listTeamHistory } from '../../use-cases/team/list-team-history';
import { makePoster } from '../../use-cases/team/make-poster';
import { removeTeamMember } from '../../use-cases/team/remove-team-member';
import { replaceTeamMember } from '../../use-cases/team/replace-team-member';

/** The compound's card is kept by the staff whose scope covers it. */
const compoundStaff = staffOf((i: { compoundId: string }) => i.compoundId, 'compound');

export const teamFunction = defineFunction(teamContract, {
  getCard: act(anyone, getCard),
  addMember: act(compoundStaff, addTeamMember),
  replaceMember: act(compoundStaff, replaceTeamMember),
  removeMember: act(compoundStaff, removeTeamMember),
  history: act(compoundStaff, listTeamHistory),
  // the printed card (张贴海报) of the compound or one of its buildings
  poster: act(compoundStaff, makePoster),
});
