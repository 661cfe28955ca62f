//! The server's side of activities over real HTTP on 127.0.0.1: hostile or late sign-up
//! operations, the phone page a sign-up's QR code opens (status, cancel in two taps, the
//! waitlist moving up), and the admin's command line (series, CSV).

mod support;

use digidak::server::ServerStore;
use digidak::sync::protocol::{ActivityRecord, OP_SCHEMA, Op, OpStatus, kinds};
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

#[test]
fn bad_signups_are_refused_one_by_one_and_nothing_is_corrupted() {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let (client, token) = paired_client(&server, "PC 1", "noord");
    let (other, other_token) = paired_client(&server, "PC 9", "zuid");
    let a = activity(2);
    server.store.save_activity("noord", &a, now_ms()).unwrap();
    let mut late = signup(6, &a.id, "12345678", "Late", 1);
    late.kiosk_time_ms = digidak::activities::local_to_unix_ms("2099-12-09T12:30").unwrap();
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
    let ops = vec![
        signup(1, &a.id, "11110000", "Samira <script>alert(1)</script>", 1),
        signup(2, &a.id, "22220000", "Lena", 1),
    ];
    client.push(&token, &page(ops)).unwrap();
    let http = reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let get = |path: &str| http.get(format!("{}{path}", server.url())).send().unwrap();

    let r = get("/signups/1111%200000?lang=nl");
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
    assert!(html.contains("href=\"/signups/11110000?lang=nl&amp;confirm=1\""));
    let lena = get("/signups/22220000?lang=en").text().unwrap();
    assert!(lena.contains("You are on the waiting list."));

    // The first tap asks; the second cancels; Lena moves up.
    let ask = get("/signups/11110000?lang=nl&confirm=1").text().unwrap();
    assert!(ask.contains("Wil je je echt uitschrijven?"));
    assert!(ask.contains("method=\"post\" action=\"/signups/11110000/cancel?lang=nl\""));
    let r = http
        .post(format!("{}/signups/11110000/cancel?lang=nl", server.url()))
        .send()
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(
        r.headers()["location"],
        "/signups/11110000?lang=nl&cancelled=1"
    );
    let after = get("/signups/11110000?lang=nl&cancelled=1").text().unwrap();
    assert!(after.contains("Je bent uitgeschreven."));
    assert!(after.contains("Deze inschrijving is geannuleerd."));
    assert!(!after.contains("confirm=1"), "nothing left to cancel");
    let lena = get("/signups/22220000?lang=en").text().unwrap();
    assert!(
        lena.contains("You are signed up."),
        "promoted from the waitlist"
    );
    // Kiosks of the site hear of it through sync.
    let pulled = client.pull(&token, 0, 500).unwrap();
    assert!(pulled.changes.iter().any(|c| c.kind == kinds::SIGNUP_STATUS
        && c.payload["code"] == "22220000"
        && c.payload["status"] == "confirmed"));

    // Unknown, malformed or hostile codes: a friendly 404, nothing echoed.
    for path in ["/signups/99999999", "/signups/abc", "/signups/%3Cscript%3E"] {
        let r = get(path);
        assert_eq!(r.status(), 404, "{path}");
        assert!(!r.text().unwrap().contains("<script>"));
    }
    let r = http
        .post(format!("{}/signups/abc/cancel", server.url()))
        .send()
        .unwrap();
    assert_eq!(r.status(), 404);
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
    client
        .push(
            &token,
            &page(vec![signup(1, &a.id, "11110000", "Samira", 1)]),
        )
        .unwrap();
    let http = reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for (path, status) in [
        ("/signups/11110000", 200),
        ("/signups/99999999", 404),
        ("/posts/123456789012", 404),
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
        .post(format!("{}/signups/11110000/cancel", server.url()))
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
