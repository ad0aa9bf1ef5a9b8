/**
 * What every request to /api must look like before a route sees it (app.ts applies these). Each
 * returns the refusal's sentence and field, or null when the request may pass.
 */

export interface Problem {
  message: string;
  target: string;
}

/**
 * `application/json`, with parameters such as `charset=utf-8` and nothing else: the same grammar
 * as the route validators (@hono/zod-openapi), so what passes here is never refused there as
 * another media type.
 */
const JSON_MEDIA_TYPE = /^application\/json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

export function isJsonMediaType(contentType: string | undefined): boolean {
  return contentType !== undefined && JSON_MEDIA_TYPE.test(contentType);
}

/**
 * Cookie-authenticated changes come only from the console's own pages: a browser names the page's
 * origin in `Origin` on every POST (and `Sec-Fetch-Site` says how it relates to this server). The
 * expected origin is configured (DPM_PUBLIC_URL), never taken from the request's Host, which a
 * DNS-rebinding page controls. Requests with an API token carry no ambient credential and are exempt.
 */
export function originProblem(
  headers: { origin?: string; secFetchSite?: string; authorization?: string },
  publicOrigin: string,
): Problem | null {
  if (/^bearer\s/i.test(headers.authorization ?? '')) return null;
  const { origin, secFetchSite } = headers;
  const ok =
    (origin === undefined ? secFetchSite === 'same-origin' : origin === publicOrigin) &&
    (secFetchSite === undefined || secFetchSite === 'same-origin');
  return ok
    ? null
    : {
        message:
          "Only the console's own pages may change the estate (Origin or Sec-Fetch-Site must name this console).",
        target: 'origin',
      };
}

/** Fields that hold several lines of text (the Textarea of Acknowledge): they may take line breaks. */
export const MULTILINE_FIELDS: ReadonlySet<string> = new Set(['comment']);

/** C0 controls and DEL; in a multi-line field, CR and LF are allowed. */
/* eslint-disable no-control-regex -- matching control characters is what these are for */
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/;
/* eslint-enable no-control-regex */
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(value: string, field: string, multiline: boolean): Problem | null {
  if ((multiline ? CONTROL_BUT_LINE_BREAKS : CONTROL).test(value)) {
    return {
      message:
        `Invalid value for "${field}": control characters are not ` +
        `allowed${multiline ? ' (line breaks are)' : ''}.`,
      target: field,
    };
  }
  if (LONE_SURROGATE.test(value))
    return {
      message: `Invalid value for "${field}": the text is not valid Unicode (a lone surrogate).`,
      target: field,
    };
  return null;
}

/** Deeper than any request of this API needs; a 10,000-deep array stops here, not in a validator's recursion. */
export const MAX_JSON_DEPTH = 32;

/**
 * Every string of a JSON body, keys included, is checked as text; nesting is bounded. The walk is
 * iterative, so a deep document costs no stack. Fields are named as the validators name them (a.0.b).
 */
export function jsonProblem(body: unknown): Problem | null {
  const stack: { value: unknown; path: string[]; depth: number }[] = [{ value: body, path: [], depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, path, depth } = item;
    const field = path.join('.') || 'body';
    if (typeof value === 'string') {
      const problem = textProblem(value, field, MULTILINE_FIELDS.has(path.at(-1) ?? ''));
      if (problem) return problem;
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_JSON_DEPTH)
        return { message: `Invalid value for "${field}": nested deeper than ${MAX_JSON_DEPTH} levels.`, target: field };
      const entries: [string, unknown][] = Array.isArray(value)
        ? value.map((v, i) => [String(i), v])
        : Object.entries(value);
      for (const [key, child] of entries) {
        const keyProblem = textProblem(key, [...path, key].join('.'), false);
        if (keyProblem) return keyProblem;
        stack.push({ value: child, path: [...path, key], depth: depth + 1 });
      }
    }
  }
  return null;
}

/** Query parameters are text too: each is checked by its name. */
export function queryProblem(queries: Record<string, string[]>): Problem | null {
  for (const [key, values] of Object.entries(queries)) {
    const problem =
      textProblem(key, key, false) ?? values.map((v) => textProblem(v, key, false)).find((p) => p !== null) ?? null;
    if (problem) return problem;
  }
  return null;
}

/** Longer than any URL of this API needs (Node itself refuses request lines beyond 16 KiB). */
export const MAX_URL_LENGTH = 8 * 1024;
