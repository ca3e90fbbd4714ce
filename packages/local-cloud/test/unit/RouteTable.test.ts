import { ConfigurationError } from '../../src/errors';
import { RouteTable } from '../../src/http/RouteTable';

function tableOf(routeKeys: string[]): RouteTable {
  const table = new RouteTable();
  for (const key of routeKeys) table.add(key, `fn:${key}`);
  return table;
}

describe('RouteTable', () => {
  const table = tableOf([
    'GET /pets',
    'ANY /pets',
    'GET /pets/dog/1',
    'GET /pets/dog/{id}',
    'GET /pets/{proxy+}',
    'ANY /{proxy+}',
    'GET /',
    'POST /orders/{orderId}/lines/{line}',
  ]);

  it.each([
    ['GET', '/pets', 'GET /pets'],
    ['DELETE', '/pets', 'ANY /pets'],
    ['GET', '/pets/dog/1', 'GET /pets/dog/1'],
    ['GET', '/pets/dog/2', 'GET /pets/dog/{id}'],
    ['GET', '/pets/cat/2', 'GET /pets/{proxy+}'],
    ['GET', '/pets/dog/2/toys', 'GET /pets/{proxy+}'],
    ['PUT', '/pets/dog/2', 'ANY /{proxy+}'],
    ['GET', '/', 'GET /'],
    ['POST', '/orders/o-1/lines/2', 'POST /orders/{orderId}/lines/{line}'],
  ])('routes %s %s to %s', (method, path, routeKey) => {
    expect(table.match(method, path)?.routeKey).toBe(routeKey);
  });

  it('returns decoded path parameters', () => {
    const match = table.match('POST', '/orders/o%2F1/lines/a%20b');

    expect(match?.pathParameters).toEqual({ orderId: 'o/1', line: 'a b' });
  });

  it('returns the greedy path with slashes', () => {
    expect(table.match('GET', '/pets/a/b/c')?.pathParameters).toEqual({
      proxy: 'a/b/c',
    });
  });

  it('omits pathParameters without variables', () => {
    expect(table.match('GET', '/pets')?.pathParameters).toBeUndefined();
  });

  it('matches nothing without a $default route', () => {
    const narrow = tableOf(['GET /pets/{id}']);

    expect(narrow.match('GET', '/pets')).toBeUndefined();
    expect(narrow.match('GET', '/pets/1/2')).toBeUndefined();
    expect(narrow.match('POST', '/pets/1')).toBeUndefined();
    expect(narrow.match('GET', '/pets/')).toBeUndefined();
  });

  it('sends unmatched requests to $default', () => {
    const withDefault = tableOf(['GET /pets', '$default']);

    expect(withDefault.match('POST', '/anything')?.routeKey).toBe('$default');
    expect(withDefault.match('GET', '/pets')?.routeKey).toBe('GET /pets');
  });

  it('is case sensitive', () => {
    expect(tableOf(['GET /Pets']).match('GET', '/pets')).toBeUndefined();
  });

  it('rejects a duplicate route key', () => {
    expect(() => tableOf(['GET /pets', 'GET /pets'])).toThrow(
      ConfigurationError,
    );
  });

  it.each(['GET pets', 'get /pets', 'GET /{proxy+}/more'])(
    'rejects the route key %s',
    (routeKey) => {
      expect(() => tableOf([routeKey])).toThrow(ConfigurationError);
    },
  );
});
