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
