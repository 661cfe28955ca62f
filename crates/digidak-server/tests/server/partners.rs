//! Local partners ("Wie kan helpen", issue 21) over real HTTP on 127.0.0.1 with real kiosk
//! stores and sync workers: the admin web (CSRF, bad hours refused, remove asks first) and the
//! CLI add partners of a site; they reach that site's kiosks and not another site's; a removed
//! one is forgotten by the kiosks; the post's phone page and `/partners/{site}` show the
//! partners of its category with their hours, as text.

use std::time::Duration;

use crate::support;

use digidak_protocol::{OP_SCHEMA, Op, OpStatus, kinds};
use digidak_server::PartnerStore;
use serde_json::json;
use support::admin::{client, login, start};
use support::{SyncedKiosk, now_ms, page, paired_client, server_cli, wait_until};

const HOSTILE: &str = "<script>alert(1)</script>";

fn kiosk_names(k: &SyncedKiosk) -> Vec<String> {
    k.store
        .partners()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect()
}

#[test]
fn partners_from_the_admin_web_and_the_cli_reach_their_sites_kiosks_and_phone_pages() {
    let (dir, server) = start();
    let noord = SyncedKiosk::start(&dir.path().join("noord"));
    noord
        .pair(&server.url(), &server.add_kiosk("PC 1", "noord"))
        .unwrap();
    let zuid = SyncedKiosk::start(&dir.path().join("zuid"));
    zuid.pair(&server.url(), &server.add_kiosk("PC Z", "zuid"))
        .unwrap();

    let l = login(&server);
    let http = client();
    let cookie = format!("dd_session={}", l.cookie);
    let save = |fields: &[(&str, &str)]| {
        http.post(format!("{}/admin/partners/save", server.url()))
            .header("cookie", &cookie)
            .form(fields)
            .send()
            .unwrap()
    };
    let name = format!("De Ark {HOSTILE}");
    let fields = vec![
        ("site", "noord"),
        ("name", name.as_str()),
        ("description", "Hulp bij brieven en schulden."),
        ("picture", "letter"),
        ("cat-paperwork", "1"),
        ("cat-company", "1"),
        ("day-0", "9:00-12:00 13:00-17:00"),
        ("day-4", "9:00-12:00"),
        ("address", "Kerkstraat 1"),
        ("contact", "02 123 45 67"),
    ];
    // Without the form's token: refused, nothing saved.
    assert_eq!(save(&fields).status(), 403);
    assert!(server.store.partners("noord").unwrap().is_empty());
    // Hours that do not read: refused, saying which day.
    let mut bad = fields.clone();
    bad.push(("csrf", &l.csrf));
    bad.retain(|(k, _)| *k != "day-4");
    bad.push(("day-4", "9 tot 12"));
    let r = save(&bad);
    assert_eq!(r.status(), 400);
    assert!(r.text().unwrap().contains("vrijdag"));
    let mut good = fields.clone();
    good.push(("csrf", &l.csrf));
    assert_eq!(save(&good).status(), 303);
    let saved = server.store.partners("noord").unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].categories, vec!["paperwork", "company"]);
    assert_eq!(saved[0].hours.len(), 3);
    assert_eq!(saved[0].hours[0].from, "09:00");
    let ark = saved[0].id.clone();
    // The same partner cannot be moved to another site.
    let mut other = good.clone();
    other.retain(|(k, _)| *k != "site");
    other.push(("site", "zuid"));
    other.push(("id", &ark));
    assert_eq!(save(&other).status(), 400);

    // The CLI adds one too, and lists both.
    server_cli(
        &server.db,
        &[
            "partner",
            "add",
            "--site",
            "noord",
            "OCMW",
            "--categories",
            "paperwork,computer",
            "--hours",
            "mon-fri 9:00-12:00; sat 10:00-12:00",
            "--picture",
            "town-hall",
        ],
    );
    let listed = server_cli(&server.db, &["partner", "list", "--site", "noord"]);
    assert!(listed.contains("OCMW\tpaperwork,computer\tmon 09:00-12:00"));
    assert!(listed.contains("De Ark"));

    // Both reach the kiosk of noord, none the kiosk of zuid.
    wait_until(Duration::from_secs(20), "partners at noord's kiosk", || {
        noord.sync.nudge();
        kiosk_names(&noord).len() == 2
    });
    assert_eq!(kiosk_names(&noord), vec![name.clone(), "OCMW".to_string()]);
    zuid.wait_synced(Duration::from_secs(20));
    zuid.sync.nudge();
    std::thread::sleep(Duration::from_millis(500));
    assert!(kiosk_names(&zuid).is_empty());

    // A resident's ask about paperwork: its phone page says who can also help, as text.
    let (kiosk, token) = paired_client(&server, "PC 2", "noord");
    let phone = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    let created = json!({"id": uuid::Uuid::now_v7().to_string(), "code": "482937506112",
        "kind": "ask", "category": "paperwork", "title": "Een brief", "text": "",
        "languages": ["nl"], "token": phone});
    let r = kiosk
        .push(
            &token,
            &page(vec![Op {
                id: uuid::Uuid::now_v7().to_string(),
                index: 1,
                kind: kinds::POST_CREATED.into(),
                payload: created,
                kiosk_time_ms: now_ms(),
                schema: OP_SCHEMA,
            }]),
        )
        .unwrap();
    assert_eq!(r.results[0].status, OpStatus::Accepted);
    let html = http
        .get(format!("{}/posts/{phone}?lang=nl", server.url()))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(html.contains("Wie kan helpen?"), "{html}");
    assert!(html.contains("De Ark &lt;script&gt;"));
    assert!(!html.contains(HOSTILE));
    assert!(html.contains("OCMW"));
    assert!(html.contains("maandag 9:00–12:00, 13:00–17:00"));
    assert!(
        ["Nu open", "vanaf"].iter().any(|w| html.contains(w)),
        "open now or when"
    );
    // The site's page: every category with its partners; another site's has none.
    let site = http
        .get(format!("{}/partners/noord?lang=fr", server.url()))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(site.contains("Qui peut aider"));
    assert!(site.contains("/pictures/town-hall.svg"));
    assert_eq!(site.matches("OCMW").count(), 2, "paperwork and computer");
    let other = http
        .get(format!("{}/partners/zuid", server.url()))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(!other.contains("OCMW"));
    let r = http
        .get(format!("{}/partners/..%2Fetc", server.url()))
        .send()
        .unwrap();
    assert_eq!(r.status(), 404);

    // The admin page lists them; removing asks first, then the kiosks forget it.
    let admin = http
        .get(format!("{}/admin/partners?site=noord", server.url()))
        .header("cookie", &cookie)
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(admin.contains("De Ark &lt;script&gt;"));
    assert!(admin.contains("OCMW"));
    let remove = |extra: &[(&str, &str)]| {
        let mut f = vec![("csrf", l.csrf.as_str()), ("id", ark.as_str())];
        f.extend_from_slice(extra);
        http.post(format!("{}/admin/partners/remove", server.url()))
            .header("cookie", &cookie)
            .form(&f)
            .send()
            .unwrap()
    };
    let ask = remove(&[]);
    assert_eq!(ask.status(), 200);
    assert!(ask.text().unwrap().contains("confirmed"));
    assert_eq!(server.store.partners("noord").unwrap().len(), 2);
    assert_eq!(remove(&[("confirmed", "yes")]).status(), 303);
    assert_eq!(server.store.partners("noord").unwrap().len(), 1);
    wait_until(Duration::from_secs(20), "the kiosk forgets De Ark", || {
        noord.sync.nudge();
        kiosk_names(&noord) == vec!["OCMW".to_string()]
    });
    server_cli(&server.db, &["partner", "remove", "--site", "noord", "ocmw"]);
    assert!(server.store.partners("noord").unwrap().is_empty());
}
