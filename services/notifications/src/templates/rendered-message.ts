export type TemplateName =
  | 'order-confirmed'
  | 'order-rejected'
  | 'order-cancelled';

/** A customer message before it has a recipient. */
export interface RenderedMessage {
  template: TemplateName;
  subject: string;
  text: string;
}
