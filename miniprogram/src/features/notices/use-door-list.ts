import { useRouter } from '@tarojs/taro';
import type { DoorList } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { callCloud } from '../../services/cloud';
import { decodeParam } from '../../services/format';
import { copyText } from '../../services/platform-call';
import { when } from './labels';

/** The door-knocking list as plain text, to paste into a building's WeChat group or print. */
export function doorListText(list: DoorList): string {
  const lines = [`敲门清单：${list.notice.title}`, `截至 ${when(list.generatedAt)}，还有 ${list.total} 户没有看到通知`, ''];
  for (const g of list.groups) {
    lines.push(`【${g.buildingName}】${g.count} 户${g.head ? `  楼栋长 ${g.head.name} ${g.head.phone}` : ''}`);
    for (const u of g.units) {
      lines.push(
        `  ${u.unitName}${u.head ? `（单元长 ${u.head.name} ${u.head.phone}）` : ''}：${u.households.map((h) => h.name + (h.members === 0 ? '*' : '')).join('、')}`,
      );
    }
  }
  lines.push('', '* 家里没人用小程序，只能上门告知');
  if (list.truncated) lines.push(`（只列出了前 ${list.groups.reduce((n, g) => n + g.count, 0)} 户）`);
  return lines.join('\n');
}

export function useDoorList() {
  const id = decodeParam(useRouter().params.id);
  const list = useAsync(id ? () => callCloud('notices', 'doorList', { noticeId: id }) : null, [id]);

  const copy = () => {
    const data = list.state.data;
    if (!data) return;
    void copyText(doorListText(data), '已复制，可粘贴到楼栋群');
  };

  const print = () => {
    if (process.env.TARO_ENV === 'h5') window.print();
  };

  return { id, list, copy, print };
}
