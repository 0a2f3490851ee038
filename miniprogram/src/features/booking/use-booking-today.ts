import { useAsync } from '../../hooks/use-async';
import { callCloud } from '../../services/cloud';

/** A community's bookable services today: booked, checked in, missed, waiting. */
export function useBookingToday(communityId: string | null) {
  return useAsync(communityId ? () => callCloud('booking', 'today', { communityId }) : null, [communityId]);
}
