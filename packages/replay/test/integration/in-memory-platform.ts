import type { ReceivedRequest } from '../unit/fake-platform';

interface StoredOrder {
  orderId: string;
  status: 'PENDING' | 'CONFIRMED' | 'REJECTED' | 'CANCELLED';
  lines: { sku: string; quantity: number }[];
  rejection?: { reason: string; sku: string };
  templates: string[];
}

/** Faults the in-memory platform can inject, to prove the checks fail. */
export interface PlatformFaults {
  /** Cancelling a CONFIRMED order does not give its stock back. */
  keepStockOnCancel?: boolean;
  /** The n-th order (1-based) stays PENDING. */
  leavePending?: number;
}

/**
 * The platform's HTTP API in memory, for replay tests that need no local
 * cloud. Orders are reserved or rejected at once, all lines or none, and
 * every terminal transition records one notification.
 */
export class InMemoryPlatform {
  readonly stock = new Map<string, number>();
  readonly products = new Set<string>();
  private readonly orders = new Map<string, StoredOrder>();
  private requests = 0;

  constructor(private readonly faults: PlatformFaults = {}) {}

  respond(request: ReceivedRequest): { status: number; body?: unknown } {
    this.requests += 1;
    const [, first, id, action] = request.path.split('/');
    const body = (request.body ?? {}) as Record<string, unknown>;

    if (request.method === 'POST' && request.path === '/products/import') {
      return this.importProducts(body);
    }
    if (request.method === 'PUT' && request.path === '/stock') {
      return this.putStock(body);
    }
    if (request.method === 'POST' && request.path === '/orders') {
      return this.placeOrder(request, body);
    }
    if (first === 'orders' && id && action === 'cancel') {
      return this.cancel(decodeURIComponent(id));
    }
    if (first === 'orders' && id) {
      return this.getOrder(decodeURIComponent(id));
    }
    if (first === 'notifications' && id) {
      const order = this.orders.get(decodeURIComponent(id));
      const items = (order?.templates ?? []).map((template) => ({ template }));
      return { status: 200, body: { orderId: id, items } };
    }
    if (first === 'stock' && id) {
      const available = this.stock.get(decodeURIComponent(id));
      return available === undefined
        ? { status: 404 }
        : { status: 200, body: { sku: id, available } };
    }
    if (request.path === '/_local/idle') {
      return { status: 200, body: { idle: true, busy: [] } };
    }
    if (request.path === '/_local/stats') {
      return { status: 200, body: this.stats() };
    }
    return { status: 404, body: { message: `no route ${request.path}` } };
  }

  private importProducts(body: Record<string, unknown>) {
    const products = body.products as { sku: string }[];
    for (const product of products) {
      this.products.add(product.sku);
    }
    return { status: 200, body: { imported: products.length, failed: [] } };
  }

  private putStock(body: Record<string, unknown>) {
    const items = body.items as { sku: string; available: number }[];
    for (const item of items) {
      this.stock.set(item.sku, item.available);
    }
    return { status: 200, body: { updated: items.length, failed: [] } };
  }

  private placeOrder(request: ReceivedRequest, body: Record<string, unknown>) {
    const orderId = `ord-${String(request.headers['idempotency-key'])}`;
    const lines = body.lines as StoredOrder['lines'];
    const unknown = lines.filter((line) => !this.products.has(line.sku));
    if (unknown.length > 0) {
      return { status: 422, body: { message: 'unknown SKU' } };
    }

    if (!this.orders.has(orderId)) {
      const order: StoredOrder = {
        orderId,
        status: 'PENDING',
        lines,
        templates: [],
      };
      this.orders.set(orderId, order);
      if (this.orders.size !== this.faults.leavePending) {
        this.reserve(order);
      }
    }
    return { status: 201, body: { orderId, status: 'PENDING' } };
  }

  private reserve(order: StoredOrder): void {
    const needed = new Map<string, number>();
    for (const line of order.lines) {
      needed.set(line.sku, (needed.get(line.sku) ?? 0) + line.quantity);
    }
    for (const [sku, quantity] of needed) {
      if ((this.stock.get(sku) ?? 0) < quantity) {
        order.status = 'REJECTED';
        order.rejection = { reason: 'OUT_OF_STOCK', sku };
        order.templates.push('order-rejected');
        return;
      }
    }
    for (const [sku, quantity] of needed) {
      this.stock.set(sku, (this.stock.get(sku) ?? 0) - quantity);
    }
    order.status = 'CONFIRMED';
    order.templates.push('order-confirmed');
  }

  private cancel(orderId: string) {
    const order = this.orders.get(orderId);
    if (!order) {
      return { status: 404 };
    }
    if (order.status === 'REJECTED') {
      return { status: 409, body: { message: 'rejected' } };
    }
    if (order.status === 'CONFIRMED' && !this.faults.keepStockOnCancel) {
      for (const line of order.lines) {
        this.stock.set(
          line.sku,
          (this.stock.get(line.sku) ?? 0) + line.quantity,
        );
      }
    }
    if (order.status !== 'CANCELLED') {
      order.status = 'CANCELLED';
      order.templates.push('order-cancelled');
    }
    return { status: 200, body: { orderId, status: order.status } };
  }

  private getOrder(orderId: string) {
    const order = this.orders.get(orderId);
    if (!order) {
      return { status: 404 };
    }
    const { templates: _templates, ...view } = order;
    return { status: 200, body: view };
  }

  private stats() {
    return {
      functions: {
        'retail-platform-http': { invocations: this.requests, errors: 0 },
      },
      dynamodb: { tables: {}, requests: {} },
      sqs: {
        requests: {},
        queues: {
          'retail-orders-local-queue': {
            visible: 0,
            inFlight: 0,
            deadLetterMessages: 0,
          },
        },
      },
      eventBridge: { putEventsCalls: 0, entries: 0 },
      memory: { peakRssBytes: 1, currentRssBytes: 1 },
    };
  }
}
