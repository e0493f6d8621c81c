// Error bodies in the shapes the real APIs use: the Management API's
// {statusCode, error, message, errorCode}, OAuth's {error, error_description}, SCIM's Error message.
import { STATUS_CODES } from "http";
import type { StandInReply } from "../http/router";

export function apiError(status: number, message: string, errorCode?: string): StandInReply {
  return { status, body: { statusCode: status, error: STATUS_CODES[status] ?? "Error", message, ...(errorCode ? { errorCode } : {}) } };
}

export function json(status: number, body?: unknown): StandInReply {
  return { status, body };
}

export const SCIM_CONTENT_TYPE = "application/scim+json; charset=utf-8";
export const SCIM_ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

/** SCIM errors carry `status` as a string (RFC 7644 §3.12). */
export function scimError(status: number, detail: string, scimType?: string): StandInReply {
  return { status, contentType: SCIM_CONTENT_TYPE, body: { schemas: [SCIM_ERROR_SCHEMA], status: String(status), detail, ...(scimType ? { scimType } : {}) } };
}

export function scimJson(status: number, body: unknown): StandInReply {
  return { status, contentType: SCIM_CONTENT_TYPE, body };
}

const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/** One page of a SCIM list (`startIndex` from 1, `count` default 100), itemsPerPage = what it holds. */
export function scimListPage<T>(items: readonly T[], query: URLSearchParams, present: (item: T) => unknown): StandInReply {
  const startIndex = Math.max(1, Number(query.get("startIndex") ?? 1) || 1);
  const count = Math.max(0, Number(query.get("count") ?? 100) || 0);
  const page = items.slice(startIndex - 1, startIndex - 1 + count);
  return scimJson(200, { schemas: [LIST_SCHEMA], totalResults: items.length, startIndex, itemsPerPage: page.length, Resources: page.map(present) });
}

export interface PatchOperation {
  op?: string;
  path?: string;
  value?: unknown;
}

/** The operations of a PatchOp message, or undefined when the body is not one. */
export function patchOperations(body: unknown): PatchOperation[] | undefined {
  const b = (body ?? {}) as { schemas?: string[]; Operations?: unknown };
  return b.schemas?.includes(PATCH_SCHEMA) && Array.isArray(b.Operations) ? (b.Operations as PatchOperation[]) : undefined;
}
