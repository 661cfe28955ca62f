//! Malformed, oversized and hostile requests, and missing or revoked tokens, against a real
//! server on 127.0.0.1: every one gets a 4xx (with a JSON error where HTTP got that far),
//! never a panic or a 5xx, and the server keeps serving afterwards.

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use digidak::server::ServerStore;
use digidak::sync::protocol::ErrorBody;
use reqwest::blocking::{Client, RequestBuilder};
use serde_json::{Value, json};
use support::InProcessServer;

struct Api {
    server: InProcessServer,
    http: Client,
    token: String,
    _dir: tempfile::TempDir,
}

fn api() -> Api {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let code = server.add_kiosk("PC 1", "noord");
    let client = digidak::sync::client::SyncClient::new(&server.url()).unwrap();
    let token = client.pair(&code, 1).unwrap().token;
    Api {
        server,
        // A new connection for each request: after refusing a body half-way (413), the server
        // closes the connection, and a reused one would fail on the client's side.
        http: Client::builder()
            .timeout(Duration::from_secs(20))
            .pool_max_idle_per_host(0)
            .build()
            .unwrap(),
        token,
        _dir: dir,
    }
}

impl Api {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.url())
    }

    fn push(&self, body: impl Into<reqwest::blocking::Body>) -> RequestBuilder {
        self.http
            .post(self.url("/api/v1/push"))
            .bearer_auth(&self.token)
            .header("content-type", "application/json")
            .body(body)
    }

    /// Sends the request and checks it got the expected 4xx with a JSON error body.
    fn refused(&self, what: &str, req: RequestBuilder, status: u16) -> ErrorBody {
        let resp = req.send().unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(resp.status().as_u16(), status, "{what}");
        let body = resp.text().unwrap();
        serde_json::from_str(&body)
            .unwrap_or_else(|_| panic!("{what}: the error is not JSON: {body:?}"))
    }

    fn ok(&self, what: &str, req: RequestBuilder) -> Value {
        let resp = req.send().unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(resp.status().as_u16(), 200, "{what}");
        resp.json().unwrap()
    }

    fn still_healthy(&self) {
        let resp = self.http.get(self.url("/healthz")).send().unwrap();
        assert_eq!(resp.status().as_u16(), 200);
    }
}

fn push_body(ops: Value) -> String {
    json!({
        "protocol": 1,
        "heartbeat": { "app_version": "t", "outbox_len": 0, "dead_letters": 0,
                       "last_success_ms": null, "last_frame_ms": null, "kiosk_time_ms": 0 },
        "ops": ops,
    })
    .to_string()
}

fn op(index: u64, kind: &str, payload: Value) -> Value {
    json!({ "id": uuid::Uuid::now_v7().to_string(), "index": index, "kind": kind,
            "payload": payload, "kiosk_time_ms": 0, "schema": 1 })
}

#[test]
fn missing_wrong_and_revoked_tokens_get_401() {
    let api = api();
    let body = push_body(json!([]));
    let no_token = api.http.post(api.url("/api/v1/push")).body(body.clone());
    let e = api.refused("no token", no_token, 401);
    assert_eq!(e.code, "unauthorized");
    for token in [
        "",
        "nonsense",
        &"0".repeat(64),
        &"é".repeat(32),
        &"a".repeat(100_000),
    ] {
        let req = api
            .http
            .post(api.url("/api/v1/push"))
            .header("authorization", format!("Bearer {token}").into_bytes())
            .body(body.clone());
        api.refused("a wrong token", req, 401);
    }
    let basic = api
        .http
        .get(api.url("/api/v1/status?protocol=1"))
        .basic_auth("admin", Some("admin"));
    api.refused("basic auth", basic, 401);

    api.ok("the real token", api.push(body.clone()));
    assert!(
        api.server
            .store
            .revoke_kiosk("PC 1", support::now_ms())
            .unwrap()
    );
    let e = api.refused("a revoked token", api.push(body), 401);
    assert!(e.error.contains("pair it again"), "{}", e.error);
    let status = api
        .http
        .get(api.url("/api/v1/status?protocol=1"))
        .bearer_auth(&api.token);
    api.refused("status with a revoked token", status, 401);
    api.still_healthy();
}

#[test]
fn malformed_and_oversized_pushes_get_4xx() {
    let api = api();
    let cases: Vec<(&str, String, u16)> = vec![
        ("not JSON", "this is not json".into(), 400),
        ("empty body", String::new(), 400),
        ("empty object", "{}".into(), 400),
        ("a JSON string", "\"push\"".into(), 400),
        (
            "unknown field",
            push_body(json!([])).replace("\"ops\"", "\"evil\":1,\"ops\""),
            400,
        ),
        (
            "wrong type",
            push_body(json!([])).replace("\"protocol\":1", "\"protocol\":\"one\""),
            400,
        ),
        (
            "negative protocol",
            push_body(json!([])).replace("\"protocol\":1", "\"protocol\":-1"),
            400,
        ),
        (
            "unknown protocol",
            push_body(json!([])).replace("\"protocol\":1", "\"protocol\":99"),
            400,
        ),
        (
            "indexes with a hole",
            push_body(json!([
                op(1, "usage.visit", json!({})),
                op(3, "usage.visit", json!({}))
            ])),
            400,
        ),
        (
            "index overflow",
            push_body(json!([
                op(u64::MAX, "usage.visit", json!({})),
                op(0, "usage.visit", json!({}))
            ])),
            400,
        ),
        (
            "too many ops",
            push_body(Value::Array(
                (1..=201).map(|i| op(i, "usage.visit", json!({}))).collect(),
            )),
            413,
        ),
        (
            "2 MiB body",
            push_body(json!([op(
                1,
                "usage.visit",
                json!({"name": "x".repeat(2 << 20)})
            )])),
            413,
        ),
        (
            "deeply nested JSON",
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
            400,
        ),
        (
            "invalid UTF-8",
            String::from_utf8_lossy(b"{\"protocol\":\xff}").into(),
            400,
        ),
    ];
    for (what, body, status) in cases {
        let e = api.refused(what, api.push(body), status);
        assert!(!e.error.is_empty(), "{what}: a sentence says why");
    }
    let e = api.refused(
        "protocol 99",
        api.push(push_body(json!([])).replace("\"protocol\":1", "\"protocol\":99")),
        400,
    );
    assert_eq!(e.code, "unsupported_protocol");
    assert!(e.error.contains("protocol version 99"), "{}", e.error);

    // Raw bytes that are not UTF-8 at all.
    let raw = api.push(vec![0xff_u8, 0xfe, 0x00, 0x01]);
    api.refused("binary body", raw, 400);
    api.still_healthy();
}

#[test]
fn hostile_payloads_are_rejected_per_op_and_hurt_nothing() {
    let api = api();
    let ops = json!([
        op(
            1,
            "help.requested",
            json!({"id": "'; DROP TABLE ops; --", "created_at_ms": 0, "first_name": null})
        ),
        op(
            2,
            "help.requested",
            json!({"id": uuid::Uuid::now_v7().to_string(), "created_at_ms": i64::MIN,
                                       "first_name": "\u{0}\u{202e}<script>alert(1)</script>".repeat(1000)})
        ),
        op(3, "help.handled", json!({"id": "nope", "handled_at_ms": 0})),
        op(
            4,
            "usage.visit",
            json!({"name": "../../etc/passwd", "day": "2026-11-23"})
        ),
        op(
            5,
            "usage.visit",
            json!({"name": "home", "day": "2026-02-31"})
        ),
        op(
            6,
            "usage.visit",
            json!({"name": "home", "day": "２０２６-11-23"})
        ),
        op(7, "usage.visit", json!(null)),
        op(
            8,
            "usage.visit",
            json!({"name": "home", "day": "2026-11-23", "phone": "0470"})
        ),
        op(9, "", json!({})),
        op(
            10,
            "usage.visit",
            json!({"name": "home", "day": "2026-11-23"})
        ),
    ]);
    let resp = api.ok("hostile payloads", api.push(push_body(ops)));
    let statuses: Vec<&str> = resp["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        [
            "rejected", "accepted", "rejected", "rejected", "rejected", "rejected", "rejected",
            "rejected", "rejected", "accepted"
        ],
        "{resp}"
    );
    // The name was cleaned to a short plain first name.
    let conn = rusqlite::Connection::open(&api.server.db).unwrap();
    let name: String = conn
        .query_row("SELECT first_name FROM help_requests", [], |r| r.get(0))
        .unwrap();
    assert!(name.chars().count() <= 40, "{name:?}");
    assert!(
        !name.contains('\u{0}') && !name.contains('\u{202e}'),
        "{name:?}"
    );
    // Ops with a bogus id are rejected whole.
    let mut bad_id = op(
        11,
        "usage.visit",
        json!({"name": "home", "day": "2026-11-23"}),
    );
    bad_id["id"] = json!("not-a-uuid");
    let resp = api.ok("bad id", api.push(push_body(json!([bad_id]))));
    assert_eq!(resp["results"][0]["status"], "rejected");
    api.still_healthy();
}

#[test]
fn malformed_queries_and_pairings_get_4xx() {
    let api = api();
    let get = |q: &str| {
        api.http
            .get(api.url(&format!("/api/v1/changes{q}")))
            .bearer_auth(&api.token)
    };
    api.refused("no protocol", get(""), 400);
    api.refused("protocol 2", get("?protocol=2"), 400);
    api.refused(
        "protocol huge",
        get("?protocol=99999999999999999999999"),
        400,
    );
    api.refused("after not a number", get("?protocol=1&after=abc"), 400);
    api.refused("after negative", get("?protocol=1&after=-1"), 400);
    api.ok(
        "after at the very end",
        get("?protocol=1&after=18446744073709551615"),
    );
    api.ok("limit 0", get("?protocol=1&limit=0"));
    let page = api.ok("limit huge", get("?protocol=1&limit=18446744073709551615"));
    assert_eq!(page["more"], false);

    let pair = |body: String| api.http.post(api.url("/api/v1/pair")).body(body);
    api.refused("pair: not JSON", pair("code=1234".into()), 400);
    api.refused(
        "pair: code too long",
        pair(json!({"protocol": 1, "code": "A".repeat(10_000), "app_version": "t", "first_index": 1}).to_string()),
        400,
    );
    api.refused(
        "pair: first_index too big",
        pair(json!({"protocol": 1, "code": "ABCD-EFGH", "app_version": "t", "first_index": u64::MAX}).to_string()),
        400,
    );
    let e = api.refused(
        "pair: wrong code",
        pair(
            json!({"protocol": 1, "code": "ABCD-EFGH", "app_version": "t", "first_index": 1})
                .to_string(),
        ),
        401,
    );
    assert!(e.error.contains("pairing code"), "{}", e.error);
    api.refused(
        "pair: old protocol",
        pair(
            json!({"protocol": 0, "code": "ABCD-EFGH", "app_version": "t", "first_index": 1})
                .to_string(),
        ),
        400,
    );

    api.refused(
        "unknown path",
        api.http.get(api.url("/api/v2/everything")),
        404,
    );
    api.refused(
        "traversal",
        api.http.get(api.url("/api/v1/../../etc/passwd")),
        404,
    );
    let wrong_method = api.http.get(api.url("/api/v1/push")).send().unwrap();
    assert_eq!(wrong_method.status().as_u16(), 405);
    api.still_healthy();
}

/// Sends raw bytes and returns the status code of the answer (0 if the server just closed).
fn raw(addr: std::net::SocketAddr, bytes: &[u8]) -> u16 {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let _ = s.write_all(bytes);
    let _ = s.shutdown(std::net::Shutdown::Write);
    let mut answer = Vec::new();
    let _ = s.read_to_end(&mut answer);
    let text = String::from_utf8_lossy(&answer);
    text.strip_prefix("HTTP/1.1 ")
        .and_then(|t| t.get(..3))
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
}

#[test]
fn broken_http_gets_4xx_or_a_closed_connection_never_5xx() {
    let api = api();
    let addr = api.server.addr;
    let huge_header = format!(
        "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Junk: {}\r\n\r\n",
        "a".repeat(600_000)
    );
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("garbage", b"\x00\x01\x02 GARBAGE\r\n\r\n".to_vec()),
        ("no version", b"GET /healthz\r\n\r\n".to_vec()),
        ("huge header", huge_header.into_bytes()),
        (
            "negative length",
            b"POST /api/v1/pair HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n".to_vec(),
        ),
        (
            "two lengths",
            b"POST /api/v1/pair HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}"
                .to_vec(),
        ),
        (
            "bad chunks",
            b"POST /api/v1/pair HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nxx\r\n0\r\n\r\n"
                .to_vec(),
        ),
        (
            "short body",
            b"POST /api/v1/pair HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"protocol\":"
                .to_vec(),
        ),
        (
            "lying length",
            format!(
                "POST /api/v1/pair HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n{{}}",
                u64::MAX
            )
            .into_bytes(),
        ),
    ];
    for (what, bytes) in cases {
        let status = raw(addr, &bytes);
        eprintln!("{what}: {status}");
        assert!(
            status == 0 || (400..500).contains(&status),
            "{what}: got {status}"
        );
    }
    api.still_healthy();
}

/// Guessing phone links: every request to `/signups/…` and `/posts/…` counts against a limit
/// per client address (30 at once, then one every 6 s) and an overall one (300 at once, then
/// 20 a second); beyond them 429 with `Retry-After`. Measured: misses answered stay under both.
#[test]
fn guessing_phone_links_is_rate_limited_per_address_and_overall() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let from = |last: u8| {
        Client::builder()
            .local_address(std::net::IpAddr::from([127, 0, 0, last]))
            .build()
            .unwrap()
    };
    let guess = |http: &Client, i: usize| {
        let path = if i.is_multiple_of(2) {
            "signups"
        } else {
            "posts"
        };
        let t = digidak::codes::phone_token();
        http.get(format!("{}/{path}/{t}", server.url()))
            .send()
            .unwrap()
    };
    let started = std::time::Instant::now();

    // One address, as fast as it can for 3 seconds.
    let one = from(1);
    let (mut missed, mut refused, mut sent) = (0u32, 0u32, 0u32);
    while started.elapsed() < Duration::from_secs(3) {
        let r = guess(&one, sent as usize);
        sent += 1;
        match r.status().as_u16() {
            404 => missed += 1,
            429 => {
                refused += 1;
                let wait: u64 = r.headers()["retry-after"]
                    .to_str()
                    .unwrap()
                    .parse()
                    .unwrap();
                assert!((1..=6).contains(&wait), "{wait}");
            }
            other => panic!("status {other}"),
        }
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "one address: {sent} requests in {secs:.1} s ({:.0}/s), {missed} answered ({:.1}/s), {refused} refused",
        f64::from(sent) / secs,
        f64::from(missed) / secs
    );
    assert!(refused > 0);
    assert!(
        f64::from(missed) <= 30.0 + (secs / 6.0).floor() + 1.0,
        "{missed} misses answered in {secs:.1} s"
    );
    // The page says what to do, in the resident's language.
    let r = one
        .get(format!(
            "{}/signups/{}?lang=en",
            server.url(),
            digidak::codes::phone_token()
        ))
        .send()
        .unwrap();
    assert_eq!(r.status(), 429);
    assert!(r.text().unwrap().contains("Too many tries from here."));
    // Another address is not held back by the first one.
    assert_eq!(guess(&from(2), 0).status(), 404);

    // Many addresses, each within its own limit: the overall one holds.
    let mut answered = missed + 1;
    let mut refused_overall = 0;
    for last in 10..30 {
        let http = from(last);
        for i in 0..30 {
            match guess(&http, i).status().as_u16() {
                404 => answered += 1,
                429 => refused_overall += 1,
                other => panic!("status {other}"),
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "overall: {answered} misses answered in {secs:.1} s ({:.1}/s), {refused_overall} refused",
        f64::from(answered) / secs
    );
    assert!(refused_overall > 0);
    assert!(
        f64::from(answered) <= 300.0 + secs * 20.0 + 1.0,
        "{answered} misses answered in {secs:.1} s"
    );
    // Lessons are not phone pages of codes: never limited.
    let r = one.get(format!("{}/lessons", server.url())).send().unwrap();
    assert_eq!(r.status(), 200);
}
