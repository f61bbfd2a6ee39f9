// A neighbourhood's adopted action plan, read from wijkgraph's GraphQL API — a starting
// point for a portal team. Plain JavaScript, no build step.
//
// Open index.html?api=<graphql url>&neighbourhood=<CBS code>[#token=<bearer token>].
// Without a token the page shows what the public sees: the adopted plan, its priorities and
// actions with their public progress. With a token (in the fragment, so it never reaches a
// server log) it also shows the commitments the token may read. The page stays up to date:
// it subscribes over graphql-transport-ws and reloads the plan when something changes.

const params = new URLSearchParams(window.location.search);
const api = params.get('api') ?? 'http://127.0.0.1:8080/graphql';
const neighbourhood = params.get('neighbourhood') ?? 'BU05991086';
const token = new URLSearchParams(window.location.hash.slice(1)).get('token');

/** Runs one GraphQL operation and returns its data; throws with the errors' messages. */
async function graphql(query, variables = {}) {
  const headers = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json;q=0.9',
  };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(api, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) throw new Error(body.errors.map((error) => error.message).join('; '));
  return body.data;
}

const PLAN = `query NeighbourhoodPlan($code: String!, $withCommitments: Boolean!) {
  neighbourhoods(filter: { code: $code }, first: 1) {
    nodes {
      name
      contact
      plans(first: 10) {
        nodes {
          title
          status
          priorities(first: 10) {
            nodes {
              rank
              title
              actions(first: 20) {
                nodes {
                  id
                  description
                  status
                  progressPercent
                  trafficLight
                  leadCluster { code }
                  commitments(first: 10) @include(if: $withCommitments) {
                    nodes { id status cluster { code } }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}`;

/** An element with text. */
function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Shows the plan. */
function render(hood) {
  const plan = hood.plans.nodes.find((p) => p.status === 'ADOPTED');
  document.getElementById('neighbourhood').textContent =
    `${hood.name}${hood.contact ? ` — contact: ${hood.contact}` : ''}`;
  const list = document.getElementById('priorities');
  list.replaceChildren();
  if (!plan) {
    document.getElementById('status').textContent = 'Nog geen vastgesteld wijkactieplan.';
    return;
  }
  document.getElementById('title').textContent = plan.title;
  for (const priority of plan.priorities.nodes.filter((p) => p.rank !== null)) {
    const item = element('li');
    item.append(element('strong', priority.title));
    const actions = element('ul', undefined, 'actions');
    for (const action of priority.actions.nodes) {
      const row = element('li');
      row.dataset.action = action.id;
      row.append(element('span', '', `light ${action.trafficLight}`));
      row.append(`${action.description} (${action.leadCluster?.code ?? '—'}, ${action.progressPercent}%)`);
      for (const commitment of action.commitments?.nodes ?? []) {
        const line = element('div', `Toezegging ${commitment.cluster.code}: ${commitment.status}`, 'commitment');
        line.dataset.commitment = commitment.id;
        row.append(line);
      }
      actions.append(row);
    }
    item.append(actions);
    list.append(item);
  }
  document.getElementById('status').textContent = 'Bijgewerkt.';
}

async function load() {
  const data = await graphql(PLAN, { code: neighbourhood, withCommitments: Boolean(token) });
  const hood = data.neighbourhoods.nodes[0];
  if (!hood) throw new Error(`no neighbourhood ${neighbourhood}`);
  render(hood);
}

/** What the page listens to: plan and progress changes, and commitments with a token. */
const CHANGES = [
  'subscription { planStatusChanged { occurredAt } }',
  'subscription { progressReported { occurredAt } }',
  ...(token ? ['subscription { commitmentChanged { kind } }'] : []),
];

/**
 * Subscribes to `queries` over graphql-transport-ws (the protocol of the `graphql-ws`
 * library, which a larger front end would use instead) and calls `onChange` for each event.
 */
function listen(queries, onChange) {
  const socket = new WebSocket(api.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const send = (message) => socket.send(JSON.stringify(message));
  socket.onopen = () =>
    send({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} });
  socket.onmessage = (message) => {
    const data = JSON.parse(message.data);
    if (data.type === 'connection_ack') {
      queries.forEach((query, id) => send({ id: String(id), type: 'subscribe', payload: { query } }));
      document.getElementById('live').textContent = 'Live';
    } else if (data.type === 'ping') {
      send({ type: 'pong' });
    } else if (data.type === 'next') {
      onChange(data.payload);
    }
  };
  socket.onclose = (event) => {
    document.getElementById('live').textContent = `Niet meer live (${event.code})`;
  };
}

load()
  .then(() => listen(CHANGES, () => load().catch(showError)))
  .catch(showError);

function showError(error) {
  document.getElementById('status').textContent = `Fout: ${error.message}`;
}
