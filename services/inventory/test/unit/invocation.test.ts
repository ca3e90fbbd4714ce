import { lambdaContext } from '@retail/testing';
import { DeadlineNearError } from '../../src/errors';
import {
  DEADLINE_MARGIN_MS,
  startInvocation,
} from '../../src/reservation/invocation';

describe('startInvocation', () => {
  it('ends the lease at the deadline', () => {
    const context = lambdaContext({
      awsRequestId: 'request-1',
      getRemainingTimeInMillis: () => 12_000,
    });

    const invocation = startInvocation('O-1', context, () => 1_000_000);

    expect(invocation.lease).toEqual({
      owner: 'request-1',
      expiresAt: 1_012_000,
    });
  });

  it('allows a step with time left', () => {
    const context = lambdaContext({
      getRemainingTimeInMillis: () => DEADLINE_MARGIN_MS,
    });
    const invocation = startInvocation('O-1', context, Date.now);

    expect(() => invocation.ensureTimeLeft('hold')).not.toThrow();
  });

  it('stops a step inside the margin', () => {
    const context = lambdaContext({
      getRemainingTimeInMillis: () => DEADLINE_MARGIN_MS - 1,
    });
    const invocation = startInvocation('O-1', context, Date.now);

    expect(() => invocation.ensureTimeLeft('hold')).toThrow(DeadlineNearError);
  });
});
