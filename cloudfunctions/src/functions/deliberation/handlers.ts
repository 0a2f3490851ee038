import { deliberationContract } from '@linli/shared';
import { act, defineFunction } from '../../platform/define-function';
import { addComment } from '../../use-cases/deliberation/add-comment';
import { adoptComment } from '../../use-cases/deliberation/adopt-comment';
import { castBallot } from '../../use-cases/deliberation/cast-ballot';
import { checkIn } from '../../use-cases/deliberation/check-in';
import { closeVote } from '../../use-cases/deliberation/close-vote';
import {
  officerOfComment,
  officerOfCommunity,
  officerOfMeeting,
  officerOfTopic,
  officerOfVote,
  onMeeting,
  onTopic,
  onVote,
  publicCommunity,
  publicTopic,
  publicVote,
  recorderOfTopic,
} from '../../use-cases/deliberation/deliberation-policy';
import { enterPaperBallot } from '../../use-cases/deliberation/enter-paper-ballot';
import { getMeeting, listMeetings } from '../../use-cases/deliberation/get-meeting';
import { getTopic } from '../../use-cases/deliberation/get-topic';
import { getVote, listVotes } from '../../use-cases/deliberation/get-vote';
import { listComments } from '../../use-cases/deliberation/list-comments';
import { listTopics } from '../../use-cases/deliberation/list-topics';
import { markAttendance } from '../../use-cases/deliberation/mark-attendance';
import { openTopic } from '../../use-cases/deliberation/open-topic';
import { openVote } from '../../use-cases/deliberation/open-vote';
import { proposeTopic } from '../../use-cases/deliberation/propose-topic';
import { recordStep } from '../../use-cases/deliberation/record-step';
import { scheduleMeeting } from '../../use-cases/deliberation/schedule-meeting';
import { supportTopic } from '../../use-cases/deliberation/support-topic';
import { tallyMeeting } from '../../use-cases/deliberation/tally-meeting';
import { signedIn } from '../../platform/policy';

/**
 * 议事厅: topics, 附议 and 意见建议 (public reads, bound residents write), the seven steps of
 * 四议一审两公开 (each by the standing that takes it), meetings with their legal quorum, and
 * household votes (one ballot per household).
 */
export const deliberationFunction = defineFunction(deliberationContract, {
  list: act(publicCommunity, listTopics),
  get: act(publicTopic, getTopic),
  // the binding decides the place: any signed-in person may try, the use case answers DELIB.NOT_RESIDENT
  propose: act(signedIn, proposeTopic),
  support: act(onTopic, supportTopic),
  open: act(officerOfCommunity, openTopic),
  comments: act(publicTopic, listComments),
  comment: act(onTopic, addComment),
  adopt: act(officerOfComment, adoptComment),
  recordStep: act(recorderOfTopic, recordStep),
  scheduleMeeting: act(officerOfTopic, scheduleMeeting),
  meeting: act(onMeeting, getMeeting),
  meetings: act(onTopic, listMeetings),
  markAttendance: act(officerOfMeeting, markAttendance),
  checkIn: act(onMeeting, checkIn),
  tally: act(officerOfMeeting, tallyMeeting),
  openVote: act(officerOfTopic, openVote),
  vote: act(publicVote, getVote),
  votes: act(publicTopic, listVotes),
  cast: act(onVote, castBallot),
  paperBallot: act(officerOfVote, enterPaperBallot),
  closeVote: act(officerOfVote, closeVote),
});
