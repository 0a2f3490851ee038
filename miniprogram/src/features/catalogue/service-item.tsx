import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { findPhone, SERVICE_CATEGORY_LABELS, type CatalogueService } from '@linli/shared';
import { PhoneLink } from '../../components/phone-link';
import { LabelLine } from '../../components/section';

/**
 * One service of the community's catalogue: what it is, what to bring, where, when, whom to call.
 * 可在线预约 only when it can be booked online now; `note` says more under it (to residents: how to
 * get it instead; to staff: what is missing).
 */
export function ServiceItem({ service, actions, note }: { service: CatalogueService; actions?: ReactNode; note?: ReactNode }) {
  const phone = findPhone(service.contact);
  return (
    <View className="card service-item" id={`service-${service._id}`}>
      <View className="service-tags">
        <Text className="tag service-category">{SERVICE_CATEGORY_LABELS[service.category]}</Text>
        {service.online === 'open' ? <Text className="tag tag-accent service-bookable">可在线预约</Text> : null}
      </View>
      <Text className="h2 service-name">{service.name}</Text>
      <Text className="block service-description">{service.description}</Text>
      {service.materials.length > 0 ? (
        <LabelLine label="所需材料" className="service-materials">
          {service.materials.map((m, i) => (
            <Text key={`${i}-${m}`} className="block service-material">
              {i + 1}. {m}
            </Text>
          ))}
        </LabelLine>
      ) : (
        <LabelLine label="所需材料" className="service-materials">
          <Text>不用带材料</Text>
        </LabelLine>
      )}
      <LabelLine label="办理地点" className="service-location">
        <Text>{service.location}</Text>
      </LabelLine>
      <LabelLine label="办理时间" className="service-hours">
        <Text>{service.hours}</Text>
      </LabelLine>
      <LabelLine label="联系方式" className="service-contact">
        <Text>{service.contact}</Text>
      </LabelLine>
      {phone ? <PhoneLink phone={phone} className="service-phone" label="拨打咨询" /> : null}
      {note}
      {actions ? <View className="member-actions">{actions}</View> : null}
    </View>
  );
}
