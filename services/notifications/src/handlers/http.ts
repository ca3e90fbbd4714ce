import { createHttpApi } from '@retail/shared';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { type Dependencies, defaultDependencies } from '../dependencies';
import { getNotifications } from '../routes/get-notifications';

type HttpHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** Creates the HTTP function, which resolves its dependencies on first use. */
export function createHttpHandler(
  resolveDependencies: () => Dependencies,
): HttpHandler {
  let api: HttpHandler | undefined;
  return (event, context) => {
    api ??= buildApi(resolveDependencies());
    return api(event, context);
  };
}

function buildApi(deps: Dependencies): HttpHandler {
  return createHttpApi({
    routes: [
      {
        method: 'GET',
        path: '/notifications/{orderId}',
        handler: getNotifications(deps),
      },
    ],
    logger: deps.logger,
  });
}

export const handler = createHttpHandler(defaultDependencies);
