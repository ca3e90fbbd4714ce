import type { Message, MessageAttributeValue } from '@aws-sdk/client-sqs';
import type { SQSMessageAttribute, SQSRecord } from 'aws-lambda';
import { REGION } from '../awsConstants';

/** Builds the record Lambda passes to a function for one SQS message. */
export function toSqsRecord(
  message: Message,
  eventSourceArn: string,
): SQSRecord {
  const record: SQSRecord = {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: (message.Attributes ??
      {}) as unknown as SQSRecord['attributes'],
    messageAttributes: toMessageAttributes(message.MessageAttributes),
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: eventSourceArn,
    awsRegion: REGION,
  };
  if (message.MD5OfMessageAttributes) {
    record.md5OfMessageAttributes = message.MD5OfMessageAttributes;
  }
  return record;
}

/**
 * Converts message attributes to Lambda's shape: camel-case keys, binary
 * values base64-encoded, and the list fields always present.
 */
function toMessageAttributes(
  attributes: Record<string, MessageAttributeValue> | undefined,
): Record<string, SQSMessageAttribute> {
  const converted: Record<string, SQSMessageAttribute> = {};
  for (const [name, value] of Object.entries(attributes ?? {})) {
    const attribute: SQSMessageAttribute = {
      stringListValues: value.StringListValues ?? [],
      binaryListValues: (value.BinaryListValues ?? []).map(toBase64),
      dataType: (value.DataType ?? 'String') as SQSMessageAttribute['dataType'],
    };
    if (value.StringValue !== undefined)
      attribute.stringValue = value.StringValue;
    if (value.BinaryValue !== undefined) {
      attribute.binaryValue = toBase64(value.BinaryValue);
    }
    converted[name] = attribute;
  }
  return converted;
}

function toBase64(value: Uint8Array): string {
  return Buffer.from(value).toString('base64');
}
