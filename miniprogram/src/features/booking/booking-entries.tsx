import { AppButton } from '../../components/app-button';
import { LinkRow } from '../../components/choice';
import { Section } from '../../components/section';
import { goTo } from '../../services/routes';

/** The way into 我的预约 from 我的 (kept tiny: the main package only carries this link). */
export function MyBookingsEntry() {
  return (
    <Section id="my-bookings-entry">
      <LinkRow id="entry-my-bookings" title="我的预约" sub="预约码、取消和改约、排队候补" onClick={goTo('booking/mine')} />
    </Section>
  );
}

/** The 预约 button on a bookable service of 便民服务. */
export function BookServiceButton({ serviceId }: { serviceId: string }) {
  return (
    <AppButton className="btn-book-service" onClick={goTo('booking/slots', { serviceId })}>
      在线预约
    </AppButton>
  );
}
