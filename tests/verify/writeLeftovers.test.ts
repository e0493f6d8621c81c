// --write creates a real user: whenever one may have been created, the report says how to remove it,
// also when the sequence breaks off before the deactivation.
import type { HttpClient, HttpOutcome, HttpRequest } from "../../verify/http";
import { runScimChecks, SCIM_CHECKS } from "../../verify/checks/scim";

const ID = "scim|abc123";

function scimResponse(status: number, body: unknown): HttpOutcome {
  return { kind: "response", status, contentType: "application/scim+json", text: JSON.stringify(body), attempts: 1 };
}

/** A SCIM endpoint whose GET /Users/{id} answers 500, everything else as Auth0 does. */
function endpointFailingGetUser(createdBody: Record<string, unknown>): HttpClient {
  let posts = 0;
  return {
    async send(request: HttpRequest) {
      if (request.tokenOverride) return scimResponse(401, { status: "401" });
      if (request.method === "POST") return ++posts === 1 ? scimResponse(201, createdBody) : scimResponse(409, { status: "409" });
      if (request.method === "GET" && request.path.startsWith("/Users?")) {
        return scimResponse(200, { schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });
      }
      return scimResponse(500, { status: "500" });
    },
  };
}

const validUser = (userName: string) => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
  id: ID,
  userName,
  active: true,
});

test("GET of the new user fails: deactivation is reported as not attempted, with the user still active and how to remove it", async () => {
  const results = await runScimChecks(endpointFailingGetUser(validUser("scim-verify-n1@verify.invalid")), { write: true, nonce: "n1" });
  const deactivate = results.find((r) => r.name === SCIM_CHECKS.deactivateUser);
  expect(deactivate?.status).toBe("fail");
  expect(deactivate?.detail).toContain("not attempted");
  expect(deactivate?.detail).toContain(`stays in Auth0, active`);
  expect(deactivate?.detail).toContain(encodeURIComponent(ID));
});

test("a 201 whose body is not a valid User still names the created user and how to remove it", async () => {
  const results = await runScimChecks(endpointFailingGetUser({ id: ID }), { write: true, nonce: "n2" });
  const create = results.find((r) => r.name === SCIM_CHECKS.createUser);
  expect(create?.status).toBe("fail");
  expect(create?.detail).toContain("returned 201 but");
  expect(create?.detail).toContain(`(id ${ID}) stays in Auth0, active`);
});
