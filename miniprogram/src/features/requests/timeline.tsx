import { Text, View } from '@tarojs/components';
import { formatShanghai, REQUEST_STEP_LABELS, type RequestDetail } from '@linli/shared';
import { PhotoGrid } from './photo-grid';
import './requests.css';

/** Every step the request went through, oldest first, with who did it and when. */
export function Timeline({ events, pending }: { events: RequestDetail['timeline']; pending?: readonly string[] | undefined }) {
  return (
    <View id="request-timeline">
      {events.map((e) => (
        <View key={e._id} className={`timeline-item timeline-${e.step}`}>
          <Text className="timeline-head">
            {REQUEST_STEP_LABELS[e.step]} · {e.actor}
          </Text>
          <Text className="timeline-time">{formatShanghai(e.at, 'M月D日 HH:mm')}</Text>
          {e.text ? <Text className="timeline-text">{e.text}</Text> : null}
          {e.photos?.length ? <PhotoGrid photos={e.photos} pending={pending} /> : null}
        </View>
      ))}
    </View>
  );
}
