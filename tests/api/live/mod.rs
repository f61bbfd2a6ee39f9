//! Live updates (issue 11, items 1 and 2): subscriptions over graphql-transport-ws and
//! Server-Sent Events deliver an event only when the subscriber may read the changed row at
//! that moment, only after the change commits, across instances on one PostgreSQL, and
//! close when the token expires.

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

use crate::helpers::{
    Engine, TestApp, count_rows, fresh_database, run_on_both_databases, spawn_app, spawn_app_on,
    spawn_app_with, token_for,
};

mod scope;
mod socket;
mod transports;

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// A graphql-transport-ws client: enough of the protocol to subscribe and read.
pub(crate) struct Live {
    pub(crate) socket: Socket,
}

/// How long a test waits for an event that must come.
pub(crate) const PATIENCE: Duration = Duration::from_secs(10);
/// How long a test waits to be sure an event does not come.
const QUIET: Duration = Duration::from_millis(1500);

impl Live {
    /// Opens a socket to `app` and sends `connection_init` with `token` (none: the public).
    pub(crate) async fn open(app: &TestApp, token: Option<String>) -> Self {
        let url = format!("{}/graphql", app.address.replacen("http://", "ws://", 1));
        let mut request = url.into_client_request().unwrap();
        request.headers_mut().insert(
            "sec-websocket-protocol",
            "graphql-transport-ws".parse().unwrap(),
        );
        let (mut socket, _) = tokio_tungstenite::connect_async(request)
            .await
            .expect("connect");
        let payload = match token {
            Some(token) => json!({ "authorization": format!("Bearer {token}") }),
            None => json!({}),
        };
        socket
            .send(Message::text(
                json!({ "type": "connection_init", "payload": payload }).to_string(),
            ))
            .await
            .unwrap();
        Self { socket }
    }

    /// Opens a socket as `roles` and waits for the acknowledgement.
    pub(crate) async fn connect(app: &TestApp, roles: &[&str]) -> Self {
        let token = (!roles.is_empty()).then(|| token_for(&app.config, roles));
        let mut live = Self::open(app, token).await;
        let ack = live.message(PATIENCE).await.expect("connection_ack");
        assert_eq!(ack["type"], "connection_ack", "{ack}");
        live
    }

    /// Starts subscription `id`.
    pub(crate) async fn subscribe(&mut self, id: &str, query: &str) {
        let message = json!({ "id": id, "type": "subscribe", "payload": { "query": query } });
        self.socket
            .send(Message::text(message.to_string()))
            .await
            .unwrap();
    }

    /// The next protocol message within `within`; a close frame as
    /// `{"type": "closed", "code": …}`.
    pub(crate) async fn message(&mut self, within: Duration) -> Option<Value> {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            let next = tokio::time::timeout_at(deadline, self.socket.next())
                .await
                .ok()??;
            match next {
                Ok(Message::Text(text)) => {
                    let message: Value = serde_json::from_str(text.as_str()).unwrap();
                    if message["type"] == "ping" {
                        continue;
                    }
                    return Some(message);
                }
                Ok(Message::Close(frame)) => {
                    let (code, reason) = frame
                        .map(|f| (u16::from(f.code), f.reason.to_string()))
                        .unwrap_or((1005, String::new()));
                    return Some(json!({ "type": "closed", "code": code, "reason": reason }));
                }
                Ok(_) => continue,
                Err(_) => return None,
            }
        }
    }

    /// The payload of the next `next` message within `within`.
    pub(crate) async fn next(&mut self, within: Duration) -> Option<Value> {
        let message = self.message(within).await?;
        assert_eq!(message["type"], "next", "{message}");
        Some(message["payload"].clone())
    }
}

const COMMITMENTS: &str =
    "subscription { commitmentChanged { kind commitment { id status cluster { code } } } }";
const REQUEST: &str = "mutation($input: RequestCommitmentInput!) { requestCommitment(input: $input) { commitment { id } } }";

/// An Afrikaanderwijk action and the clusters' ids by code.
async fn setting(app: &TestApp) -> (Value, Value) {
    let data = app
        .data(
            r#"{ clusters(first: 20) { nodes { id code } }
                 plans(filter: {status: ADOPTED, titleContains: "Afrikaanderwijk"}) { nodes { priorities(first: 1) { nodes { actions(first: 1) { nodes { id } } } } } } }"#,
            json!({}),
        )
        .await;
    let action =
        data["plans"]["nodes"][0]["priorities"]["nodes"][0]["actions"]["nodes"][0]["id"].clone();
    let clusters: serde_json::Map<String, Value> = data["clusters"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["code"].as_str().unwrap().to_owned(), c["id"].clone()))
        .collect();
    (action, Value::Object(clusters))
}

/// Requests a commitment of `cluster` on `action` as Afrikaanderwijk's manager; its id.
async fn request(app: &TestApp, action: &Value, cluster: &Value) -> Value {
    let input = json!({ "input": { "actionId": action, "clusterId": cluster, "question": "Kunnen jullie dit oppakken?" } });
    app.as_roles(&["neighbourhood_manager:BU05991086"])
        .data(REQUEST, input)
        .await["requestCommitment"]["commitment"]["id"]
        .clone()
}
