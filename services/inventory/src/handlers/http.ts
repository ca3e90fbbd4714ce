import { createHttpApi } from '@retail/shared';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { type Dependencies, defaultDependencies } from '../dependencies';
import { getStockRoute } from '../routes/get-stock';
import { putStockRoute } from '../routes/put-stock';

type HttpHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * Creates the HTTP function. The dependencies are resolved on the first
 * request, so importing this module reads no environment.
 */
export function createHttpHandler(
  getDependencies: () => Dependencies,
): HttpHandler {
  let api: HttpHandler | undefined;

  return (event, context) => {
    api ??= buildApi(getDependencies());
    return api(event, context);
  };
}

function buildApi(deps: Dependencies): HttpHandler {
  return createHttpApi({
    routes: [
      { method: 'GET', path: '/stock/{sku}', handler: getStockRoute(deps) },
      { method: 'PUT', path: '/stock', handler: putStockRoute(deps) },
    ],
    logger: deps.logger,
  });
}

export const handler = createHttpHandler(defaultDependencies);
