import { createRoute, z } from '@hono/zod-openapi';
import { CommandResult, ErrorBody } from '../schemas';

export const refusals = {
  400: { description: 'Invalid input; the message names the field', content: { 'application/json': { schema: ErrorBody } } },
  404: { description: 'Not found', content: { 'application/json': { schema: ErrorBody } } },
  409: { description: 'Not possible in the current state', content: { 'application/json': { schema: ErrorBody } } },
  422: { description: 'Refused by a DPM rule; the code names it', content: { 'application/json': { schema: ErrorBody } } },
} as const;

export const commandResponses = {
  200: { description: 'Done; the jobs it started are listed', content: { 'application/json': { schema: CommandResult } } },
  ...refusals,
} as const;

/** A POST that runs one domain verb, with path parameters and a JSON body. */
export function commandRoute<Path extends string, P extends z.ZodObject, B extends z.ZodType>(tag: string, path: Path, summary: string, params: P, body: B) {
  return createRoute({
    method: 'post',
    path,
    tags: [tag],
    summary,
    request: { params, body: { required: true, content: { 'application/json': { schema: body } } } },
    responses: commandResponses,
  });
}

/** A GET answering one schema. */
export function readRoute<Path extends string, P extends z.ZodObject, Q extends z.ZodObject, R extends z.ZodType>(tag: string, path: Path, summary: string, params: P, query: Q, response: R) {
  return createRoute({
    method: 'get',
    path,
    tags: [tag],
    summary,
    request: { params, query },
    responses: {
      200: { description: summary, content: { 'application/json': { schema: response } } },
      400: refusals[400],
      404: refusals[404],
    },
  });
}

export const NoQuery = z.object({}).strict();
export const NoBody = z.object({}).strict();
