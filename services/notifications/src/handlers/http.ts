import { createHttpApi, lazyHandler } from '@retail/shared';
import { type Dependencies, defaultDependencies } from '../dependencies';
import { getNotifications } from '../routes/get-notifications';

/** Builds the HTTP function. Its routes match those in serverless.yml. */
export function createHttpHandler(deps: Dependencies) {
  return createHttpApi({
    logger: deps.logger,
    routes: [
      {
        method: 'GET',
        path: '/notifications/{orderId}',
        handler: getNotifications(deps),
      },
    ],
  });
}

export const handler = lazyHandler(() =>
  createHttpHandler(defaultDependencies()),
);
