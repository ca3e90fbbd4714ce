import { ConfigurationError } from '../errors';

type Segment =
  | { kind: 'literal'; text: string }
  | { kind: 'variable'; name: string }
  | { kind: 'greedy'; name: string };

interface Route {
  routeKey: string;
  functionName: string;
  /** `ANY` matches every method. */
  method: string;
  segments: Segment[];
}

export interface RouteMatch {
  routeKey: string;
  functionName: string;
  /** Undefined when the route has no path variables, as in API Gateway. */
  pathParameters: Record<string, string> | undefined;
}

/** Lower ranks are more specific. */
const SEGMENT_RANK = { literal: 0, variable: 1, greedy: 2 } as const;

/**
 * The routes of an HTTP API. A request goes to the most specific matching
 * route, as API Gateway chooses it. Comparing segments from the left, a
 * literal segment beats a `{variable}`, which beats a greedy `{proxy+}`.
 * Then a route with the request's method beats `ANY`, and `$default`
 * catches the rest.
 */
export class RouteTable {
  private readonly routes: Route[] = [];
  private defaultRoute: Route | undefined;

  add(routeKey: string, functionName: string): void {
    const existing = this.findByKey(routeKey);
    if (existing) {
      throw new ConfigurationError(
        `route ${routeKey} is declared twice, for functions ${existing.functionName} and ${functionName}`,
      );
    }

    const route = parseRouteKey(routeKey, functionName);
    if (routeKey === '$default') this.defaultRoute = route;
    else this.routes.push(route);
  }

  get size(): number {
    return this.routes.length + (this.defaultRoute ? 1 : 0);
  }

  match(method: string, path: string): RouteMatch | undefined {
    const parts = splitPath(path);
    const candidates = this.routes
      .filter((route) => route.method === 'ANY' || route.method === method)
      .flatMap((route) => {
        const parameters = matchSegments(route.segments, parts);
        return parameters ? [{ route, parameters }] : [];
      })
      .sort((a, b) => compareSpecificity(a.route, b.route));

    const best = candidates[0];
    if (best) return toMatch(best.route, best.parameters);
    return this.defaultRoute ? toMatch(this.defaultRoute, {}) : undefined;
  }

  private findByKey(routeKey: string): Route | undefined {
    if (routeKey === '$default') return this.defaultRoute;
    return this.routes.find((route) => route.routeKey === routeKey);
  }
}

function parseRouteKey(routeKey: string, functionName: string): Route {
  if (routeKey === '$default') {
    return { routeKey, functionName, method: 'ANY', segments: [] };
  }

  const match = /^([A-Z]+) (\/\S*)$/.exec(routeKey);
  if (!match?.[1] || !match[2]) {
    throw new ConfigurationError(
      `route key "${routeKey}" is invalid; expected "$default" or "<METHOD> /<path>"`,
    );
  }
  const segments = splitPath(match[2]).map(parseSegment);
  const greedyAt = segments.findIndex((segment) => segment.kind === 'greedy');
  if (greedyAt !== -1 && greedyAt !== segments.length - 1) {
    throw new ConfigurationError(
      `route key "${routeKey}" has a greedy path variable before its end`,
    );
  }
  return { routeKey, functionName, method: match[1], segments };
}

function parseSegment(text: string): Segment {
  const variable = /^\{([^{}]+)\}$/.exec(text)?.[1];
  if (!variable) return { kind: 'literal', text };
  if (variable.endsWith('+')) {
    return { kind: 'greedy', name: variable.slice(0, -1) };
  }
  return { kind: 'variable', name: variable };
}

/** Splits `/a/b` into `['a', 'b']`; `/` has no segments. */
function splitPath(path: string): string[] {
  return path === '/' || path === '' ? [] : path.slice(1).split('/');
}

function matchSegments(
  segments: Segment[],
  parts: string[],
): Record<string, string> | undefined {
  const parameters: Record<string, string> = {};
  for (const [index, segment] of segments.entries()) {
    const part = parts[index];
    if (part === undefined || part === '') return undefined;

    if (segment.kind === 'greedy') {
      parameters[segment.name] = decode(parts.slice(index).join('/'));
      return parameters;
    }
    if (segment.kind === 'literal' && segment.text !== part) return undefined;
    if (segment.kind === 'variable') parameters[segment.name] = decode(part);
  }
  return parts.length === segments.length ? parameters : undefined;
}

function compareSpecificity(a: Route, b: Route): number {
  const length = Math.max(a.segments.length, b.segments.length);
  for (let index = 0; index < length; index += 1) {
    const difference = rank(a.segments[index]) - rank(b.segments[index]);
    if (difference !== 0) return difference;
  }
  return Number(a.method === 'ANY') - Number(b.method === 'ANY');
}

/** Returns a segment's rank. A missing segment ranks after a greedy one. */
function rank(segment: Segment | undefined): number {
  return segment ? SEGMENT_RANK[segment.kind] : 3;
}

function toMatch(route: Route, parameters: Record<string, string>): RouteMatch {
  return {
    routeKey: route.routeKey,
    functionName: route.functionName,
    pathParameters: Object.keys(parameters).length > 0 ? parameters : undefined,
  };
}

/** API Gateway decodes URL-encoded path parameters before the integration. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
