import { Text, View } from '@tarojs/components';
import { AppButton } from '../../components/app-button';
import { Notice } from '../../components/states';
import type { Listenable, ReadAloud } from './use-read-aloud';

/** The large 朗读 / 停止 button, what is being read, and what to do when reading is not possible. */
export function ReadAloudControl({ reader, queue, label, id }: { reader: ReadAloud; queue: Listenable[]; label: string; id: string }) {
  const reading = reader.current !== null;
  return (
    <View className="read-aloud" id={id}>
      <AppButton
        id={`${id}-button`}
        className="read-aloud-button"
        variant={reading ? 'plain' : 'secondary'}
        onClick={() => (reading ? reader.stop() : reader.play(queue))}
      >
        {reading ? '■ 停止朗读' : `▶ ${label}`}
      </AppButton>
      {reading ? (
        <Text className="read-aloud-now block" id={`${id}-now`} aria-live="polite">
          正在朗读{reader.position && reader.position.of > 1 ? `第 ${reader.position.at} 条（共 ${reader.position.of} 条）` : ''}：
          {reader.current?.title}
        </Text>
      ) : null}
      {reader.error ? (
        <Notice tone="warn" id={`${id}-error`}>
          <Text>{reader.error}</Text>
        </Notice>
      ) : null}
    </View>
  );
}
