//! Local partners ("Wie kan helpen", issue 21) over real HTTP on 127.0.0.1 with real kiosk
//! stores and sync workers: the admin web (CSRF, bad hours refused, remove asks first) and the
//! CLI add partners of a site; they reach that site's kiosks and not another site's; a removed
//! one is forgotten by the kiosks; the post's phone page and `/partners/{site}` show the
//! partners of its category with their hours, as text.

use std::time::Duration;

use crate::support;

use digidak_protocol::{OP_SCHEMA, Op, OpStatus, kinds};
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
    let mut noord = SyncedKiosk::start(&dir.path().join("noord"));
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

    // A care signal from the kiosk reaches De Ark; once pushed, the kiosk's own copy keeps
    // neither the note nor the phone.
    noord
        .store
        .create_signal(
            &digidak_protocol::SignalCreated {
                id: uuid::Uuid::now_v7().to_string(),
                partner_id: ark.clone(),
                kind: "debt".into(),
                note: "Brieven van de deurwaarder".into(),
                phone: Some("0470 55 66 77".into()),
                lang: "pl".into(),
                consent: true,
            },
            now_ms(),
        )
        .unwrap();
    noord.wait_synced(Duration::from_secs(20));
    {
        let open = server.store.open_signals(&ark).unwrap();
        assert_eq!(open.len(), 1);
        assert_eq!(open[0].phone.as_deref(), Some("0470 55 66 77"));
    }
    let conn = rusqlite::Connection::open(noord.dir.join(digidak::store::DB_FILE)).unwrap();
    let kept: String = conn
        .query_row(
            "SELECT payload FROM outbox WHERE kind = 'signal.created'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        !kept.contains("deurwaarder") && !kept.contains("0470"),
        "{kept}"
    );
    drop(conn);

    // The admin gives De Ark a login (CSRF as every form); De Ark logs in with it.
    let account = |fields: &[(&str, &str)]| {
        http.post(format!("{}/admin/partners/account", server.url()))
            .header("cookie", &cookie)
            .form(fields)
            .send()
            .unwrap()
            .status()
    };
    let fields = [
        ("id", ark.as_str()),
        ("login", "ark"),
        ("password", "partner password 1"),
    ];
    assert_eq!(account(&fields), 403);
    let mut with = fields.to_vec();
    with.push(("csrf", &l.csrf));
    let mut short = with.clone();
    short[2] = ("password", "short");
    assert_eq!(account(&short), 400);
    assert_eq!(account(&with), 303);
    assert!(partner_login(&server, "ark", "partner password 1").is_ok());

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
    // A removed partner's login no longer opens anything.
    assert_eq!(
        partner_login(&server, "ark", "partner password 1").err(),
        Some(401)
    );
    server_cli(
        &server.db,
        &["partner", "remove", "--site", "noord", "ocmw"],
    );
    assert!(server.store.partners("noord").unwrap().is_empty());
}

/// A partner's login in the test: its session cookie and the CSRF token of its pages.
struct PartnerLogin {
    cookie: String,
    csrf: String,
}

fn partner_login(
    server: &support::InProcessServer,
    login: &str,
    password: &str,
) -> Result<PartnerLogin, u16> {
    use support::admin::{csrf, set_cookie};
    let http = client();
    let form = http
        .get(format!("{}/admin/p/login", server.url()))
        .send()
        .unwrap();
    let (login_cookie, _) = set_cookie(&form, "dd_plogin").unwrap();
    let token = csrf(&form.text().unwrap());
    let resp = http
        .post(format!("{}/admin/p/login", server.url()))
        .header("cookie", format!("dd_plogin={login_cookie}"))
        .form(&[("name", login), ("password", password), ("csrf", &token)])
        .send()
        .unwrap();
    if resp.status() != 303 {
        return Err(resp.status().as_u16());
    }
    let (cookie, flags) = set_cookie(&resp, "dd_partner").unwrap();
    assert!(
        flags.contains("HttpOnly") && flags.contains("SameSite=Strict") && flags.contains("Secure")
    );
    let page = http
        .get(format!("{}/admin/p", server.url()))
        .header("cookie", format!("dd_partner={cookie}"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    Ok(PartnerLogin {
        csrf: csrf(&page),
        cookie,
    })
}

fn partner(
    server: &support::InProcessServer,
    site: &str,
    name: &str,
    categories: &[&str],
    trusted: bool,
    login: &str,
) -> String {
    let p = server
        .store
        .save_partner(
            site,
            &digidak_protocol::PartnerRecord {
                id: String::new(),
                name: name.into(),
                description: String::new(),
                picture: String::new(),
                categories: categories.iter().map(|c| c.to_string()).collect(),
                hours: Vec::new(),
                address: String::new(),
                contact: "02 555 00 00".into(),
                deleted: false,
                trusted,
                logo: String::new(),
            },
            now_ms(),
        )
        .unwrap();
    let hash = digidak_server::admin_web::hash_password("partner password 1").unwrap();
    server
        .store
        .set_partner_account(login, &p.id, &hash, now_ms())
        .unwrap();
    p.id
}

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

#[test]
fn a_partner_offers_with_its_badge_answers_asks_sent_to_it_and_sees_nothing_else() {
    let (dir, server) = start();
    let kiosk = SyncedKiosk::start(&dir.path().join("noord"));
    kiosk
        .pair(&server.url(), &server.add_kiosk("PC 1", "noord"))
        .unwrap();
    let ocmw = partner(&server, "noord", "OCMW", &["paperwork"], false, "ocmw");
    let ark = partner(&server, "noord", "De Ark", &["company"], true, "ark");
    let south = partner(&server, "zuid", "Zuidhuis", &["paperwork"], false, "zuid");
    let http = client();

    // Logins: a wrong password is refused; the admin's cookie does not open a partner's
    // pages, nor a partner's the admin's.
    assert_eq!(
        partner_login(&server, "ocmw", "wrong password!").err(),
        Some(401)
    );
    // Five wrong passwords lock a login (as for admins), even with the right one after;
    // an admin of the same name is not locked by it.
    for _ in 0..5 {
        let _ = partner_login(&server, "coordinator", "wrong password!");
    }
    assert_eq!(
        partner_login(&server, "coordinator", "partner password 1").err(),
        Some(429)
    );
    login(&server);
    let o = partner_login(&server, "ocmw", "partner password 1").unwrap();
    let a = partner_login(&server, "ark", "partner password 1").unwrap();
    let z = partner_login(&server, "zuid", "partner password 1").unwrap();
    let admin = login(&server);
    let get = |path: &str, cookie: &str| {
        http.get(format!("{}{path}", server.url()))
            .header("cookie", cookie)
            .send()
            .unwrap()
    };
    assert_eq!(
        get("/admin/p", &format!("dd_session={}", admin.cookie)).status(),
        303
    );
    assert_eq!(
        get("/admin/kiosks", &format!("dd_partner={}", o.cookie)).status(),
        303
    );
    assert_eq!(
        get("/admin/partners", &format!("dd_partner={}", o.cookie)).status(),
        303
    );
    let inbox = |l: &PartnerLogin| {
        let r = get("/admin/p", &format!("dd_partner={}", l.cookie));
        assert_eq!(r.status(), 200);
        r.text().unwrap()
    };
    let post_form = |l: &PartnerLogin, path: &str, fields: &[(&str, &str)]| {
        http.post(format!("{}{path}", server.url()))
            .header("cookie", format!("dd_partner={}", l.cookie))
            .form(fields)
            .send()
            .unwrap()
    };

    // Offers: without the form's token refused; the OCMW's waits for a volunteer, De Ark's
    // (trusted) is on the board at once; both carry the partner's name to the kiosk.
    let offer = [
        ("category", "paperwork"),
        ("title", "Spreekuur: hulp bij brieven"),
        ("text", "Elke dinsdag."),
    ];
    assert_eq!(post_form(&o, "/admin/p/offer", &offer).status(), 403);
    let mut with = offer.to_vec();
    with.push(("csrf", &o.csrf));
    assert_eq!(post_form(&o, "/admin/p/offer", &with).status(), 303);
    let mut with_ark = vec![
        ("category", "company"),
        ("title", "Koffie en een babbel"),
        ("csrf", a.csrf.as_str()),
    ];
    assert_eq!(post_form(&a, "/admin/p/offer", &with_ark).status(), 303);
    with_ark.clear();
    let waiting = server.store.posts("noord", &["waiting"]).unwrap();
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].post.partner.as_deref(), Some("OCMW"));
    let public = server.store.posts("noord", &["public"]).unwrap();
    assert_eq!(public.len(), 1);
    assert_eq!(public[0].post.partner.as_deref(), Some("De Ark"));
    server
        .store
        .moderate_post(&support::approve(&waiting[0].post.id), now_ms())
        .unwrap();
    let offer_id = waiting[0].post.id.clone();
    wait_until(Duration::from_secs(20), "both offers at the kiosk", || {
        kiosk.sync.nudge();
        let posts = kiosk.store.board_posts(now_ms()).unwrap();
        posts.len() == 2
            && posts
                .iter()
                .all(|p| p.post.partner.is_some() && p.post.kind == "offer")
    });

    // A resident replies to the OCMW's offer with a phone number: the OCMW sees it (it was
    // written to it).
    let (client_k, token) = paired_client(&server, "PC 2", "noord");
    let phone_token = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    let ask_id = uuid::Uuid::now_v7().to_string();
    let ask = |id: &str, code: &str, cat: &str, to: &str, token: Option<&str>| {
        let mut p = json!({"id": id, "code": code, "kind": "ask", "category": cat,
            "title": "Ik begrijp een brief van de mutualiteit niet", "text": "Wie helpt?",
            "languages": ["nl"], "route_to": to});
        if let Some(t) = token {
            p["token"] = json!(t);
        }
        p
    };
    let ops = vec![
        op(
            1,
            kinds::POST_REPLIED,
            json!({"id": uuid::Uuid::now_v7().to_string(), "post_id": offer_id,
                   "message": "Ik kom graag", "contact": "0470 11 22 33", "created_ms": 0}),
        ),
        // Sent to the OCMW (by consent, from the confirmation screen).
        op(
            2,
            kinds::POST_CREATED,
            ask(
                &ask_id,
                "482937506112",
                "paperwork",
                &ocmw,
                Some(phone_token),
            ),
        ),
        // Sent to a partner of another site, and to one that does not help with it: not routed.
        op(
            3,
            kinds::POST_CREATED,
            ask(
                &uuid::Uuid::now_v7().to_string(),
                "482937506113",
                "paperwork",
                &south,
                None,
            ),
        ),
        op(
            4,
            kinds::POST_CREATED,
            ask(
                &uuid::Uuid::now_v7().to_string(),
                "482937506114",
                "paperwork",
                &ark,
                None,
            ),
        ),
        // Another resident replies to the ask with their phone: not for the OCMW's eyes.
        op(
            5,
            kinds::POST_REPLIED,
            json!({"id": uuid::Uuid::now_v7().to_string(), "post_id": ask_id,
                   "message": "Ik ook niet", "contact": "0499 99 99 99", "created_ms": 0}),
        ),
    ];
    let r = client_k.push(&token, &page(ops)).unwrap();
    assert!(
        r.results.iter().all(|r| r.status == OpStatus::Accepted),
        "{:?}",
        r.results
    );
    let ocmw_page = inbox(&o);
    assert!(ocmw_page.contains("0470 11 22 33"), "a reply to its offer");
    assert!(
        ocmw_page.contains("Ik begrijp een brief"),
        "the ask sent to it"
    );
    assert_eq!(
        ocmw_page.matches("Ik begrijp een brief").count(),
        1,
        "only the routed one"
    );
    assert!(!ocmw_page.contains("0499"), "another resident's phone");
    assert!(!ocmw_page.contains("482937506112"), "the resident's code");
    assert!(!ocmw_page.contains(phone_token));
    let ark_page = inbox(&a);
    assert!(!ark_page.contains("Ik begrijp een brief"));
    assert!(!ark_page.contains("0470"), "another partner's inbox");
    assert!(!ark_page.contains("Spreekuur"));
    let south_page = inbox(&z);
    assert!(!south_page.contains("Ik begrijp") && !south_page.contains("Spreekuur"));

    // The OCMW answers through the code; another partner cannot.
    let answer = [
        ("post", ask_id.as_str()),
        ("message", "Kom dinsdag om 10 uur langs."),
    ];
    let mut other = answer.to_vec();
    other.push(("csrf", &a.csrf));
    assert_eq!(post_form(&a, "/admin/p/answer", &other).status(), 404);
    assert_eq!(post_form(&o, "/admin/p/answer", &answer).status(), 403);
    let mut mine = answer.to_vec();
    mine.push(("csrf", &o.csrf));
    assert_eq!(post_form(&o, "/admin/p/answer", &mine).status(), 303);
    assert!(inbox(&o).contains("Kom dinsdag om 10 uur langs."));
    // The resident reads it behind the code: on the phone page, and at the kiosk.
    let phone_page = http
        .get(format!("{}/posts/{phone_token}", server.url()))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(phone_page.contains("Kom dinsdag om 10 uur langs."));
    assert!(phone_page.contains("OCMW · 02 555 00 00"));
    wait_until(Duration::from_secs(20), "the answer at the kiosk", || {
        kiosk.sync.nudge();
        kiosk
            .store
            .post_by_code("482937506112")
            .unwrap()
            .is_some_and(|p| {
                p.replies
                    .iter()
                    .any(|r| r.message == "Kom dinsdag om 10 uur langs.")
            })
    });
    // Logging out ends the session.
    assert_eq!(
        post_form(&o, "/admin/p/logout", &[("csrf", o.csrf.as_str())]).status(),
        303
    );
    assert_eq!(
        get("/admin/p", &format!("dd_partner={}", o.cookie)).status(),
        303
    );
}

/// Whether the server's database holds `needle`: its file or WAL on SQLite, its rows on
/// PostgreSQL (`support::server_contents`).
fn db_has(db: &std::path::Path, needle: &str) -> bool {
    support::server_contents(db)
        .iter()
        .any(|bytes| bytes.windows(needle.len()).any(|w| w == needle.as_bytes()))
}

#[test]
fn care_signals_need_consent_reach_one_partner_are_counted_and_forgotten_when_handled() {
    let (dir, server) = start();
    let ark = partner(&server, "noord", "De Ark", &["company"], false, "ark");
    let _ocmw = partner(&server, "noord", "OCMW", &["paperwork"], false, "ocmw");
    let south = partner(&server, "zuid", "Zuidhuis", &["company"], false, "zuid");
    let (kiosk, token) = paired_client(&server, "PC 1", "noord");
    let note = "Mevrouw zit alleen sinds haar man stierf";
    let phone = "0470 98 76 54";
    let signal = |consent: bool, partner: &str| {
        json!({"id": uuid::Uuid::now_v7().to_string(), "partner_id": partner, "kind": "loneliness",
               "note": note, "phone": phone, "lang": "ar", "consent": consent})
    };
    let r = kiosk
        .push(
            &token,
            &page(vec![
                // Without consent: refused (the kiosk cannot send one either).
                op(1, kinds::SIGNAL_CREATED, signal(false, &ark)),
                // To another site's partner: refused.
                op(2, kinds::SIGNAL_CREATED, signal(true, &south)),
                op(3, kinds::SIGNAL_CREATED, signal(true, &ark)),
            ]),
        )
        .unwrap();
    assert!(
        matches!(&r.results[0].status, OpStatus::Rejected { reason } if reason.contains("consent"))
    );
    assert!(matches!(r.results[1].status, OpStatus::Rejected { .. }));
    assert_eq!(r.results[2].status, OpStatus::Accepted);
    use digidak_server::ServerStore;
    assert_eq!(server.store.open_signals(&ark).unwrap().len(), 1);
    assert!(server.store.open_signals(&south).unwrap().is_empty());

    // Only De Ark sees it, with the note and the number; the OCMW does not.
    let a = partner_login(&server, "ark", "partner password 1").unwrap();
    let o = partner_login(&server, "ocmw", "partner password 1").unwrap();
    let http = client();
    let inbox = |l: &PartnerLogin| {
        http.get(format!("{}/admin/p", server.url()))
            .header("cookie", format!("dd_partner={}", l.cookie))
            .send()
            .unwrap()
            .text()
            .unwrap()
    };
    let page_a = inbox(&a);
    assert!(page_a.contains(note) && page_a.contains(phone));
    assert!(page_a.contains("Eenzaamheid") && page_a.contains("العربية"));
    let page_o = inbox(&o);
    assert!(!page_o.contains(note) && !page_o.contains(phone));
    // The op log keeps neither.
    let logged = support::server_rows(
        &server.db,
        "SELECT payload FROM ops WHERE kind = 'signal.created' AND rejected IS NULL",
    )[0][0]
        .clone()
        .unwrap();
    assert!(
        !logged.contains(note) && !logged.contains(phone),
        "{logged}"
    );
    // The personal part is in the database (file or WAL; on PostgreSQL its rows) until it is
    // handled.
    assert!(db_has(&server.db, note));

    // Counted per site and month.
    let month: String = digidak_core::activities::local_now(now_ms())
        .chars()
        .take(7)
        .collect();
    let counted = |store: &dyn ServerStore| {
        store
            .numbers()
            .unwrap()
            .into_iter()
            .find(|(s, m, w, _)| s == "noord" && *m == month && w == "signals.loneliness")
            .map(|r| r.3)
    };
    assert_eq!(counted(&*server.store), Some(1));

    // The OCMW cannot handle De Ark's signal; De Ark marks it "contact gehad".
    let id = server.store.open_signals(&ark).unwrap()[0].id.clone();
    let handle = |l: &PartnerLogin, outcome: &str| {
        http.post(format!("{}/admin/p/signal", server.url()))
            .header("cookie", format!("dd_partner={}", l.cookie))
            .form(&[("csrf", l.csrf.as_str()), ("id", &id), ("outcome", outcome)])
            .send()
            .unwrap()
            .status()
    };
    assert_eq!(handle(&o, "contact"), 404);
    assert_eq!(handle(&a, "contact"), 303);
    assert!(!inbox(&a).contains(note));
    // Gone from the database file and its WAL (on PostgreSQL from its rows); the count stays.
    assert!(!db_has(&server.db, note), "the note in the database");
    assert!(!db_has(&server.db, phone), "the phone in the database");
    assert_eq!(counted(&*server.store), Some(1));

    // One nobody handles is forgotten after 30 days.
    let r = kiosk
        .push(
            &token,
            &page(vec![op(4, kinds::SIGNAL_CREATED, signal(true, &ark))]),
        )
        .unwrap();
    assert_eq!(r.results[0].status, OpStatus::Accepted);
    assert_eq!(server.store.open_signals(&ark).unwrap().len(), 1);
    assert_eq!(
        server
            .store
            .forget_old_signals(30, now_ms() + 29 * 86_400_000)
            .unwrap(),
        0
    );
    assert_eq!(
        server
            .store
            .forget_old_signals(30, now_ms() + 31 * 86_400_000)
            .unwrap(),
        1
    );
    assert!(server.store.open_signals(&ark).unwrap().is_empty());
    assert!(!db_has(&server.db, note));
    assert_eq!(counted(&*server.store), Some(2));
    drop(dir);
}

fn pdf_text(bytes: &[u8], dir: &std::path::Path) -> String {
    let path = dir.join("strengths.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The images of a PDF as `pdfimages -list` (poppler-utils) lists them, one line each.
fn pdf_images(bytes: &[u8], dir: &std::path::Path) -> Vec<String> {
    let path = dir.join("images.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("pdfimages")
        .arg("-list")
        .arg(&path)
        .output()
        .expect("pdfimages (poppler-utils) is installed");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(2)
        .map(str::to_string)
        .collect()
}

#[test]
fn what_our_neighbourhood_can_do_counts_offers_and_partners_on_the_phone_and_on_paper() {
    let (dir, server) = start();
    let _ocmw = partner(
        &server,
        "noord",
        "OCMW",
        &["paperwork", "company"],
        false,
        "ocmw",
    );
    let ark = partner(&server, "noord", "De Ark", &["company"], true, "ark");
    for title in ["Koffie en een babbel", "Samen wandelen"] {
        server
            .store
            .post_partner_offer(&ark, None, "company", title, "", now_ms())
            .unwrap();
    }
    // A resident's ask does not count; nor does an offer still waiting.
    server
        .store
        .post_partner_offer(&_ocmw, None, "paperwork", "Spreekuur", "", now_ms())
        .unwrap();
    let http = client();
    let html = http
        .get(format!("{}/buurt/noord?lang=nl", server.url()))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(html.contains("Wat onze buurt kan"));
    assert!(html.contains("Gezelschap en babbel"));
    assert!(html.contains("2 aanbiedingen"), "{html}");
    assert!(html.contains("2 partners"));
    assert!(
        html.contains("De Ark, OCMW") || html.contains("OCMW, De Ark") || html.contains("De Ark")
    );
    assert!(html.contains("/pictures/coffee.svg"));
    assert_eq!(
        html.matches("0 aanbiedingen").count(),
        9,
        "the other categories"
    );

    // De Ark has an uploaded logo: on paper beside its name.
    let png = {
        let img = image::RgbImage::from_pixel(120, 80, image::Rgb([200, 40, 40]));
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    };
    let logo = digidak_core::logo::prepare_logo(&png).unwrap();
    server
        .store
        .set_partner_logo(&ark, Some(&logo), now_ms())
        .unwrap();

    let admin = login(&server);
    let r = http
        .get(format!(
            "{}/admin/partners/strengths.pdf?site=noord&lang=fr",
            server.url()
        ))
        .header("cookie", format!("dd_session={}", admin.cookie))
        .send()
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let bytes = r.bytes().unwrap();
    let text = pdf_text(&bytes, dir.path());
    assert!(text.contains("Ce que notre quartier sait faire"), "{text}");
    assert!(text.contains("2 offres"));
    // The pictograms: one image per category, and the logo (poppler's own count).
    let images = pdf_images(&bytes, dir.path());
    assert_eq!(
        images.len(),
        digidak_core::board::Category::ALL.len() + 1,
        "{images:?}"
    );
    assert!(
        images
            .iter()
            .all(|l| l.contains(" image ") && l.contains(" rgb ")),
        "{images:?}"
    );
    // Without a session: to the login.
    let r = http
        .get(format!(
            "{}/admin/partners/strengths.pdf?site=noord",
            server.url()
        ))
        .send()
        .unwrap();
    assert_eq!(r.status(), 303);
    // The CLI prints the same.
    let to = dir.path().join("cli.pdf");
    server_cli(
        &server.db,
        &[
            "partner",
            "strengths",
            "--site",
            "noord",
            "--to",
            to.to_str().unwrap(),
        ],
    );
    let text = pdf_text(&std::fs::read(&to).unwrap(), dir.path());
    assert!(text.contains("Wat onze buurt kan"));
    assert!(text.contains("Gezelschap en babbel"));
    assert!(text.contains("De Ark"));
}

/// A partner's session ends as an admin's does: after 30 idle minutes, and after 12 hours
/// however busy (the server's clock is a `ManualClock`).
#[test]
fn partner_sessions_end_when_idle_and_after_twelve_hours() {
    use digidak_core::clock::ManualClock;
    let dir = tempfile::tempdir().unwrap();
    let clock = ManualClock::new();
    let served = clock.clone();
    let server = support::InProcessServer::start_with(
        &dir.path().join("server.sqlite3"),
        "127.0.0.1:0".parse().unwrap(),
        move |state| state.with_clock(std::sync::Arc::new(served)),
    );
    partner(&server, "noord", "De Ark", &["company"], false, "ark");
    let http = client();
    let works = |l: &PartnerLogin| {
        http.get(format!("{}/admin/p", server.url()))
            .header("cookie", format!("dd_partner={}", l.cookie))
            .send()
            .unwrap()
            .status()
            == 200
    };
    let minutes = |m: u64| Duration::from_secs(m * 60);
    let l = partner_login(&server, "ark", "partner password 1").unwrap();
    for _ in 0..3 {
        clock.advance(minutes(29));
        assert!(works(&l));
    }
    clock.advance(minutes(31));
    assert!(!works(&l), "idle for 31 minutes");
    let l = partner_login(&server, "ark", "partner password 1").unwrap();
    let mut used = Duration::ZERO;
    while used + minutes(20) < Duration::from_secs(12 * 3600) {
        clock.advance(minutes(20));
        used += minutes(20);
        assert!(works(&l), "after {used:?}");
    }
    clock.advance(minutes(20));
    assert!(!works(&l), "after 12 hours");
    // A new password ends its sessions.
    let l = partner_login(&server, "ark", "partner password 1").unwrap();
    assert!(works(&l));
    let id = { server.store.partners("noord").unwrap()[0].id.clone() };
    let hash = digidak_server::admin_web::hash_password("another password 2").unwrap();
    server
        .store
        .set_partner_account("ark", &id, &hash, now_ms())
        .unwrap();
    assert!(!works(&l), "a new password ends the session");
}

/// The admin lists a site's partner logins (login, partner, last login; never a password or
/// its hash) and revokes one: it cannot log in again and its open session ends at once. The
/// CLI lists and revokes too.
#[test]
fn partner_logins_are_listed_without_secrets_and_revoked_at_once() {
    let (_dir, server) = start();
    partner(&server, "noord", "De Ark", &["company"], false, "ark");
    partner(&server, "zuid", "OCMW Zuid", &["paperwork"], false, "ocmw");
    // (The admin web's sites are those with kiosks.)
    server.add_kiosk("PC 1", "noord");
    server.add_kiosk("PC Z", "zuid");
    let l = login(&server);
    let http = client();
    let cookie = format!("dd_session={}", l.cookie);
    let admin_page = || {
        http.get(format!(
            "{}/admin/partners?site=noord&lang=nl",
            server.url()
        ))
        .header("cookie", &cookie)
        .send()
        .unwrap()
        .text()
        .unwrap()
    };
    let html = admin_page();
    assert!(html.contains("Logins van partners"), "{html}");
    let at = html.find("Logins van partners").unwrap();
    let logins_html = &html[at..];
    assert!(
        logins_html.contains(">ark<")
            && logins_html.contains("De Ark")
            && logins_html.contains("Nog nooit"),
        "{logins_html}"
    );
    // Only this site's logins; no password hash anywhere.
    assert!(!html.contains("ocmw"));
    assert!(!html.contains("$argon2"));

    // Its login is remembered.
    let session = partner_login(&server, "ark", "partner password 1").unwrap();
    let logins = server.store.partner_logins(Some("noord")).unwrap();
    assert_eq!(logins.len(), 1);
    assert_eq!(
        (logins[0].login.as_str(), logins[0].partner_name.as_str()),
        ("ark", "De Ark")
    );
    let last = logins[0].last_login_ms.expect("a last login");
    assert!((now_ms() - last).abs() < 60_000);
    let html = admin_page();
    assert!(!html.contains("Nog nooit"));
    assert!(html.contains(&digidak_core::activities::local_now(last).replace('T', " ")));

    // Revoking: without the form's token refused; then it asks first; then it is gone.
    let revoke = |fields: &[(&str, &str)]| {
        http.post(format!(
            "{}/admin/partners/login/revoke?lang=nl",
            server.url()
        ))
        .header("cookie", &cookie)
        .form(fields)
        .send()
        .unwrap()
    };
    assert_eq!(revoke(&[("login", "ark")]).status(), 403);
    let ask = revoke(&[("csrf", &l.csrf), ("login", "ark")]);
    assert_eq!(ask.status(), 200);
    assert!(ask.text().unwrap().contains("Deze login intrekken?"));
    assert_eq!(server.store.partner_logins(None).unwrap().len(), 2);
    let done = revoke(&[("csrf", &l.csrf), ("login", "ark"), ("confirmed", "yes")]);
    assert_eq!(done.status(), 303);
    assert!(
        server
            .store
            .partner_logins(Some("noord"))
            .unwrap()
            .is_empty()
    );
    // Its open session ended; it cannot log in again.
    let inbox = http
        .get(format!("{}/admin/p", server.url()))
        .header("cookie", format!("dd_partner={}", session.cookie))
        .send()
        .unwrap();
    assert_ne!(inbox.status(), 200);
    assert!(partner_login(&server, "ark", "partner password 1").is_err());
    assert!(admin_page().contains("Nog geen enkele partner kan inloggen"));

    // The CLI: every site's logins, no secret; revoke; an unknown login says so (exit 1).
    let listed = server_cli(&server.db, &["partner", "logins"]);
    assert_eq!(listed.trim(), "ocmw\tOCMW Zuid\tzuid\tnever");
    let out = server_cli(&server.db, &["partner", "revoke-login", "ocmw"]);
    assert!(out.contains("revoked"), "{out}");
    assert!(server.store.partner_logins(None).unwrap().is_empty());
    let o = std::process::Command::new(support::server_bin())
        .arg("--db")
        .arg(support::server_db(&server.db))
        .args(["partner", "revoke-login", "ocmw"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
}

/// One organisation on several sites (issue 21): the admin gives the OCMW noord and zuid (the
/// admin web's form); both sites' synced kiosks show it, a third site's do not; its one login
/// posts an offer on zuid's board only, sees the asks routed to it from both sites and nothing
/// of the third; an ask from the third site cannot be routed to it. Taken off zuid (the CLI),
/// zuid's kiosk forgets it and its login no longer sees zuid's asks.
#[test]
fn one_partner_serves_several_sites_with_one_login() {
    let (dir, server) = start();
    let noord = SyncedKiosk::start(&dir.path().join("noord"));
    noord
        .pair(&server.url(), &server.add_kiosk("PC N", "noord"))
        .unwrap();
    let zuid = SyncedKiosk::start(&dir.path().join("zuid"));
    zuid.pair(&server.url(), &server.add_kiosk("PC Z", "zuid"))
        .unwrap();
    let west = SyncedKiosk::start(&dir.path().join("west"));
    west.pair(&server.url(), &server.add_kiosk("PC W", "west"))
        .unwrap();
    let ocmw = partner(&server, "noord", "OCMW", &["paperwork"], true, "ocmw");
    let westhuis = partner(
        &server,
        "west",
        "Westhuis",
        &["paperwork"],
        true,
        "westhuis",
    );

    // The admin web's form: the OCMW serves noord and zuid.
    let admin = login(&server);
    let http = client();
    let r = http
        .post(format!("{}/admin/partners/save", server.url()))
        .header("cookie", format!("dd_session={}", admin.cookie))
        .form(&[
            ("site", "noord"),
            ("id", ocmw.as_str()),
            ("name", "OCMW"),
            ("cat-paperwork", "1"),
            ("contact", "02 555 00 00"),
            ("trusted", "1"),
            ("sites", "zuid, noord"),
            ("csrf", admin.csrf.as_str()),
        ])
        .send()
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(
        server.store.partner_sites(&ocmw).unwrap(),
        vec!["noord".to_string(), "zuid".to_string()]
    );
    // The form shows the sites it serves.
    let form = http
        .get(format!(
            "{}/admin/partners?site=zuid&edit={ocmw}",
            server.url()
        ))
        .header("cookie", format!("dd_session={}", admin.cookie))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(form.contains("value=\"noord, zuid\""), "{form}");
    for (k, name) in [(&noord, "noord"), (&zuid, "zuid")] {
        wait_until(
            Duration::from_secs(20),
            &format!("the OCMW at {name}"),
            || {
                k.sync.nudge();
                kiosk_names(k) == vec!["OCMW".to_string()]
            },
        );
    }
    wait_until(Duration::from_secs(20), "Westhuis at west", || {
        west.sync.nudge();
        kiosk_names(&west) == vec!["Westhuis".to_string()]
    });
    // The phone page of zuid lists it too.
    let zuid_partners = http
        .get(format!("{}/partners/zuid", server.url()))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(zuid_partners.contains("OCMW") && !zuid_partners.contains("Westhuis"));

    // Zuid's admin list of logins has the OCMW's too.
    assert!(
        server
            .store
            .partner_logins(Some("zuid"))
            .unwrap()
            .iter()
            .any(|l| l.login == "ocmw")
    );
    // Its one login: the offer form asks which board, its home site first.
    let o = partner_login(&server, "ocmw", "partner password 1").unwrap();
    let get_inbox = || {
        http.get(format!("{}/admin/p", server.url()))
            .header("cookie", format!("dd_partner={}", o.cookie))
            .send()
            .unwrap()
            .text()
            .unwrap()
    };
    let page_now = get_inbox();
    assert!(page_now.contains("<select name=\"site\">"), "{page_now}");
    assert!(page_now.contains("<option value=\"noord\" selected>"));
    let offer = |site: &str, title: &str| {
        http.post(format!("{}/admin/p/offer", server.url()))
            .header("cookie", format!("dd_partner={}", o.cookie))
            .form(&[
                ("site", site),
                ("category", "paperwork"),
                ("title", title),
                ("csrf", o.csrf.as_str()),
            ])
            .send()
            .unwrap()
            .status()
    };
    assert_eq!(offer("zuid", "Spreekuur in zuid"), 303);
    // A site it does not serve is refused.
    assert_eq!(offer("west", "Spreekuur in west"), 400);
    assert_eq!(
        server.store.posts("zuid", &["public"]).unwrap()[0]
            .post
            .partner
            .as_deref(),
        Some("OCMW")
    );
    assert!(server.store.posts("noord", &["public"]).unwrap().is_empty());
    assert!(server.store.posts("west", &["public"]).unwrap().is_empty());
    wait_until(Duration::from_secs(20), "the offer at zuid", || {
        zuid.sync.nudge();
        zuid.store
            .board_posts(now_ms())
            .unwrap()
            .iter()
            .any(|p| p.post.title == "Spreekuur in zuid")
    });

    // Asks routed to it from noord and zuid reach it; west's cannot be routed to it, and
    // West's own partner's ask stays Westhuis's.
    let ask = |id: &str, code: &str, title: &str, to: &str| {
        json!({"id": id, "code": code, "kind": "ask", "category": "paperwork",
            "title": title, "text": "Wie helpt?", "languages": ["nl"], "route_to": to})
    };
    for (site, code, title, to) in [
        (
            "noord",
            "482937506131",
            "Brief van de huisbaas in noord",
            &ocmw,
        ),
        (
            "zuid",
            "482937506132",
            "Brief van de mutualiteit in zuid",
            &ocmw,
        ),
        (
            "west",
            "482937506133",
            "Brief uit west voor het OCMW",
            &ocmw,
        ),
        (
            "west",
            "482937506134",
            "Brief uit west voor Westhuis",
            &westhuis,
        ),
    ] {
        let (c, token) = paired_client(&server, &format!("PC {code}"), site);
        let id = uuid::Uuid::now_v7().to_string();
        let r = c
            .push(
                &token,
                &page(vec![op(1, kinds::POST_CREATED, ask(&id, code, title, to))]),
            )
            .unwrap();
        assert!(
            r.results.iter().all(|r| r.status == OpStatus::Accepted),
            "{:?}",
            r.results
        );
    }
    let seen = get_inbox();
    assert!(seen.contains("Brief van de huisbaas in noord"));
    assert!(seen.contains("Brief van de mutualiteit in zuid"));
    assert!(seen.contains("Spreekuur in zuid"));
    assert!(!seen.contains("Brief uit west"), "a site it does not serve");
    assert!(!seen.contains("482937506"), "no resident's code");
    let inbox = server.store.partner_inbox(&ocmw).unwrap().unwrap();
    assert_eq!(inbox.asks.len(), 2);
    assert_eq!(inbox.sites, vec!["noord".to_string(), "zuid".to_string()]);
    let w = server.store.partner_inbox(&westhuis).unwrap().unwrap();
    assert_eq!(w.asks.len(), 1);
    assert!(w.offers.is_empty());

    // It answers zuid's ask: the reply goes on zuid's board.
    let zuid_ask = inbox
        .asks
        .iter()
        .find(|a| a.site == "zuid")
        .unwrap()
        .post
        .post
        .id
        .clone();
    let r = http
        .post(format!("{}/admin/p/answer", server.url()))
        .header("cookie", format!("dd_partner={}", o.cookie))
        .form(&[
            ("post", zuid_ask.as_str()),
            ("message", "Kom langs in zuid."),
            ("csrf", o.csrf.as_str()),
        ])
        .send()
        .unwrap();
    assert_eq!(r.status(), 303);
    wait_until(Duration::from_secs(20), "the answer at zuid", || {
        zuid.sync.nudge();
        zuid.store
            .post_by_code("482937506132")
            .unwrap()
            .is_some_and(|p| p.replies.iter().any(|r| r.message == "Kom langs in zuid."))
    });

    // The CLI takes zuid away: zuid's kiosk forgets it, noord's keeps it; its inbox keeps
    // only noord's ask.
    let out = server_cli(
        &server.db,
        &["partner", "sites", "--site", "noord", "OCMW", "noord"],
    );
    assert!(out.contains("serves noord"), "{out}");
    assert!(
        !server
            .store
            .partner_logins(Some("zuid"))
            .unwrap()
            .iter()
            .any(|l| l.login == "ocmw")
    );
    wait_until(Duration::from_secs(20), "the OCMW gone from zuid", || {
        zuid.sync.nudge();
        kiosk_names(&zuid).is_empty()
    });
    noord.sync.nudge();
    noord.wait_synced(Duration::from_secs(20));
    assert_eq!(kiosk_names(&noord), vec!["OCMW".to_string()]);
    let after = get_inbox();
    assert!(after.contains("Brief van de huisbaas in noord"));
    assert!(!after.contains("Brief van de mutualiteit in zuid"));
    assert!(!after.contains("<select name=\"site\">"));
    // A new ask from zuid is not routed to it any more.
    let (c, token) = paired_client(&server, "PC late", "zuid");
    let id = uuid::Uuid::now_v7().to_string();
    c.push(
        &token,
        &page(vec![op(
            1,
            kinds::POST_CREATED,
            ask(&id, "482937506135", "Nog een brief uit zuid", &ocmw),
        )]),
    )
    .unwrap();
    assert!(!get_inbox().contains("Nog een brief uit zuid"));
}

/// A partner stored before partners could serve several sites keeps its one site after the
/// migration (SQLite 17, PostgreSQL 7): its kiosks, its login and its offers work as before.
#[test]
fn single_site_partners_keep_their_site_after_the_migration() {
    let (dir, server) = start();
    let kiosk = SyncedKiosk::start(&dir.path().join("noord"));
    kiosk
        .pair(&server.url(), &server.add_kiosk("PC N", "noord"))
        .unwrap();
    let id = partner(
        &server,
        "noord",
        "Buurthuis",
        &["company"],
        true,
        "buurthuis",
    );
    let db = server.db.clone();
    let addr = server.addr;
    drop(server);
    // Back to the schema before the migration: no partner_sites.
    if support::on_postgres() {
        let url = support::server_db(&db);
        let v = digidak_server::postgres::query_text(&url, "SELECT version FROM schema_version")
            .unwrap();
        assert_eq!(v[0][0].as_deref(), Some("7"));
        digidak_server::postgres::query_text(
            &url,
            "DROP TABLE partner_sites; UPDATE schema_version SET version = 6",
        )
        .unwrap();
    } else {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 17);
        conn.execute_batch("DROP TABLE partner_sites; PRAGMA user_version = 16;")
            .unwrap();
    }
    let server = support::InProcessServer::start_at(&db, addr);
    assert_eq!(
        server.store.partner_sites(&id).unwrap(),
        vec!["noord".to_string()]
    );
    assert_eq!(server.store.partners("noord").unwrap()[0].name, "Buurthuis");
    let l = partner_login(&server, "buurthuis", "partner password 1").unwrap();
    let r = client()
        .post(format!("{}/admin/p/offer", server.url()))
        .header("cookie", format!("dd_partner={}", l.cookie))
        .form(&[
            ("category", "company"),
            ("title", "Koffie in het buurthuis"),
            ("csrf", l.csrf.as_str()),
        ])
        .send()
        .unwrap();
    assert_eq!(r.status(), 303);
    wait_until(Duration::from_secs(20), "the offer at the kiosk", || {
        kiosk.sync.nudge();
        kiosk_names(&kiosk) == vec!["Buurthuis".to_string()]
            && kiosk
                .store
                .board_posts(now_ms())
                .unwrap()
                .iter()
                .any(|p| p.post.title == "Koffie in het buurthuis")
    });
}
