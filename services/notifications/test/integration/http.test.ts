import { httpEvent, lambdaContext, sqsEvent } from '@retail/testing';
import type { Dependencies } from '../../src/dependencies';
import { createConsumerHandler } from '../../src/handlers/consumer';
import { createHttpHandler } from '../../src/handlers/http';
import { RECIPIENT_DOMAIN, testDependencies } from '../support/dependencies';
import {
  newOrderId,
  orderCancelled,
  orderConfirmed,
  recordOf,
} from '../support/envelopes';
import {
  startDatabase,
  stopDatabase,
  type TestDatabase,
} from '../support/tables';

const ROUTE_KEY = 'GET /notifications/{orderId}';

let database: TestDatabase;
let deps: Dependencies;

beforeAll(async () => {
  database = await startDatabase();
  deps = testDependencies(database);
});

afterAll(async () => {
  await stopDatabase(database);
});

async function getNotifications(orderId: string) {
  const event = httpEvent('GET', `/notifications/${orderId}`, {
    routeKey: ROUTE_KEY,
  });
  const response = await createHttpHandler(deps)(event, lambdaContext());
  return {
    statusCode: response.statusCode,
    body: JSON.parse(response.body ?? ''),
  };
}

describe('GET /notifications/{orderId}', () => {
  it('returns messages oldest first', async () => {
    const orderId = newOrderId();
    const consume = createConsumerHandler(deps);
    await consume(
      sqsEvent([recordOf(orderConfirmed(orderId))]),
      lambdaContext(),
    );
    await consume(
      sqsEvent([recordOf(orderCancelled(orderId))]),
      lambdaContext(),
    );

    const response = await getNotifications(orderId);

    expect(response.statusCode).toBe(200);
    expect(response.body.orderId).toBe(orderId);
    expect(
      response.body.items.map((item: { template: string }) => item.template),
    ).toEqual(['order-confirmed', 'order-cancelled']);
  });

  it('returns each entry as logged', async () => {
    const envelope = orderConfirmed();
    const orderId = envelope.payload.orderId;
    await createConsumerHandler(deps)(
      sqsEvent([recordOf(envelope)]),
      lambdaContext(),
    );

    const response = await getNotifications(orderId);

    expect(response.body.items).toEqual([
      {
        orderId,
        eventId: envelope.id,
        template: 'order-confirmed',
        recipient: `C-42@${RECIPIENT_DOMAIN}`,
        subject: `Your order ${orderId} is confirmed`,
        providerMessageId: envelope.id,
        sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
  });

  it('returns an empty list when none', async () => {
    const orderId = newOrderId();

    const response = await getNotifications(orderId);

    expect(response.statusCode).toBe(200);
    expect(response.body).toEqual({ orderId, items: [] });
  });

  it('rejects an orderId over 64 characters', async () => {
    const response = await getNotifications('O'.repeat(65));

    expect(response.statusCode).toBe(422);
    expect(response.body.field).toBe('orderId');
    expect(response.body.message).toContain('orderId');
  });
});
