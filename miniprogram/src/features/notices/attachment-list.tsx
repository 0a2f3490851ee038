import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { AttachmentLink } from '@linli/shared';

/** Where an attachment can be shown from: a cloud file id works directly in WeChat, the local host needs its link. */
const source = (a: AttachmentLink) => (process.env.TARO_ENV === 'h5' ? (a.url ?? '') : a.fileId);

async function openPdf(a: AttachmentLink): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    if (a.url) window.open(a.url, '_blank');
    return;
  }
  try {
    void Taro.showLoading({ title: '正在打开…' });
    const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: a.fileId });
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: true });
  } catch {
    void Taro.showToast({ title: '文件打不开，请稍后再试', icon: 'none' });
  } finally {
    void Taro.hideLoading();
  }
}

/** Images to look at (tap to enlarge) and PDFs to open. */
export function AttachmentList({ links }: { links: readonly AttachmentLink[] }) {
  if (links.length === 0) return null;
  const images = links.filter((a) => a.kind === 'image');
  const pdfs = links.filter((a) => a.kind === 'pdf');
  return (
    <View id='notice-attachments' className='notice-attachments'>
      {images.map((a) => (
        <Image
          key={a.fileId}
          className='notice-image'
          mode='widthFix'
          src={source(a)}
          onClick={() => void Taro.previewImage({ urls: images.map(source), current: source(a) })}
        />
      ))}
      {pdfs.map((a) => (
        <View key={a.fileId} className='tap-row notice-pdf' onClick={() => void openPdf(a)}>
          <View className='tap-row-main'>
            <Text className='tap-row-title'>📄 {a.name}</Text>
            <Text className='tap-row-sub'>点一下打开 PDF 文件</Text>
          </View>
          <Text className='tap-row-arrow'>›</Text>
        </View>
      ))}
    </View>
  );
}
