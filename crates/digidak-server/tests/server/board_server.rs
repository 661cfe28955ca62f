//! The board on the server, over real HTTP on 127.0.0.1: hostile posts and replies are
//! cleaned or refused one by one; the `/posts/<token>` phone page shows markup as text and tells
//! nothing for unknown or guessed tokens and codes; a post code is one post's, server-wide; the admin web moderates with the volunteer-mode rules
//! and prints the paper board; the CLI prints it too.

use crate::support;

use digidak_protocol::{OP_SCHEMA, Op, OpStatus, kinds};
use serde_json::json;
use support::admin::{client, login, start};
use support::{InProcessServer, approve, now_ms, page, paired_client, server_cli};

fn op(index: u64, kind: &str, payload: serde_json::Value) -> Op {
    Op {
        id: uuid::Uuid::now_v7().to_string(),
        index,
        kind: kind.into(),
        payload,
        kiosk_time_ms: now_ms(),
        schema: OP_SCHEMA,
    }
}

fn post(id: &str, code: &str, title: &str, text: &str) -> serde_json::Value {
    json!({"id": id, "code": code, "kind": "ask", "category": "paperwork",
           "title": title, "text": text, "languages": ["nl"]})
}

fn id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// The phone token of [`hostile_post`] (each test has its own server).
const TOKEN: &str = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

const HOSTILE: &str = "<script>alert(1)</script><img src=x onerror=alert(2)>";

/// Posts one good post with hostile text from a kiosk of `noord`; returns (id, code).
fn hostile_post(server: &InProcessServer) -> (String, String) {
    let (client, token) = paired_client(server, "PC 1", "noord");
    let (pid, code) = (id(), "482937506112".to_string());
    let text = format!(
        "{HOSTILE}\u{202E}\u{0}\u{7}\nمرحبا\u{200F} {}",
        "é".repeat(10_000)
    );
    let mut created = post(
        &pid,
        &code,
        &format!("{HOSTILE}{}", "x".repeat(10_000)),
        &text,
    );
    created["token"] = json!(TOKEN);
    let resp = client
        .push(&token, &page(vec![op(1, kinds::POST_CREATED, created)]))
        .unwrap();
    assert_eq!(resp.results[0].status, OpStatus::Accepted);
    (pid, code)
}

#[test]
fn hostile_posts_and_replies_are_cleaned_or_refused_one_by_one() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let (pid, code) = hostile_post(&server);
    // Stored cleaned: cut to the field limits, no control or reordering characters, markup
    // kept as the text it is (it is escaped where it is shown).
    let (_, p, _) = server.store.post_by_code(&code).unwrap().unwrap();
    assert_eq!(p.post.title.chars().count(), digidak_core::board::TITLE_MAX);
    assert!(p.post.title.starts_with("<script>"));
    assert_eq!(p.post.text.chars().count(), digidak_core::board::TEXT_MAX);
    assert!(
        !p.post
            .text
            .contains(['\u{202E}', '\u{0}', '\u{7}', '\u{200F}'])
    );
    assert!(p.post.text.contains("مرحبا"));

    let (client, token) = paired_client(&server, "PC 2", "noord");
    let (other, other_token) = paired_client(&server, "PC 9", "zuid");
    let bad_code = |c: &str| post(&id(), c, "Hulp", "");
    let ops = vec![
        op(1, kinds::POST_CREATED, bad_code("123")),
        op(2, kinds::POST_CREATED, bad_code("48293750611a")),
        op(3, kinds::POST_CREATED, bad_code(&code)),
        op(
            4,
            kinds::POST_CREATED,
            post("not-a-uuid", "111111111111", "Hulp", ""),
        ),
        op(
            5,
            kinds::POST_CREATED,
            post(&id(), "222222222222", " \u{200B}\n", ""),
        ),
        op(
            6,
            kinds::POST_CREATED,
            json!({"id": id(), "code": "333333333333", "kind": "sell",
                                          "category": "paperwork", "title": "x"}),
        ),
        op(
            7,
            kinds::POST_CREATED,
            json!({"id": id(), "code": "444444444444", "kind": "ask",
                                          "category": "weapons", "title": "x"}),
        ),
        op(
            8,
            kinds::POST_CREATED,
            json!({"id": id(), "code": "555555555555", "kind": "ask",
                                          "category": "paperwork", "title": "x",
                                          "languages": ["<b>"]}),
        ),
        op(
            9,
            kinds::POST_REPLIED,
            json!({"id": id(), "post_id": id(), "message": "hi",
                                          "created_ms": 0}),
        ),
        op(
            10,
            kinds::POST_REPLIED,
            json!({"id": id(), "post_id": pid, "message": "\u{0} ",
                                           "created_ms": 0}),
        ),
        op(
            11,
            kinds::POST_RENEWED,
            json!({"id": pid, "code": "000000000000"}),
        ),
        op(
            12,
            kinds::POST_CLOSED,
            json!({"id": pid, "code": "000000000000", "helped": true}),
        ),
        op(
            13,
            kinds::POST_MODERATED,
            json!({"id": pid, "decision": "delete"}),
        ),
        op(
            14,
            kinds::POST_MODERATED,
            json!({"id": pid, "decision": "reject"}),
        ),
        op(
            15,
            kinds::POST_REPLIED,
            json!({"id": id(), "post_id": pid,
                                           "message": format!("{HOSTILE}{}", "y".repeat(10_000)),
                                           "contact": "0470 11 22 33", "created_ms": 0}),
        ),
    ];
    let resp = client.push(&token, &page(ops)).unwrap();
    assert_eq!(resp.results.len(), 15);
    for (i, r) in resp.results.iter().enumerate().take(14) {
        assert!(
            matches!(r.status, OpStatus::Rejected { .. }),
            "op {}: {:?}",
            i + 1,
            r.status
        );
    }
    assert_eq!(
        resp.results[14].status,
        OpStatus::Accepted,
        "the good reply"
    );
    // Nothing else changed: one post, still waiting, one reply (cut to its limit).
    let (_, p, replies) = server.store.post_by_code(&code).unwrap().unwrap();
    assert_eq!(p.status, "waiting");
    assert_eq!(replies.len(), 1);
    assert_eq!(
        replies[0].message.chars().count(),
        digidak_core::board::MESSAGE_MAX
    );
    assert_eq!(server.store.posts("noord", &["waiting"]).unwrap().len(), 1);
    // Another site's kiosk cannot decide on, report or answer this site's post.
    let resp = other
        .push(
            &other_token,
            &page(vec![
                op(
                    1,
                    kinds::POST_MODERATED,
                    json!({"id": pid, "decision": "approve"}),
                ),
                op(2, kinds::POST_REPORTED, json!({"id": pid})),
                op(
                    3,
                    kinds::POST_REPLIED,
                    json!({"id": id(), "post_id": pid, "message": "x",
                                                  "created_ms": 0}),
                ),
            ]),
        )
        .unwrap();
    assert!(
        resp.results
            .iter()
            .all(|r| matches!(r.status, OpStatus::Rejected { .. }))
    );
    assert_eq!(
        server.store.post_by_code(&code).unwrap().unwrap().1.status,
        "waiting"
    );
}

#[test]
fn the_phone_page_shows_text_as_text_and_unknown_codes_reveal_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let (pid, code) = hostile_post(&server);
    let http = client();
    let get = |path: &str| http.get(format!("{}{path}", server.url())).send().unwrap();

    let r = get(&format!("/posts/{TOKEN}?lang=en"));
    assert_eq!(r.status(), 200);
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("default-src 'none'"), "{csp}");
    let html = r.text().unwrap();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script") && !html.contains("<img"));
    assert!(html.contains("dir=\"auto\""));
    assert!(html.contains("Waiting for a volunteer."));
    assert!(html.contains("4829 3750 6112"));
    assert!(!html.contains("\u{202E}"));

    // Unknown, guessed, malformed and hostile tokens, and short codes (even the live one):
    // one and the same 404 page.
    let unknown = get("/posts/000000000001?lang=en");
    assert_eq!(unknown.status(), 404);
    let unknown = unknown.text().unwrap();
    for path in [
        format!("/posts/{code}?lang=en"),
        format!("/posts/{}?lang=en", digidak_core::codes::phone_token()),
        format!("/posts/{}?lang=en", TOKEN.to_uppercase()),
        "/posts/123456789012?lang=en".to_string(),
        "/posts/48293750611?lang=en".into(),
        "/posts/%3Cscript%3E?lang=en".into(),
        format!("/posts/{}?lang=en", "9".repeat(5000)),
        "/posts/?lang=en".into(),
        format!("/posts/{TOKEN}/a/b?lang=en"),
    ] {
        let r = get(&path);
        assert_eq!(r.status(), 404, "{path}");
        assert_eq!(r.text().unwrap(), unknown, "{path}");
    }
    // A path that climbs out of /posts never reaches it (the client resolves the dots).
    assert_eq!(get("/posts/../../etc/passwd").status(), 404);
    for path in [
        "/posts/000000000001/renew".to_string(),
        format!("/posts/{code}/renew"),
        format!("/posts/{}/remove", digidak_core::codes::phone_token()),
    ] {
        let r = http
            .post(format!("{}{path}?lang=en", server.url()))
            .send()
            .unwrap();
        assert_eq!(r.status(), 404, "{path}");
        assert_eq!(r.text().unwrap(), unknown, "{path}");
    }

    // Approved, then a reply with a way to reach the replier: the code holder sees both.
    server
        .store
        .moderate_post(&approve(&pid), now_ms())
        .unwrap();
    let (client2, token) = paired_client(&server, "PC 2", "noord");
    client2
        .push(
            &token,
            &page(vec![op(
                1,
                kinds::POST_REPLIED,
                json!({"id": id(), "post_id": pid,
                "message": "Ik help <b>graag</b>", "contact": "0470 11 22 33", "created_ms": 0}),
            )]),
        )
        .unwrap();
    let html = get(&format!("/posts/{TOKEN}?lang=nl")).text().unwrap();
    assert!(html.contains("Ik help &lt;b&gt;graag&lt;/b&gt;"));
    assert!(html.contains("0470 11 22 33"));
    assert!(html.contains("Staat op het prikbord tot"));
    // "This helped": a POST form, then the page again, ended.
    let r = http
        .post(format!("{}/posts/{TOKEN}/helped?lang=nl", server.url()))
        .send()
        .unwrap();
    assert_eq!(r.status(), 303);
    let html = get(r.headers()["location"].to_str().unwrap())
        .text()
        .unwrap();
    assert!(html.contains("Afgesloten."));
    assert_eq!(
        server.store.post_by_code(&code).unwrap().unwrap().1.status,
        "closed"
    );
    // Ended: the reply is still there for a month, and the page says until when.
    assert!(html.contains("0470 11 22 33"));
    assert!(html.contains("Deze antwoorden worden gewist op"));
    let said = server_cli(&server.db, &["board", "forget", "--days", "30"]);
    assert!(said.contains("0 replies"), "{said}");
    assert_eq!(
        server
            .store
            .forget_old_replies(30, now_ms() + 31 * digidak_core::board::DAY_MS)
            .unwrap(),
        1
    );
    let html = get(&format!("/posts/{TOKEN}?lang=nl")).text().unwrap();
    assert!(html.contains("De antwoorden zijn gewist"));
    assert!(!html.contains("0470") && !html.contains("graag"));
}

#[test]
fn the_paper_board_of_this_week_leaves_out_posts_approved_before() {
    let (dir, server) = start();
    let (kiosk, token) = paired_client(&server, "PC 1", "noord");
    let (old, new) = (id(), id());
    let resp = kiosk
        .push(
            &token,
            &page(vec![
                op(
                    1,
                    kinds::POST_CREATED,
                    post(&old, "111122223333", "Oude fiets te leen", ""),
                ),
                op(
                    2,
                    kinds::POST_CREATED,
                    post(&new, "444455556666", "Hulp met een brief", ""),
                ),
            ]),
        )
        .unwrap();
    assert!(resp.results.iter().all(|r| r.status == OpStatus::Accepted));
    let ten_days_ago = now_ms() - 10 * digidak_core::board::DAY_MS;
    server
        .store
        .moderate_post(&approve(&old), ten_days_ago)
        .unwrap();
    let text_of = |extra: &[&str]| {
        let out = dir.path().join(format!("board{}.pdf", extra.len()));
        let mut args = vec![
            "board",
            "pdf",
            "--site",
            "noord",
            "--to",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        server_cli(&server.db, &args);
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        std::process::Command::new("pdftotext")
            .arg(&out)
            .arg("-")
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
    };
    // Only the old post is up: nothing new this week, and the sheet says so.
    if let Some(week) = text_of(&["--new"]) {
        assert!(
            week.contains("Deze week kwam er niets nieuws bij"),
            "{week}"
        );
        assert!(!week.contains("Oude fiets"), "{week}");
    }
    server
        .store
        .moderate_post(&approve(&new), now_ms())
        .unwrap();
    if let (Some(all), Some(week)) = (text_of(&[]), text_of(&["--new"])) {
        assert!(all.contains("Oude fiets te leen") && all.contains("Hulp met een brief"));
        assert!(week.contains("Hulp met een brief"), "{week}");
        assert!(!week.contains("Oude fiets"), "{week}");
        assert!(week.contains("nieuw deze week"), "{week}");
    }
    // The admin web offers both.
    let l = login(&server);
    let html = client_get(&server, &l, "/admin/board?site=noord");
    assert!(html.contains("board.pdf?site=noord&amp;lang=nl&amp;new=1"));
    let r = client()
        .get(format!("{}/admin/board.pdf?site=noord&new=1", server.url()))
        .header("cookie", format!("dd_session={}", l.cookie))
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/pdf");
}

fn client_get(server: &InProcessServer, l: &support::admin::Login, path: &str) -> String {
    client()
        .get(format!("{}{path}", server.url()))
        .header("cookie", format!("dd_session={}", l.cookie))
        .send()
        .unwrap()
        .text()
        .unwrap()
}

#[test]
fn the_admin_web_moderates_and_prints_the_board_and_so_does_the_cli() {
    let (dir, server) = start();
    let (pid, code) = hostile_post(&server);
    let l = login(&server);
    let http = client();
    let cookie = format!("dd_session={}", l.cookie);
    let html = client_get(&server, &l, "/admin/board?site=noord");
    assert!(
        html.contains("&lt;script&gt;alert(1)"),
        "the queue shows the post as text"
    );
    assert!(!html.contains("<script>"));
    // Without its token the form is refused; with it, the post is corrected and approved.
    let decide = |fields: &[(&str, &str)]| {
        http.post(format!("{}/admin/board/decide", server.url()))
            .header("cookie", &cookie)
            .form(fields)
            .send()
            .unwrap()
    };
    let r = decide(&[("id", &pid), ("decision", "approve"), ("site", "noord")]);
    assert_eq!(r.status(), 403);
    assert_eq!(
        server.store.post_by_code(&code).unwrap().unwrap().1.status,
        "waiting"
    );
    let r = decide(&[
        ("csrf", &l.csrf),
        ("id", &pid),
        ("decision", "approve"),
        ("site", "noord"),
        ("title", "Hulp met een brief"),
        ("text", "Wie leest mee?"),
    ]);
    assert_eq!(r.status(), 303);
    let (_, p, _) = server.store.post_by_code(&code).unwrap().unwrap();
    assert_eq!(
        (p.status.as_str(), p.post.title.as_str()),
        ("public", "Hulp met een brief")
    );
    // A reject needs a reason.
    let r = decide(&[
        ("csrf", &l.csrf),
        ("id", &pid),
        ("decision", "reject"),
        ("site", "noord"),
    ]);
    assert_eq!(r.status(), 400);
    // The expiry period, then the paper board.
    let r = http
        .post(format!("{}/admin/board/expiry", server.url()))
        .header("cookie", &cookie)
        .form(&[("csrf", l.csrf.as_str()), ("site", "noord"), ("days", "14")])
        .send()
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(server.store.post_days("noord").unwrap(), 14);
    let r = http
        .get(format!(
            "{}/admin/board.pdf?site=noord&lang=fr",
            server.url()
        ))
        .header("cookie", &cookie)
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let pdf = r.bytes().unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let number = digidak_core::board::public_number(&pid);
    let out = dir.path().join("board.pdf");
    let said = server_cli(
        &server.db,
        &[
            "board",
            "pdf",
            "--site",
            "noord",
            "--to",
            out.to_str().unwrap(),
        ],
    );
    assert!(said.contains("board.pdf"), "{said}");
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-") && bytes.len() > 10_000);
    // The strips carry the public number, never the code (text is in glyph ids: check the
    // text a PDF reader would extract when pdftotext is here).
    if let Ok(o) = std::process::Command::new("pdftotext")
        .arg(&out)
        .arg("-")
        .output()
    {
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(text.contains(&number), "{text}");
        assert!(
            !text.contains("482937506112") && !text.contains("4829 3750"),
            "{text}"
        );
        assert!(text.contains("Hulp met een brief"));
    }
    let listed = server_cli(&server.db, &["board", "list", "--site", "noord"]);
    assert!(
        listed.contains("public") && listed.contains("Hulp met een brief"),
        "{listed}"
    );
}

#[test]
fn a_post_code_is_one_posts_across_three_kiosks_on_two_sites() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let kiosks = [
        paired_client(&server, "PC A", "noord"),
        paired_client(&server, "PC B", "noord"),
        paired_client(&server, "PC C", "zuid"),
    ];
    let code = "007000000042";
    let tokens: Vec<String> = (0..3).map(|_| digidak_core::codes::phone_token()).collect();
    let mut results = Vec::new();
    for (k, ((client, token), title)) in kiosks.iter().zip(["Samira", "Jan", "Omar"]).enumerate() {
        let mut p = post(&id(), code, &format!("Vraag van {title}"), "");
        p["token"] = json!(tokens[k]);
        let resp = client
            .push(token, &page(vec![op(1, kinds::POST_CREATED, p)]))
            .unwrap();
        results.push(resp.results[0].status.clone());
    }
    assert_eq!(results[0], OpStatus::Accepted);
    for r in &results[1..] {
        assert!(
            matches!(r, OpStatus::Rejected { reason } if reason.contains("taken")),
            "{r:?}"
        );
    }
    // A token of the wrong shape, or one another post has: refused.
    let (client0, token0) = &kiosks[0];
    for (i, (t, code)) in [
        ("ABC", "007000000043"),
        (tokens[0].as_str(), "007000000044"),
    ]
    .into_iter()
    .enumerate()
    {
        let mut p = post(&id(), code, "Nog een vraag", "");
        p["token"] = json!(t);
        let resp = client0
            .push(
                token0,
                &page(vec![op(2 + i as u64, kinds::POST_CREATED, p)]),
            )
            .unwrap();
        assert!(
            matches!(&resp.results[0].status, OpStatus::Rejected { reason } if reason.contains("token")),
            "{:?}",
            resp.results[0].status
        );
    }
    let http = client();
    let get = |t: &str| {
        http.get(format!("{}/posts/{t}?lang=nl", server.url()))
            .send()
            .unwrap()
    };
    let samira = get(&tokens[0]).text().unwrap();
    assert!(samira.contains("Vraag van Samira"));
    assert!(!samira.contains("Jan") && !samira.contains("Omar"));
    let unknown = get(&digidak_core::codes::phone_token()).text().unwrap();
    for t in &tokens[1..] {
        let r = get(t);
        assert_eq!(r.status(), 404);
        assert_eq!(r.text().unwrap(), unknown);
    }
    // The token never reaches a kiosk: the site's post.state carries none.
    let (client, token) = &kiosks[1];
    let pulled = serde_json::to_string(&client.pull(token, 0, 500).unwrap()).unwrap();
    assert!(pulled.contains("Vraag van Samira"));
    assert!(tokens.iter().all(|t| !pulled.contains(t.as_str())));
}
