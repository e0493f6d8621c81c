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
