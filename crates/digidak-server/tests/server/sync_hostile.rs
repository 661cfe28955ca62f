//! Malformed, oversized and hostile requests, and missing or revoked tokens, against a real
//! server on 127.0.0.1: every one gets a 4xx (with a JSON error where HTTP got that far),
//! never a panic or a 5xx, and the server keeps serving afterwards.

use crate::support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use digidak_protocol::ErrorBody;
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
    let name = support::server_rows(&api.server.db, "SELECT first_name FROM help_requests")[0][0]
        .clone()
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
    // One past the newest version this server speaks, and one before the oldest it takes.
    let newer = digidak_protocol::PROTOCOL_VERSION + 1;
    api.refused("protocol newer", get(&format!("?protocol={newer}")), 400);
    api.refused("protocol 0", get("?protocol=0"), 400);
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
        let t = digidak_core::codes::phone_token();
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
            digidak_core::codes::phone_token()
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

#[test]
fn a_wrong_method_under_the_api_gets_a_json_405() {
    let api = api();
    for (what, req) in [
        ("GET push", api.http.get(api.url("/api/v1/push"))),
        ("POST changes", api.http.post(api.url("/api/v1/changes"))),
        ("DELETE pair", api.http.delete(api.url("/api/v1/pair"))),
        (
            "PUT resume",
            api.http.put(api.url("/api/v1/resume/1234567890")),
        ),
    ] {
        let resp = req.send().unwrap();
        assert_eq!(resp.status().as_u16(), 405, "{what}");
        assert!(resp.headers().contains_key("allow"), "{what}");
        assert!(
            resp.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("application/json"),
            "{what}"
        );
        let body: ErrorBody = resp.json().unwrap();
        assert_eq!(body.code, "method_not_allowed", "{what}");
    }
    api.still_healthy();
}

/// What became of a socket that stalled or dripped its headers: (seconds until the server
/// answered or closed it, the status it answered with, 0 if it just closed).
fn stalled_socket(addr: std::net::SocketAddr, drip: bool) -> (f64, u16) {
    let start = std::time::Instant::now();
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_millis(500)))
        .unwrap();
    let _ = s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n");
    let mut buf = [0u8; 64];
    let mut drips = 0u32;
    while start.elapsed() < Duration::from_secs(40) {
        match s.read(&mut buf) {
            Ok(0) => return (start.elapsed().as_secs_f64(), 0),
            Ok(n) => {
                let text = String::from_utf8_lossy(&buf[..n]);
                let status = text
                    .strip_prefix("HTTP/1.1 ")
                    .and_then(|t| t.get(..3))
                    .and_then(|c| c.parse().ok())
                    .unwrap_or(1);
                return (start.elapsed().as_secs_f64(), status);
            }
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                if drip {
                    drips += 1;
                    // One more header byte at a time, never the end of the headers.
                    let byte: &[u8] = if drips.is_multiple_of(2) {
                        b"\r\n"
                    } else {
                        b"X-A: b"
                    };
                    if s.write_all(byte).is_err() {
                        return (start.elapsed().as_secs_f64(), 0);
                    }
                }
            }
            Err(_) => return (start.elapsed().as_secs_f64(), 0),
        }
    }
    (f64::INFINITY, 0)
}

#[test]
fn stalled_headers_are_closed_while_healthz_keeps_answering() {
    let api = api();
    let addr = api.server.addr;
    // 200 sockets: half send part of their headers and stall, half drip more every half second.
    let sockets: Vec<_> = (0..200)
        .map(|i| {
            std::thread::Builder::new()
                .stack_size(64 * 1024)
                .spawn(move || stalled_socket(addr, i % 2 == 1))
                .unwrap()
        })
        .collect();
    // And 20 kept-alive connections that asked once, got their answer, and went quiet.
    let idle: Vec<_> = (0..20)
        .map(|_| {
            std::thread::spawn(move || {
                let mut s = TcpStream::connect(addr).unwrap();
                s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                    .unwrap();
                let mut buf = [0u8; 512];
                let n = s.read(&mut buf).unwrap();
                assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
                let answered = std::time::Instant::now();
                s.set_read_timeout(Some(Duration::from_secs(40))).unwrap();
                // Nothing more comes until the server closes it.
                let _ = s.read(&mut buf);
                answered.elapsed().as_secs_f64()
            })
        })
        .collect();
    // And a request to the API whose body stalls: 408, as JSON.
    let stalled_body = std::thread::spawn(move || {
        let mut s = TcpStream::connect(addr).unwrap();
        s.write_all(
            b"POST /api/v1/pair HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
              Content-Length: 100\r\n\r\n{\"protocol\":",
        )
        .unwrap();
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let mut answer = Vec::new();
        let _ = s.read_to_end(&mut answer);
        String::from_utf8_lossy(&answer).to_string()
    });
    // Meanwhile /healthz, each time on a new connection, for 16 s.
    let fresh = Client::builder()
        .timeout(Duration::from_secs(5))
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    let mut latencies = Vec::new();
    let begin = std::time::Instant::now();
    while begin.elapsed() < Duration::from_secs(16) {
        let t = std::time::Instant::now();
        let r = fresh.get(api.url("/healthz")).send().unwrap();
        assert_eq!(r.status().as_u16(), 200);
        latencies.push(t.elapsed());
        std::thread::sleep(Duration::from_millis(40));
    }
    let ends: Vec<(f64, u16)> = sockets.into_iter().map(|t| t.join().unwrap()).collect();
    let mut idle: Vec<f64> = idle.into_iter().map(|t| t.join().unwrap()).collect();
    let answer = stalled_body.join().unwrap();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("application/json"), "{answer}");
    assert!(answer.contains("\"code\":\"timeout\""), "{answer}");
    idle.sort_by(f64::total_cmp);
    latencies.sort();
    let p = |q: f64| latencies[((latencies.len() - 1) as f64 * q) as usize];
    let mut secs: Vec<f64> = ends.iter().map(|e| e.0).collect();
    secs.sort_by(f64::total_cmp);
    let answered_408 = ends.iter().filter(|e| e.1 == 408).count();
    let closed = ends.iter().filter(|e| e.1 == 0).count();
    println!(
        "slow sockets: 200 stalled/dripping, {closed} closed and {answered_408} answered 408; \
         ended after {:.1} s (first) / {:.1} s (median) / {:.1} s (last); \
         /healthz on new connections meanwhile: {} requests, p50 {:?}, p99 {:?}, max {:?}; \
         20 idle kept-alive connections closed {:.1}-{:.1} s after their answer",
        secs[0],
        secs[100],
        secs[199],
        latencies.len(),
        p(0.5),
        p(0.99),
        latencies[latencies.len() - 1],
        idle[0],
        idle[19],
    );
    assert!(
        idle[19] < 20.0,
        "idle keep-alive connections are closed: {idle:?}"
    );
    assert_eq!(closed + answered_408, 200, "{ends:?}");
    assert!(
        secs[199] < 20.0,
        "the last stalled socket ended after {} s",
        secs[199]
    );
    assert!(p(0.99) < Duration::from_millis(50), "p99 {:?}", p(0.99));
    api.still_healthy();
}

/// Fuzzing the push and pull bodies and the phone-page addresses against the real server
/// (proptest, bounded for CI: a fixed number of cases, a few seconds): whatever comes in,
/// nothing answers 5xx, every `/api` answer is JSON, and the server keeps serving.
mod fuzz {
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

    /// Cases per target; `DIGIDAK_FUZZ_CASES` runs more (a longer local run).
    fn cases() -> u32 {
        std::env::var("DIGIDAK_FUZZ_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(2000)
    }

    /// A runner with a seed printed (and `DIGIDAK_TEST_SEED` to replay it).
    fn runner(what: &str) -> TestRunner {
        let seed: u64 = std::env::var("DIGIDAK_TEST_SEED")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
            });
        println!("fuzz {what}: seed {seed} (DIGIDAK_TEST_SEED={seed} replays it)");
        let mut bytes = [0u8; 32];
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        TestRunner::new_with_rng(
            Config {
                cases: cases(),
                max_shrink_iters: 64,
                failure_persistence: None,
                ..Config::default()
            },
            TestRng::from_seed(RngAlgorithm::ChaCha, &bytes),
        )
    }

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            (-1e300f64..1e300).prop_map(Value::from),
            ".{0,40}".prop_map(Value::from),
            "[0-9 ]{0,14}".prop_map(Value::from),
        ];
        leaf.prop_recursive(3, 24, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
                prop::collection::btree_map("[a-z_]{1,12}", inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    const KINDS: &[&str] = &[
        "help.requested",
        "help.handled",
        "usage.visit",
        "lesson.resume_saved",
        "lesson.event",
        "activity.saved",
        "signup.created",
        "signup.cancelled",
        "signup.checked_in",
        "block.released",
        "post.created",
        "post.moderated",
        "post.reported",
        "post.renewed",
        "post.closed",
        "post.replied",
        "no.such.kind",
    ];

    /// An op that is nearly right: a known kind, a payload of random JSON (sometimes with
    /// the field names the kinds use), any index and schema.
    fn op() -> impl Strategy<Value = Value> {
        (
            any::<u64>(),
            prop::sample::select(KINDS),
            json_value(),
            prop::collection::btree_map(
                prop::sample::select(
                    &[
                        "id",
                        "activity_id",
                        "code",
                        "first_name",
                        "phone",
                        "party",
                        "from_block",
                        "title",
                        "text",
                        "kind",
                        "category",
                        "lang",
                        "start",
                        "end",
                        "capacity",
                        "day",
                        "name",
                        "event",
                        "topic",
                        "lesson",
                        "message",
                        "contact",
                        "decision",
                        "reason",
                        "lease",
                        "used",
                    ][..],
                ),
                json_value(),
                0..8,
            ),
            any::<bool>(),
            0u32..3,
        )
            .prop_map(|(index, kind, random, fields, structured, schema)| {
                let payload = if structured {
                    Value::Object(
                        fields
                            .into_iter()
                            .map(|(k, v)| (k.to_string(), v))
                            .collect(),
                    )
                } else {
                    random
                };
                json!({ "id": uuid::Uuid::now_v7().to_string(), "index": index % 1000,
                        "kind": kind, "payload": payload, "kiosk_time_ms": 0, "schema": schema })
            })
    }

    /// A push body: random bytes, random JSON, or a well-formed push of near-right ops.
    fn push_body() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            prop::collection::vec(any::<u8>(), 0..400),
            json_value().prop_map(|v| v.to_string().into_bytes()),
            (
                prop::collection::vec(op(), 0..5),
                0u64..1000,
                0u32..3,
                any::<i64>()
            )
                .prop_map(|(mut ops, first, protocol, time)| {
                    // Mostly consecutive indexes, as a kiosk sends them, so ops reach `apply`.
                    for (i, op) in ops.iter_mut().enumerate() {
                        op["index"] = json!(first + i as u64);
                    }
                    let mut body: Value = serde_json::from_str(&push_body_of(ops)).unwrap();
                    body["protocol"] = json!(protocol);
                    body["heartbeat"]["kiosk_time_ms"] = json!(time);
                    body.to_string().into_bytes()
                }),
        ]
    }

    fn push_body_of(ops: Vec<Value>) -> String {
        super::push_body(Value::from(ops))
    }

    /// A path segment: digits, letters, escapes, dots, anything percent-encoded.
    fn segment() -> impl Strategy<Value = String> {
        prop_oneof![
            "[0-9]{0,16}",
            "[0-9 -]{0,20}".prop_map(|s| s.replace(' ', "%20")),
            "[a-zA-Z0-9._~-]{0,30}",
            prop::collection::vec(any::<u8>(), 0..24)
                .prop_map(|b| { b.iter().map(|x| format!("%{x:02X}")).collect::<String>() }),
            Just("..".to_string()),
            Just("%2e%2e%2f".to_string()),
        ]
    }

    fn assert_sane(what: &str, resp: reqwest::blocking::Response) -> Result<(), TestCaseError> {
        let status = resp.status().as_u16();
        let api = what.contains("/api/");
        let json = resp
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"));
        prop_assert!(status < 500, "{what}: {status}");
        if api && status >= 400 {
            prop_assert!(json, "{what}: {status} without a JSON body");
        }
        Ok(())
    }

    #[test]
    fn push_and_pull_bodies_and_phone_addresses_never_get_a_5xx() {
        let api = api();
        let started = std::time::Instant::now();
        let mut ran = 0u32;

        runner("push bodies")
            .run(&push_body(), |body| {
                let resp = api.push(body).send().unwrap();
                assert_sane("POST /api/v1/push", resp)
            })
            .unwrap();
        ran += cases();

        let pair = prop_oneof![
            json_value(),
            (
                ".{0,70}",
                ".{0,70}",
                any::<u64>(),
                0u32..3,
                prop::option::of(json_value())
            )
                .prop_map(|(code, version, first, protocol, extra)| {
                    json!({ "protocol": protocol, "code": code, "app_version": version,
                            "first_index": first, "extra": extra })
                }),
        ];
        runner("pair bodies")
            .run(&pair, |body| {
                let resp = api
                    .http
                    .post(api.url("/api/v1/pair"))
                    .header("content-type", "application/json")
                    .body(body.to_string())
                    .send()
                    .unwrap();
                assert_sane("POST /api/v1/pair", resp)
            })
            .unwrap();
        ran += cases();

        let query = prop::collection::vec(
            (
                prop::sample::select(&["protocol", "after", "limit", "x", ""][..]),
                prop_oneof![
                    "[0-9]{0,22}",
                    "-[0-9]{1,5}",
                    ".{0,10}",
                    Just("1".to_string())
                ],
            ),
            0..4,
        );
        runner("pull queries")
            .run(
                &(
                    prop::sample::select(&["changes", "status", "resume/1234567890"][..]),
                    query,
                ),
                |(what, pairs)| {
                    let q: Vec<String> = pairs
                        .iter()
                        .map(|(k, v)| {
                            let v: String = form_urlencoded::byte_serialize(v.as_bytes()).collect();
                            format!("{k}={v}")
                        })
                        .collect();
                    let url = api.url(&format!("/api/v1/{what}?{}", q.join("&")));
                    let resp = api.http.get(&url).bearer_auth(&api.token).send().unwrap();
                    assert_sane(&format!("GET /api/v1/{what}"), resp)
                },
            )
            .unwrap();
        ran += cases();

        let page = (
            prop::sample::select(
                &[
                    "GET /signups/{}",
                    "POST /signups/{}/cancel",
                    "GET /posts/{}",
                    "POST /posts/{}/renew",
                    "POST /posts/{}/{}",
                    "GET /lessons/{}",
                    "GET /pictures/{}",
                    "GET /api/v1/resume/{}",
                    "GET /{}/{}",
                ][..],
            ),
            segment(),
            segment(),
            prop::option::of(".{0,20}"),
        );
        runner("phone-page addresses")
            .run(&page, |(pattern, a, b, query)| {
                let (method, path) = pattern.split_once(' ').unwrap();
                let path = path.replacen("{}", &a, 1).replacen("{}", &b, 1);
                let mut url = api.url(&path);
                if let Some(q) = query {
                    url.push('?');
                    url.extend(form_urlencoded::byte_serialize(q.as_bytes()));
                }
                let req = if method == "GET" {
                    api.http.get(&url)
                } else {
                    api.http.post(&url).body("confirm=1&helped=1")
                };
                let resp = req
                    .bearer_auth(&api.token)
                    .header("accept-language", "fr")
                    .send()
                    .unwrap();
                assert_sane(&format!("{method} {path}"), resp)
            })
            .unwrap();
        ran += cases();

        println!(
            "fuzz: {ran} cases in {:.1} s, no 5xx, every /api error JSON",
            started.elapsed().as_secs_f64()
        );
        api.still_healthy();
    }
}

#[test]
fn open_connections_are_capped_and_the_next_waits_its_turn() {
    use digidak_server::http::{AppState, EdgeLimits, serve_with_limits};
    let dir = tempfile::tempdir().unwrap();
    let store = std::sync::Arc::new(
        digidak_server::sqlite::SqliteServerStore::open(&dir.path().join("s.sqlite3")).unwrap(),
    );
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let limits = EdgeLimits {
        header_timeout: Duration::from_secs(2),
        max_connections: 2,
    };
    let served = rt.spawn(serve_with_limits(
        listener,
        AppState::new(store, None),
        limits,
        async {
            let _ = stopped.await;
        },
    ));
    // Two sockets that stall their headers take both places.
    let stalled: Vec<TcpStream> = (0..2)
        .map(|_| {
            let mut s = TcpStream::connect(addr).unwrap();
            s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
                .unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    // A third connection waits until the header timeout frees a place, then is answered.
    let t = std::time::Instant::now();
    let resp = Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
        .get(format!("http://{addr}/healthz"))
        .send()
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let waited = t.elapsed();
    println!("connection cap 2: the third connection was answered after {waited:?}");
    assert!(waited >= Duration::from_millis(1200), "{waited:?}");
    drop(stalled);
    // Shutting down returns (idle connections are closed, none is left waiting).
    stop.send(()).unwrap();
    rt.block_on(async {
        tokio::time::timeout(Duration::from_secs(5), served)
            .await
            .expect("the server stops")
            .unwrap()
            .unwrap()
    });
}

/// A NUL character, which PostgreSQL's text cannot hold and SQLite's can: in an op's payload it
/// is taken out like any control character (on every backend, so the same op gets the same
/// answer), an op id with one is refused; in a form, a phone link or a query it gets a 4xx or
/// the ordinary page, never a 5xx. (On PostgreSQL it once failed the whole push with a 503,
/// and the kiosk would have sent it again for ever.)
#[test]
fn nul_characters_anywhere_get_a_refusal_never_a_5xx() {
    let api = api();
    let nul = "x\u{0}y";
    let ops = json!([
        op(1, "help.handled", json!({"id": nul, "handled_at_ms": 0})),
        op(
            2,
            "help.requested",
            json!({"id": nul, "created_at_ms": 0, "first_name": "Amal"})
        ),
        op(3, "usage.visit", json!({"name": nul, "day": "2026-11-23"})),
        op(
            4,
            "usage.visit",
            json!({"name": "home", "day": "2026-11-23", nul: 1})
        ),
        op(
            5,
            "usage.visit",
            json!({"name": "home", "day": "2026-11-23"})
        ),
    ]);
    let resp = api.ok("NUL in ops", api.push(push_body(ops)));
    let statuses: Vec<&str> = resp["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        ["rejected", "rejected", "accepted", "rejected", "accepted"],
        "{resp}"
    );
    // The visit was counted under the name without its NUL.
    let names = support::server_rows(&api.server.db, "SELECT name FROM usage_counts");
    assert!(
        names.iter().any(|r| r[0].as_deref() == Some("xy")),
        "{names:?}"
    );
    // An op id with a NUL is refused too, and the next page goes on.
    let mut bad_id = op(
        6,
        "usage.visit",
        json!({"name": "home", "day": "2026-11-23"}),
    );
    bad_id["id"] = json!(format!("{}\u{0}", uuid::Uuid::now_v7()));
    let resp = api.ok("NUL in an op id", api.push(push_body(json!([bad_id]))));
    assert_eq!(resp["results"][0]["status"], "rejected", "{resp}");

    // Forms, phone links and queries.
    let no_5xx = |what: &str, resp: reqwest::blocking::Response| {
        let status = resp.status().as_u16();
        assert!(status < 500, "{what}: {status}");
    };
    let form = api.http.get(api.url("/admin/login")).send().unwrap();
    let cookie = form
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix("dd_login="))
        .and_then(|v| v.split(';').next())
        .unwrap()
        .to_string();
    let csrf = support::admin::csrf(&form.text().unwrap());
    no_5xx(
        "admin login",
        api.http
            .post(api.url("/admin/login"))
            .header("cookie", format!("dd_login={cookie}"))
            .form(&[("name", nul), ("password", nul), ("csrf", &csrf)])
            .send()
            .unwrap(),
    );
    for path in [
        "/signups/ab%00cd",
        "/posts/ab%00cd",
        "/api/v1/changes?protocol=1&after=0%00",
    ] {
        let req = api.http.get(api.url(path)).bearer_auth(&api.token);
        no_5xx(path, req.send().unwrap());
    }
    api.still_healthy();
}
