//! The server's side of activities over real HTTP on 127.0.0.1: hostile or late sign-up
//! operations, the phone page a sign-up's QR code opens (status, cancel in two taps, the
//! waitlist moving up), and the admin's command line (series, CSV).

use crate::support;

use digidak_protocol::{ActivityRecord, OP_SCHEMA, Op, OpStatus, kinds};
use serde_json::json;
use support::{InProcessServer, now_ms, page, paired_client, server_cli};

fn activity(capacity: u32) -> ActivityRecord {
    ActivityRecord {
        id: uuid::Uuid::now_v7().to_string(),
        title: "Repair café".into(),
        description: String::new(),
        picture: "calendar".into(),
        place: "Buurthuis".into(),
        start: "2099-12-09T14:00".into(),
        end: "2099-12-09T16:00".into(),
        deadline: "2099-12-09T12:00".into(),
        capacity,
        max_party: 2,
        block: 0,
        languages: vec![],
        deleted: false,
    }
}

fn signup(index: u64, activity: &str, code: &str, name: &str, party: u32) -> Op {
    Op {
        id: uuid::Uuid::now_v7().to_string(),
        index,
        kind: kinds::SIGNUP_CREATED.into(),
        payload: json!({
            "id": uuid::Uuid::now_v7().to_string(), "activity_id": activity, "code": code,
            "first_name": name, "phone": "0470123456", "party": party, "from_block": false
        }),
        kiosk_time_ms: now_ms(),
        schema: OP_SCHEMA,
    }
}

/// A sign-up as this version's kiosks send it: with a phone token.
fn signup_with_token(
    index: u64,
    activity: &str,
    code: &str,
    name: &str,
    party: u32,
    token: &str,
) -> Op {
    let mut op = signup(index, activity, code, name, party);
    op.payload["token"] = json!(token);
    op
}

#[test]
fn bad_signups_are_refused_one_by_one_and_nothing_is_corrupted() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let (client, token) = paired_client(&server, "PC 1", "noord");
    let (other, other_token) = paired_client(&server, "PC 9", "zuid");
    let a = activity(2);
    server.store.save_activity("noord", &a, now_ms()).unwrap();
    let mut late = signup(6, &a.id, "12345678", "Late", 1);
    late.kiosk_time_ms = digidak_core::activities::local_to_unix_ms("2099-12-09T12:30").unwrap();
    let ops = vec![
        signup(1, &a.id, "12345678", "", 1),
        signup(2, &a.id, "12345678", &"x".repeat(10_000), 1),
        signup(3, &a.id, "12345678", "Samira", 3),
        signup(
            4,
            &uuid::Uuid::now_v7().to_string(),
            "12345678",
            "Samira",
            1,
        ),
        signup(5, &a.id, "1234", "Samira", 1),
        late,
        signup(7, &a.id, "12345678", "Samira", 2),
    ];
    let resp = client.push(&token, &page(ops)).unwrap();
    let rejected: Vec<bool> = resp
        .results
        .iter()
        .map(|r| matches!(r.status, OpStatus::Rejected { .. }))
        .collect();
    assert_eq!(rejected, [true, true, true, true, true, true, false]);
    // Another site's kiosk cannot sign up for it.
    let resp = other
        .push(
            &other_token,
            &page(vec![signup(1, &a.id, "87654321", "Zuid", 1)]),
        )
        .unwrap();
    assert!(matches!(resp.results[0].status, OpStatus::Rejected { .. }));
    let list = server.store.signups(&a.id).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].status, "confirmed");

    // A deleted activity: a sign-up made offline before the kiosk knew is kept, as cancelled.
    let mut gone = a.clone();
    gone.deleted = true;
    server
        .store
        .save_activity("noord", &gone, now_ms())
        .unwrap();
    let resp = client
        .push(&token, &page(vec![signup(8, &a.id, "11112222", "Lena", 1)]))
        .unwrap();
    assert_eq!(resp.results[0].status, OpStatus::Accepted);
    let list = server.store.signups(&a.id).unwrap();
    assert_eq!(list[1].status, "cancelled");
}

#[test]
fn the_phone_page_shows_the_status_and_cancels_in_two_taps() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let server = InProcessServer::start(&db);
    let (client, token) = paired_client(&server, "PC 1", "noord");
    let a = activity(1);
    server.store.save_activity("noord", &a, now_ms()).unwrap();
    let samira = digidak_core::codes::phone_token();
    let lena_token = digidak_core::codes::phone_token();
    let ops = vec![
        signup_with_token(
            1,
            &a.id,
            "11110000",
            "Samira <script>alert(1)</script>",
            1,
            &samira,
        ),
        signup_with_token(2, &a.id, "22220000", "Lena", 1, &lena_token),
    ];
    client.push(&token, &page(ops)).unwrap();
    let http = reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let get = |path: &str| http.get(format!("{}{path}", server.url())).send().unwrap();

    let r = get(&format!("/signups/{samira}?lang=nl"));
    assert_eq!(r.status(), 200);
    let html = r.text().unwrap();
    assert!(html.contains("Repair café"));
    assert!(html.contains("woensdag 9 december, 14:00 – 16:00"));
    assert!(html.contains("Je bent ingeschreven. Tot dan!"));
    assert!(
        html.contains("Samira &lt;script&gt;alert(1)&lt;/script&gt;"),
        "shown as text"
    );
    assert!(!html.contains("<script>"));
    assert!(
        !html.contains("0470"),
        "the phone number is never on a page"
    );
    assert!(
        html.contains("1111 0000"),
        "the short code, to type at a kiosk"
    );
    assert!(html.contains(&format!("href=\"/signups/{samira}?lang=nl&amp;confirm=1\"")));
    let lena = get(&format!("/signups/{lena_token}?lang=en"))
        .text()
        .unwrap();
    assert!(lena.contains("You are on the waiting list."));
    assert!(!lena.contains("Samira"), "one token, one resident");

    // The first tap asks; the second cancels; Lena moves up.
    let ask = get(&format!("/signups/{samira}?lang=nl&confirm=1"))
        .text()
        .unwrap();
    assert!(ask.contains("Wil je je echt uitschrijven?"));
    assert!(ask.contains(&format!(
        "method=\"post\" action=\"/signups/{samira}/cancel?lang=nl\""
    )));
    let r = http
        .post(format!("{}/signups/{samira}/cancel?lang=nl", server.url()))
        .send()
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(
        r.headers()["location"],
        format!("/signups/{samira}?lang=nl&cancelled=1").as_str()
    );
    let after = get(&format!("/signups/{samira}?lang=nl&cancelled=1"))
        .text()
        .unwrap();
    assert!(after.contains("Je bent uitgeschreven."));
    assert!(after.contains("Deze inschrijving is geannuleerd."));
    assert!(!after.contains("confirm=1"), "nothing left to cancel");
    let lena = get(&format!("/signups/{lena_token}?lang=en"))
        .text()
        .unwrap();
    assert!(
        lena.contains("You are signed up."),
        "promoted from the waitlist"
    );
    // Kiosks of the site hear of it through sync; the token never goes to kiosks.
    let pulled = client.pull(&token, 0, 500).unwrap();
    assert!(pulled.changes.iter().any(|c| c.kind == kinds::SIGNUP_STATUS
        && c.payload["code"] == "22220000"
        && c.payload["status"] == "confirmed"));
    let everything = serde_json::to_string(&pulled).unwrap();
    assert!(!everything.contains(&samira) && !everything.contains(&lena_token));
    // The server's file holds the tokens' hashes only (not in the op log either).
    for bytes in support::server_contents(&db) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(&samira) && !text.contains(&lena_token));
    }

    // Unknown, malformed or hostile addresses, short codes (even a live one) and a wrong token:
    // one and the same 404 page, byte for byte, nothing echoed.
    let wrong = digidak_core::codes::phone_token();
    let mut bodies = Vec::new();
    for path in [
        "/signups/99999999".to_string(),
        "/signups/11110000".into(),
        "/signups/abc".into(),
        "/signups/%3Cscript%3E".into(),
        format!("/signups/{wrong}"),
        format!("/signups/{}", samira.to_uppercase()),
        format!("/signups/{}", &samira[..31]),
        format!("/signups/{}", "9".repeat(5000)),
        "/signups/".into(),
        format!("/signups/{samira}/nothing/here"),
    ] {
        let r = get(&path);
        assert_eq!(r.status(), 404, "{path}");
        bodies.push(r.text().unwrap());
    }
    assert!(!bodies[0].contains("<script>"));
    assert!(bodies.iter().all(|b| *b == bodies[0]), "one 404 page");
    for path in [
        "/signups/abc/cancel".to_string(),
        format!("/signups/{wrong}/cancel"),
    ] {
        let r = http.post(format!("{}{path}", server.url())).send().unwrap();
        assert_eq!(r.status(), 404, "{path}");
        assert_eq!(r.text().unwrap(), bodies[0]);
    }
}

#[test]
fn the_admin_creates_a_monthly_series_and_exports_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let out = server_cli(
        &db,
        &[
            "activity",
            "add",
            "--site",
            "noord",
            "--title",
            "Koffie en computer",
            "--place",
            "De Brug",
            "--start",
            "2099-01-14T14:00",
            "--end",
            "16:00",
            "--capacity",
            "12",
            "--every",
            "2 wednesday",
            "--months",
            "3",
        ],
    );
    let starts: Vec<&str> = out.lines().map(|l| l.split('\t').nth(1).unwrap()).collect();
    assert_eq!(
        starts,
        ["2099-01-14T14:00", "2099-02-11T14:00", "2099-03-11T14:00"]
    );
    let list = server_cli(&db, &["activity", "list", "--site", "noord"]);
    assert_eq!(list.lines().count(), 4, "{list}");
    let id = out.lines().next().unwrap().split('\t').next().unwrap();
    // Changed and cancelled from the command line too.
    server_cli(
        &db,
        &[
            "activity",
            "edit",
            id,
            "--capacity",
            "8",
            "--languages",
            "nl,ar",
        ],
    );
    let last = out.lines().nth(2).unwrap().split('\t').next().unwrap();
    server_cli(&db, &["activity", "edit", last, "--cancel"]);
    let list = server_cli(&db, &["activity", "list", "--site", "noord"]);
    assert_eq!(
        list.lines().count(),
        3,
        "the cancelled one is not listed: {list}"
    );
    assert!(list.lines().nth(1).unwrap().contains("\t8\t"), "{list}");
    let ics = server_cli(&db, &["activity", "ics", "--site", "noord"]);
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
    assert!(ics.contains("DTSTART;TZID=Europe/Brussels:20990114T140000"));
    // A sign-up whose name looks like a spreadsheet formula is exported as text.
    let server = InProcessServer::start(&db);
    let (client, token) = paired_client(&server, "PC 1", "noord");
    client
        .push(
            &token,
            &page(vec![signup(1, id, "12345678", "=HYPERLINK(\"x\")", 1)]),
        )
        .unwrap();
    drop(server);
    let csv = server_cli(&db, &["activity", "signups", id]);
    assert_eq!(
        csv.lines().collect::<Vec<_>>(),
        [
            "arrival,code,first name,phone,people,status,checked in",
            "1,12345678,\"'=HYPERLINK(\"\"x\"\")\",0470123456,1,confirmed,",
        ]
    );
}

#[test]
fn one_code_one_resident_across_three_kiosks_on_two_sites() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    // Each pairing gets its own range of codes; the status answer repeats it.
    let mut kiosks = Vec::new();
    for (name, site) in [("PC A", "noord"), ("PC B", "noord"), ("PC C", "zuid")] {
        let code = server.add_kiosk(name, site);
        let client = digidak::sync::client::SyncClient::new(&server.url()).unwrap();
        let resp = client.pair(&code, 1).unwrap();
        let range = resp.code_range.expect("a range at pairing");
        assert_eq!(client.status(&resp.token).unwrap().code_range, Some(range));
        kiosks.push((client, resp.token, range));
    }
    let ranges: std::collections::BTreeSet<u32> = kiosks.iter().map(|k| k.2).collect();
    assert_eq!(ranges.len(), 3, "no two kiosks share a range");
    assert!(
        ranges
            .iter()
            .all(|r| (1..=digidak_core::codes::MAX_RANGE).contains(r))
    );
    // Codes a kiosk draws start with its range, so two kiosks never draw the same one.
    let (a_code, b_code) = (
        digidak_core::activities::new_code(kiosks[0].2),
        digidak_core::activities::new_code(kiosks[1].2),
    );
    assert_ne!(a_code[..3], b_code[..3]);

    let noord = activity(10);
    let zuid = activity(10);
    server
        .store
        .save_activity("noord", &noord, now_ms())
        .unwrap();
    server.store.save_activity("zuid", &zuid, now_ms()).unwrap();
    // Forced: the same code from all three kiosks (as kiosks one version older might draw),
    // and once more from the first kiosk.
    let taken = "12345678";
    let tokens: Vec<String> = (0..4).map(|_| digidak_core::codes::phone_token()).collect();
    let push = |k: usize, op: Op| {
        let (client, token, _) = &kiosks[k];
        client.push(token, &page(vec![op])).unwrap().results[0]
            .status
            .clone()
    };
    assert_eq!(
        push(
            0,
            signup_with_token(1, &noord.id, taken, "Samira", 1, &tokens[0])
        ),
        OpStatus::Accepted
    );
    for (k, activity, name, token) in [
        (1, &noord.id, "Jan", &tokens[1]),
        (2, &zuid.id, "Omar", &tokens[2]),
    ] {
        let status = push(k, signup_with_token(1, activity, taken, name, 1, token));
        assert!(
            matches!(&status, OpStatus::Rejected { reason } if reason.contains("taken")),
            "{name}: {status:?}"
        );
    }
    let again = push(
        0,
        signup_with_token(2, &noord.id, taken, "Fatima", 1, &tokens[3]),
    );
    assert!(matches!(again, OpStatus::Rejected { .. }));
    // A phone token is one sign-up's too.
    let reused = push(
        2,
        signup_with_token(2, &zuid.id, "00300001", "Omar", 1, &tokens[0]),
    );
    assert!(
        matches!(&reused, OpStatus::Rejected { reason } if reason.contains("token")),
        "{reused:?}"
    );
    // A refused op never blocks the queue: Jan's kiosk's next sign-up goes through.
    assert_eq!(
        push(
            1,
            signup_with_token(2, &noord.id, &b_code, "Jan", 1, &tokens[1])
        ),
        OpStatus::Accepted
    );

    // The server holds the code once; nobody's page shows another resident.
    let names: Vec<String> = server
        .store
        .signups(&noord.id)
        .unwrap()
        .into_iter()
        .chain(server.store.signups(&zuid.id).unwrap())
        .filter(|s| s.code == taken)
        .map(|s| s.first_name)
        .collect();
    assert_eq!(names, ["Samira"]);
    let http = reqwest::blocking::Client::new();
    let get = |path: String| http.get(format!("{}{path}", server.url())).send().unwrap();
    let samira = get(format!("/signups/{}?lang=en", tokens[0]))
        .text()
        .unwrap();
    assert!(samira.contains("Samira"));
    for other in ["Jan", "Omar", "Fatima"] {
        assert!(!samira.contains(other), "{other} on Samira's page");
    }
    let jan = get(format!("/signups/{}?lang=en", tokens[1]))
        .text()
        .unwrap();
    assert!(jan.contains("Jan") && !jan.contains("Samira"));
    let unknown = get(format!(
        "/signups/{}?lang=en",
        digidak_core::codes::phone_token()
    ))
    .text()
    .unwrap();
    for t in [&tokens[2], &tokens[3]] {
        let r = get(format!("/signups/{t}?lang=en"));
        assert_eq!(r.status(), 404);
        assert_eq!(r.text().unwrap(), unknown);
    }
    // The other site's kiosk hears of nothing with that code.
    let pulled = kiosks[2].0.pull(&kiosks[2].1, 0, 500).unwrap();
    assert!(!serde_json::to_string(&pulled).unwrap().contains(taken));
}

#[test]
fn an_old_kiosks_signup_without_a_token_is_still_taken() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let (client, token) = paired_client(&server, "PC 1", "noord");
    let a = activity(5);
    server.store.save_activity("noord", &a, now_ms()).unwrap();
    // As a kiosk one version older sends it: no token at all.
    let old = signup(1, &a.id, "48293750", "Samira", 1);
    assert!(old.payload.get("token").is_none());
    let bad = signup_with_token(2, &a.id, "48293751", "Lena", 1, "not-a-token");
    let resp = client.push(&token, &page(vec![old, bad])).unwrap();
    assert_eq!(resp.results[0].status, OpStatus::Accepted);
    assert!(
        matches!(&resp.results[1].status, OpStatus::Rejected { reason } if reason.contains("token"))
    );
    let list = server.store.signups(&a.id).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].status, "confirmed");
    // It has no phone link: its old QR address gets the one 404 page (the code still works at
    // the site's kiosks, which pull it).
    let http = reqwest::blocking::Client::new();
    let get = |path: &str| http.get(format!("{}{path}", server.url())).send().unwrap();
    let r = get("/signups/48293750?lang=nl");
    assert_eq!(r.status(), 404);
    assert_eq!(r.text().unwrap(), get("/signups/x?lang=nl").text().unwrap());
    let pulled = client.pull(&token, 0, 500).unwrap();
    assert!(
        pulled
            .changes
            .iter()
            .any(|c| c.kind == kinds::SIGNUP_STATUS && c.payload["code"] == "48293750")
    );
}

#[test]
fn a_cancel_from_another_site_is_refused_and_from_the_page_itself_works() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let (client, token) = paired_client(&server, "PC 1", "noord");
    let a = activity(5);
    server.store.save_activity("noord", &a, now_ms()).unwrap();
    let t = digidak_core::codes::phone_token();
    client
        .push(
            &token,
            &page(vec![signup_with_token(
                1, &a.id, "00112233", "Samira", 1, &t,
            )]),
        )
        .unwrap();
    let http = reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let cancel = format!("{}/signups/{t}/cancel?lang=en", server.url());
    let status = || server.store.signups(&a.id).unwrap()[0].status.clone();
    for headers in [
        vec![("origin", "https://evil.example")],
        vec![("origin", "null")],
        vec![("sec-fetch-site", "cross-site")],
        vec![
            ("sec-fetch-site", "same-site"),
            ("origin", "http://x.example"),
        ],
    ] {
        let mut req = http.post(&cancel);
        for (k, v) in &headers {
            req = req.header(*k, *v);
        }
        let r = req.send().unwrap();
        assert_eq!(r.status(), 403, "{headers:?}");
        let html = r.text().unwrap();
        assert!(
            html.contains("This button only works on your own page"),
            "{html}"
        );
        assert_eq!(status(), "confirmed", "{headers:?}");
    }
    // From the page itself (as a browser sends it): cancelled.
    let r = http
        .post(&cancel)
        .header("origin", server.url())
        .header("sec-fetch-site", "same-origin")
        .send()
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(status(), "cancelled");
}

#[test]
fn reordering_and_invisible_characters_are_stripped_and_the_calendar_is_valid_ics() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    // A kiosk name with a right-to-left override, from the command line.
    server_cli(
        &db,
        &["kiosk", "add", "\u{202E}PC 1\u{200B}", "--site", "noord"],
    );
    let server = InProcessServer::start(&db);
    assert_eq!(server.store.list_kiosks().unwrap()[0].name, "PC 1");
    // An activity from a kiosk: "exe.gnp" would show as "png.exe" with U+202E kept.
    let (client, token) = paired_client(&server, "PC 2", "noord");
    let mut a = activity(10);
    a.title = "\u{202E}exe.gnp \u{2066}Koffie\u{2069}\u{FEFF}".into();
    a.place = "De\u{2067} Brug\u{0007}".into();
    // Long enough to be folded, with letters of several bytes on the fold.
    a.description = format!(
        "{}\n\u{202B}Tweede regel; met, tekens\\ die ontsnappen",
        "Één café, ŝoŭ 日本語 ❤ ".repeat(8)
    );
    let op = Op {
        id: uuid::Uuid::now_v7().to_string(),
        index: 1,
        kind: kinds::ACTIVITY_SAVED.into(),
        payload: serde_json::to_value(&a).unwrap(),
        kiosk_time_ms: now_ms(),
        schema: OP_SCHEMA,
    };
    let resp = client.push(&token, &page(vec![op])).unwrap();
    assert_eq!(resp.results[0].status, OpStatus::Accepted, "{resp:?}");
    let kept = &server.store.activities("noord").unwrap()[0].activity;
    assert_eq!(kept.title, "exe.gnp Koffie");
    assert_eq!(kept.place, "De Brug");
    assert!(!kept.description.contains('\u{202B}'));
    drop(server);

    // The calendar: CRLF everywhere, no line over 75 octets, a VTIMEZONE for the TZID it
    // names, and a real iCalendar parser reads back what was written.
    let ics = server_cli(&db, &["activity", "ics", "--site", "noord"]);
    assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
    assert!(ics.ends_with("\r\n"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert!(ics.contains("\r\n "), "long lines are folded");
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let cal = parser.next().expect("one calendar").expect("it parses");
    assert!(parser.next().is_none());
    let prop = |props: &[ical::property::Property], name: &str| {
        props
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    assert_eq!(cal.timezones.len(), 1);
    assert_eq!(
        prop(&cal.timezones[0].properties, "TZID"),
        "Europe/Brussels"
    );
    let offsets: Vec<String> = cal.timezones[0]
        .transitions
        .iter()
        .map(|t| prop(&t.properties, "TZOFFSETTO"))
        .collect();
    assert_eq!(offsets, ["+0200", "+0100"]);
    assert_eq!(cal.events.len(), 1);
    let e = &cal.events[0].properties;
    assert_eq!(prop(e, "SUMMARY"), "exe.gnp Koffie");
    assert_eq!(prop(e, "LOCATION"), "De Brug");
    assert!(prop(e, "DESCRIPTION").starts_with("Één café"));
    // Unfolded as RFC 5545 says (the parser above trims spaces at line ends), the text comes
    // back whole, escaped, never cut inside a character.
    let unfolded = ics.replace("\r\n ", "");
    let description = unfolded
        .split("\r\n")
        .find_map(|l| l.strip_prefix("DESCRIPTION:"))
        .unwrap();
    assert_eq!(
        description,
        format!(
            "{}\\nTweede regel\\; met\\, tekens\\\\ die ontsnappen",
            "Één café\\, ŝoŭ 日本語 ❤ ".repeat(8)
        )
    );
    let start = e.iter().find(|p| p.name == "DTSTART").unwrap();
    assert_eq!(start.value.as_deref(), Some("20991209T140000"));
    assert_eq!(
        start.params.as_ref().unwrap()[0],
        ("TZID".to_string(), vec!["Europe/Brussels".to_string()])
    );
}

#[test]
fn phone_pages_with_personal_data_are_never_cached_and_vary_by_language() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let (client, token) = paired_client(&server, "PC 1", "noord");
    let a = activity(5);
    server.store.save_activity("noord", &a, now_ms()).unwrap();
    let t = digidak_core::codes::phone_token();
    client
        .push(
            &token,
            &page(vec![signup_with_token(
                1, &a.id, "00112233", "Samira", 1, &t,
            )]),
        )
        .unwrap();
    let http = reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for (path, status) in [
        (format!("/signups/{t}"), 200),
        ("/signups/99999999".to_string(), 404),
        ("/posts/123456789012".to_string(), 404),
    ] {
        let r = http
            .get(format!("{}{path}", server.url()))
            .header("accept-language", "fr-BE,fr;q=0.9")
            .send()
            .unwrap();
        assert_eq!(r.status(), status, "{path}");
        assert_eq!(r.headers()["cache-control"], "no-store", "{path}");
        assert_eq!(r.headers()["vary"], "accept-language", "{path}");
    }
    let r = http
        .post(format!("{}/signups/{t}/cancel", server.url()))
        .send()
        .unwrap();
    assert_eq!(r.headers()["cache-control"], "no-store");
    // Lessons vary by language but hold nothing personal; pictures are the same for all.
    let r = http
        .get(format!("{}/lessons", server.url()))
        .send()
        .unwrap();
    assert_eq!(r.headers()["vary"], "accept-language");
    assert!(r.headers().get("cache-control").is_none());
}
