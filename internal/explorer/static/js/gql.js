// A tiny GraphQL client for the public endpoint, /graphql beside /explore/.

// ENDPOINT is the GraphQL endpoint, resolved against the page so that the
// explorer also works behind a path prefix.
export const ENDPOINT = new URL('../graphql', document.baseURI).href;

// GraphQLError carries the errors of an answer; code is the first error's
// extensions.code.
export class GraphQLError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'GraphQLError';
    this.errors = errors;
    this.code = errors[0]?.extensions?.code ?? '';
  }
}

// request POSTs one operation and returns its data, or throws a GraphQLError
// if the answer has errors. signal aborts it (a newer view replaced this one).
export async function request(query, variables = {}, signal) {
  const res = await fetch(ENDPOINT, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
    },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  let body;
  try {
    body = await res.json();
  } catch {
    throw new Error(`the server answered ${res.status} ${res.statusText} without JSON`);
  }
  if (body.errors && body.errors.length > 0) throw new GraphQLError(body.errors);
  return body.data;
}

// curl renders a request as a curl command line anyone can paste in a shell.
export function curl(query, variables) {
  const body = JSON.stringify({ query, variables });
  const quoted = "'" + body.replaceAll("'", "'\\''") + "'";
  return `curl -s ${ENDPOINT} -H 'Content-Type: application/json' -d ${quoted}`;
}
