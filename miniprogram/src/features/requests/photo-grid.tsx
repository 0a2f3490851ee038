import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { fileUrl } from './files';
import './requests.css';

/** Photos as thumbnails; a tap shows them full size. `onRemove` adds a 删除 corner for a form. */
export function PhotoGrid({
  photos,
  onRemove,
  children,
}: {
  photos: readonly string[];
  onRemove?: (index: number) => void;
  children?: React.ReactNode;
}) {
  const urls = photos.map(fileUrl);
  return (
    <View className="photo-grid">
      {urls.map((url, i) => (
        <View key={`${photos[i]}-${i}`} className="photo-cell">
          <Image
            className="photo-img"
            src={url}
            mode="aspectFill"
            onClick={() => void Taro.previewImage({ urls, current: url }).catch(() => undefined)}
          />
          {onRemove ? (
            <Text className="photo-remove" onClick={() => onRemove(i)}>
              删除
            </Text>
          ) : null}
        </View>
      ))}
      {children}
    </View>
  );
}
