/**
 * Sends a WeChat subscribe message (订阅消息) to one person. In production this is
 * subscribeMessage.send by cloud call; locally it lands in an outbox the dev host shows.
 */
export interface NotifyMessage {
  toOpenid: string;
  template: string;
  page: string;
  data: Record<string, string>;
}
export type NotifyOutcome = 'sent' | 'no-grant' | 'failed';
export interface Notifier {
  send(message: NotifyMessage): Promise<NotifyOutcome>;
}
