import type { HttpClient, HttpResponse } from './http-client';
import type { CatalogProduct, OrderLine, StockLevel } from './plan-types';

export const ORDER_STATUSES = [
  'PENDING',
  'CONFIRMED',
  'REJECTED',
  'CANCELLED',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The fields of `GET /orders/{orderId}` that the replay checks. */
export interface OrderView {
  orderId: string;
  status: OrderStatus;
  rejection?: { reason: string; sku?: string };
}

/** A bulk write's result: 200 or 207 with the items that failed. */
export interface BulkResult {
  status: number;
  written: number;
  failed: { sku: string; reason: string }[];
  /** The error message of a response other than 200 or 207. */
  message?: string;
}

/** `POST /orders` and `POST /orders/{id}/cancel` results. */
export interface CommandResult {
  status: number;
  orderId?: string;
  message?: string;
}

/**
 * Statuses retried for `POST /orders`. A 409 means a request with the same
 * Idempotency-Key is still being processed, so a retry gets its result.
 */
const PLACE_ORDER_RETRIES: ReadonlySet<number> = new Set([
  409, 429, 500, 502, 503, 504,
]);

/** The platform's HTTP API, as the replay uses it. */
export class PlatformApi {
  constructor(readonly http: HttpClient) {}

  async importProducts(products: CatalogProduct[]): Promise<BulkResult> {
    const response = await this.http.request('POST', '/products/import', {
      label: 'POST /products/import',
      body: { products },
    });
    return readBulkResult(response, 'imported');
  }

  async putStock(items: StockLevel[]): Promise<BulkResult> {
    const response = await this.http.request('PUT', '/stock', {
      label: 'PUT /stock',
      body: { items },
    });
    return readBulkResult(response, 'updated');
  }

  /** Places an order, with the InvoiceNo as its Idempotency-Key. */
  async placeOrder(order: {
    invoiceNo: string;
    customerId: string;
    lines: OrderLine[];
  }): Promise<CommandResult> {
    const response = await this.http.request('POST', '/orders', {
      label: 'POST /orders',
      headers: { 'Idempotency-Key': order.invoiceNo },
      body: {
        customerId: order.customerId,
        currency: 'GBP',
        lines: order.lines,
      },
      retryStatuses: PLACE_ORDER_RETRIES,
    });
    return readCommandResult(response);
  }

  async cancelOrder(orderId: string, reason: string): Promise<CommandResult> {
    const response = await this.http.request(
      'POST',
      `/orders/${encodeURIComponent(orderId)}/cancel`,
      { label: 'POST /orders/{orderId}/cancel', body: { reason } },
    );
    return readCommandResult(response);
  }

  /** Returns the order, or undefined when it cannot be read. */
  async getOrder(orderId: string): Promise<OrderView | undefined> {
    const response = await this.http.request(
      'GET',
      `/orders/${encodeURIComponent(orderId)}`,
      { label: 'GET /orders/{orderId}' },
    );
    return response.status === 200 ? readOrder(response.body) : undefined;
  }

  /** Returns the delivered notifications, or undefined when unreadable. */
  async getNotifications(orderId: string): Promise<unknown[] | undefined> {
    const response = await this.http.request(
      'GET',
      `/notifications/${encodeURIComponent(orderId)}`,
      { label: 'GET /notifications/{orderId}' },
    );
    if (response.status !== 200 || !isRecord(response.body)) {
      return undefined;
    }
    const items = response.body.items;
    return Array.isArray(items) ? items : undefined;
  }

  /** Returns the available quantity, or undefined when unreadable. */
  async getStock(sku: string): Promise<number | undefined> {
    const response = await this.http.request(
      'GET',
      `/stock/${encodeURIComponent(sku)}`,
      { label: 'GET /stock/{sku}' },
    );
    if (response.status !== 200 || !isRecord(response.body)) {
      return undefined;
    }
    const available = response.body.available;
    return typeof available === 'number' ? available : undefined;
  }

  async getStats(): Promise<unknown> {
    const response = await this.http.request('GET', '/_local/stats', {
      label: 'GET /_local/stats',
    });
    return response.status === 200 ? response.body : undefined;
  }

  /** Reports whether every queue is empty and no function runs. */
  async isIdle(): Promise<boolean> {
    const response = await this.http.request('GET', '/_local/idle', {
      label: 'GET /_local/idle',
      retryStatuses: new Set([429, 500, 502, 504]),
    });
    return response.status === 200;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the fields of an order response; undefined when they are absent. */
export function readOrder(body: unknown): OrderView | undefined {
  if (!isRecord(body) || typeof body.orderId !== 'string') {
    return undefined;
  }
  const status = ORDER_STATUSES.find((known) => known === body.status);
  if (status === undefined) {
    return undefined;
  }

  const order: OrderView = { orderId: body.orderId, status };
  const rejection = body.rejection;
  if (isRecord(rejection) && typeof rejection.reason === 'string') {
    order.rejection = { reason: rejection.reason };
    if (typeof rejection.sku === 'string') {
      order.rejection.sku = rejection.sku;
    }
  }
  return order;
}

function readCommandResult(response: HttpResponse): CommandResult {
  const result: CommandResult = { status: response.status };
  if (isRecord(response.body)) {
    if (typeof response.body.orderId === 'string') {
      result.orderId = response.body.orderId;
    }
    if (typeof response.body.message === 'string') {
      result.message = response.body.message;
    }
  }
  return result;
}

function readBulkResult(
  response: HttpResponse,
  countField: 'imported' | 'updated',
): BulkResult {
  const body = isRecord(response.body) ? response.body : {};
  const count = body[countField];
  const failed = Array.isArray(body.failed) ? body.failed : [];
  const result: BulkResult = {
    status: response.status,
    written: typeof count === 'number' ? count : 0,
    failed: failed.filter(isRecord).map((item) => ({
      sku: String(item.sku),
      reason: String(item.reason),
    })),
  };
  if (typeof body.message === 'string') {
    result.message = body.message;
  }
  return result;
}
