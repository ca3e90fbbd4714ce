import { writeFile } from 'node:fs/promises';
import { RETAIL_COLUMNS } from './retail-row';

/**
 * A small, deterministic Online Retail file for tests: about 40 invoices
 * over two days, with every kind of mess the real files have.
 */

interface SampleProduct {
  code: string;
  description: string;
  price: string;
}

type Row = [
  invoiceNo: string,
  stockCode: string,
  description: string,
  quantity: string,
  invoiceDate: string,
  unitPrice: string,
  customerId: string,
  country: string,
];

const PRODUCTS: SampleProduct[] = (
  [
    ['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', '2.55'],
    ['71053', 'WHITE METAL LANTERN', '3.39'],
    ['84406B', 'CREAM CUPID HEARTS COAT HANGER', '2.75'],
    ['22760', 'TRAY, BREAKFAST IN BED', '12.75'],
    ['22041', 'RECORD FRAME 7" SINGLE SIZE', '2.1'],
    ['21111', 'SWISS ROLL TOWEL, CHOCOLATE "SPOTS"', '2.95'],
    ['22752', 'SET 7 BABUSHKA NESTING BOXES', '7.65'],
    ['21730', 'GLASS STAR FROSTED T-LIGHT HOLDER', '4.25'],
    ['22633', 'HAND WARMER UNION JACK', '1.85'],
    ['22632', 'HAND WARMER RED POLKA DOT', '1.85'],
    ['84879', 'ASSORTED COLOUR BIRD ORNAMENT', '1.69'],
    ['22745', "POPPY'S PLAYHOUSE BEDROOM", '2.1'],
    ['22748', "POPPY'S PLAYHOUSE KITCHEN", '2.1'],
    ['22749', 'FELTCRAFT PRINCESS CHARLOTTE DOLL', '3.75'],
    ['22310', 'IVORY KNITTED MUG COSY', '1.65'],
    ['84969', 'BOX OF 6 ASSORTED COLOUR TEASPOONS', '4.25'],
    ['22623', 'BOX OF VINTAGE JIGSAW BLOCKS', '4.95'],
    ['21754', 'HOME BUILDING BLOCK WORD', '5.95'],
    ['15056BL', 'EDWARDIAN PARASOL BLACK', '5.95'],
    ['79323W', 'WHITE CHERRY LIGHTS', '6.75'],
  ] as const
).map(([code, description, price]) => ({ code, description, price }));

const COUNTRY = 'United Kingdom';

/** Mulberry32: a small seeded generator, so a seed fixes the file. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class SampleBuilder {
  readonly rows: Row[] = [];
  readonly malformedLines: string[] = [];
  private invoiceNumber = 536365;

  constructor(private readonly random: () => number) {}

  pick<T>(items: T[]): T {
    const item = items[Math.floor(this.random() * items.length)];
    if (item === undefined) {
      throw new RangeError('cannot pick from an empty list');
    }
    return item;
  }

  quantity(): number {
    return 1 + Math.floor(this.random() * 12);
  }

  nextInvoiceNo(): string {
    const invoiceNo = String(this.invoiceNumber);
    this.invoiceNumber += 1;
    return invoiceNo;
  }

  /** Adds a sale of `lineCount` random products; returns its InvoiceNo. */
  sale(time: string, customerId: string, lineCount: number): string {
    const invoiceNo = this.nextInvoiceNo();
    for (let i = 0; i < lineCount; i += 1) {
      this.line(
        invoiceNo,
        this.pick(PRODUCTS),
        this.quantity(),
        time,
        customerId,
      );
    }
    return invoiceNo;
  }

  line(
    invoiceNo: string,
    product: SampleProduct,
    quantity: number,
    time: string,
    customerId: string,
    price = product.price,
  ): void {
    this.rows.push([
      invoiceNo,
      product.code,
      product.description,
      String(quantity),
      time,
      price,
      customerId,
      COUNTRY,
    ]);
  }

  /** Adds a C invoice returning `quantity` of each product. */
  cancellation(
    time: string,
    customerId: string,
    products: SampleProduct[],
  ): void {
    const invoiceNo = `C${this.nextInvoiceNo()}`;
    for (const product of products) {
      this.line(invoiceNo, product, -this.quantity(), time, customerId);
    }
  }

  /** Products of the rows of one invoice, for cancellations that match. */
  productsOf(invoiceNo: string): SampleProduct[] {
    const codes = new Set(
      this.rows.filter((row) => row[0] === invoiceNo).map((row) => row[1]),
    );
    return PRODUCTS.filter((product) => codes.has(product.code));
  }
}

/**
 * Builds the sample file's text. The same seed gives the same file.
 * Besides plain sales, it contains matching C invoices, one C invoice
 * without a match, a guest C invoice and guest sales. It also has quoted
 * descriptions with commas and doubled quotes, non-product codes, a zero
 * price and a negative quantity in a sale. Finally, a 120-line invoice
 * repeats SKUs, six invoices share one minute, and one row lacks a field.
 */
export function buildSampleCsv(seed = 1): string {
  const sample = new SampleBuilder(createRandom(seed));
  const large = addFirstDay(sample);
  addSecondDay(sample, large);
  return toCsv(sample);
}

/** Adds the first day's invoices; returns the large invoice's number. */
function addFirstDay(sample: SampleBuilder): string {
  const day = '2010-12-01';
  const early = sample.sale(`${day} 08:26:00`, 'C00001', 5);
  sample.sale(`${day} 08:34:00`, 'C00002', 3);
  sample.sale(`${day} 09:02:00`, 'C00003', 7);

  // A sale with postage, a manual adjustment, a zero price and a return.
  const mixed = sample.sale(`${day} 09:41:00`, 'C00004', 4);
  const [tray, frame, towel] = [PRODUCTS[3], PRODUCTS[4], PRODUCTS[5]];
  if (tray && frame && towel) {
    const time = `${day} 09:41:00`;
    sample.line(
      mixed,
      { code: 'POST', description: 'POSTAGE', price: '18.0' },
      3,
      time,
      'C00004',
    );
    sample.line(
      mixed,
      { code: 'M', description: 'Manual', price: '0.85' },
      1,
      time,
      'C00004',
    );
    sample.line(mixed, tray, 2, time, 'C00004', '0.0');
    sample.line(mixed, frame, -4, time, 'C00004');
    sample.line(mixed, towel, 6, time, 'C00004');
  }

  // A burst: six invoices start in the same minute.
  for (const customerId of [
    'C00005',
    'C00006',
    'C00007',
    'C00008',
    'C00009',
    '',
  ]) {
    sample.sale(
      `${day} 10:15:00`,
      customerId,
      2 + Math.floor(sample.quantity() / 3),
    );
  }

  // The large invoice: 120 lines over 20 products, so SKUs repeat.
  const large = sample.sale(`${day} 11:03:00`, 'C00010', 120);
  sample.sale(`${day} 11:40:00`, 'C00002', 6);
  sample.sale(`${day} 12:12:00`, '', 3);
  sample.sale(`${day} 13:05:00`, 'C00003', 4);
  sample.sale(`${day} 14:27:00`, 'C00006', 5);
  sample.cancellation(
    `${day} 15:02:00`,
    'C00001',
    sample.productsOf(early).slice(0, 2),
  );
  sample.sale(`${day} 15:30:00`, 'C00008', 3);
  sample.cancellation(`${day} 16:10:00`, '', PRODUCTS.slice(0, 1));
  sample.sale(`${day} 16:45:00`, 'C00001', 2);
  return large;
}

function addSecondDay(sample: SampleBuilder, large: string): void {
  const day = '2010-12-02';
  const morning = sample.sale(`${day} 08:05:00`, 'C00005', 6);
  sample.sale(`${day} 08:50:00`, 'C00004', 3);
  sample.sale(`${day} 09:20:00`, 'C00007', 5);
  sample.sale(`${day} 09:20:00`, 'C00009', 2);

  sample.malformedLines.push(
    `${sample.nextInvoiceNo()},22633,HAND WARMER UNION JACK,6,${day} 09:31:00,1.85,C00002`,
  );

  sample.sale(`${day} 10:02:00`, 'C00003', 8);
  sample.cancellation(
    `${day} 10:30:00`,
    'C00005',
    sample.productsOf(morning).slice(0, 1),
  );
  sample.sale(`${day} 11:11:00`, '', 4);
  sample.sale(`${day} 11:47:00`, 'C00010', 6);
  sample.sale(`${day} 12:30:00`, 'C00002', 3);
  sample.sale(`${day} 13:15:00`, 'C00006', 4);

  // No order contains StockCode 99999, so this C invoice has no match.
  sample.cancellation(`${day} 13:40:00`, 'C00009', [
    { code: '99999', description: 'NOT ORDERED', price: '1.0' },
  ]);

  sample.sale(`${day} 14:05:00`, 'C00008', 5);
  sample.sale(`${day} 14:50:00`, 'C00001', 3);
  sample.cancellation(
    `${day} 15:20:00`,
    'C00010',
    sample.productsOf(large).slice(0, 3),
  );
  sample.sale(`${day} 16:00:00`, 'C00005', 2);
  sample.sale(`${day} 16:35:00`, 'C00007', 3);
  sample.sale(`${day} 16:50:00`, 'C00003', 5);
  sample.sale(`${day} 17:05:00`, 'C00004', 2);
  sample.sale(`${day} 17:20:00`, '', 3);
  sample.sale(`${day} 17:40:00`, 'C00009', 4);

  // The only order of this product orders 10, and the replay stocks
  // ceil(10 x 0.9) = 9, so it is rejected whatever the order of arrival.
  const short = sample.nextInvoiceNo();
  sample.line(
    short,
    {
      code: '21212',
      description: 'PACK OF 72 RETROSPOT CAKE CASES',
      price: '0.55',
    },
    10,
    `${day} 17:50:00`,
    'C00011',
  );
}

function toCsv(sample: SampleBuilder): string {
  const lines = [RETAIL_COLUMNS.join(',')];
  for (const row of sample.rows) {
    lines.push(row.map(quoteField).join(','));
  }
  lines.push(...sample.malformedLines);
  return `${lines.join('\r\n')}\r\n`;
}

/** Quotes a field that contains a comma, a quote or a line break (RFC 4180). */
export function quoteField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** Writes the sample file and returns its path. */
export async function writeSampleFile(path: string, seed = 1): Promise<string> {
  await writeFile(path, buildSampleCsv(seed), 'utf8');
  return path;
}
