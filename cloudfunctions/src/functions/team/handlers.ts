import { teamContract } from '@linli/shared';
import { anyone, staffOf } from '../../platform/access';
import { defineFunction } from '../../platform/define-function';
import { addTeamMember } from '../../use-cases/team/add-team-member';
import { getCard } from '../../use-cases/team/get-card';
import { listTeamHistory } from '../../use-cases/team/list-team-history';
import { removeTeamMember } from '../../use-cases/team/remove-team-member';
import { replaceTeamMember } from '../../use-cases/team/replace-team-member';

const compound = staffOf((i: { compoundId: string }) => i.compoundId);

export const teamFunction = defineFunction(teamContract, {
  getCard: { access: anyone, run: getCard },
  addMember: { access: compound, run: addTeamMember },
  replaceMember: { access: compound, run: replaceTeamMember },
  removeMember: { access: compound, run: removeTeamMember },
  history: { access: compound, run: listTeamHistory },
});
