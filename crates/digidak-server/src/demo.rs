//! Example content for a first run (`digidak-server demo`, started by `scripts/kiosk`): a few
//! activities, posts, sign-ups, a help call and a lesson resume code, every title marked
//! "Voorbeeld" (and two local partners), written through the same paths kiosks use (a seed kiosk's pushed ops and the
//! admin's saves), so everything shown is real server data.
//!
//! Demo data never mixes with real data: it is only ever written into a database the demo
//! command is pointed at, and [`seed`] refuses a database that already has kiosks.

use digidak_protocol::{
    ActivityRecord, Heartbeat, OP_SCHEMA, Op, OpStatus, PROTOCOL_VERSION, PostModerated,
    PushRequest, kinds,
};

use super::{ServerError, ServerStore};

/// The word every piece of example content starts with.
pub const MARK: &str = "Voorbeeld";

/// What a seeded demo server gives the kiosk that will show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSeed {
    /// A one-time pairing code for the kiosk that shows the demo.
    pub pairing_code: String,
    /// A 10-digit lesson resume code ("Later verder") that works on any kiosk of the server.
    pub resume_code: String,
    /// The lesson and step the resume code opens (`itsme`, counted from 0).
    pub resume_lesson: String,
    pub resume_step: u32,
}

/// Fills an empty server database with example content for `site`, and registers a kiosk
/// named `kiosk_name` for the demo kiosk to pair with. Refuses a database with kiosks in it.
pub fn seed(
    store: &dyn ServerStore,
    site: &str,
    kiosk_name: &str,
    now_ms: i64,
) -> Result<DemoSeed, ServerError> {
    if !store.list_kiosks()?.is_empty() {
        return Err(ServerError::Conflict(
            "this database already has kiosks: the demo only fills a new, empty database \
             (give --db a new file)"
                .into(),
        ));
    }
    // The seed kiosk: where the example residents "were" when they posted and signed up.
    let seed_code = store.add_kiosk(&format!("{MARK}: tafel 2"), site, now_ms)?;
    let paired = store.pair(&seed_code, env!("CARGO_PKG_VERSION"), 1, now_ms)?;
    let range = paired.code_range.unwrap_or(0);
    let auth = store
        .authenticate(&paired.token)?
        .ok_or_else(|| ServerError::BadRequest("the seed kiosk did not pair".into()))?;

    let day = |days: i64, hm: &str| {
        let ms = now_ms + days * 24 * 3600 * 1000;
        format!("{}T{hm}", &digidak_core::activities::local_now(ms)[..10])
    };
    let activity =
        |title: &str, picture: &str, days: i64, capacity: u32, place: &str| ActivityRecord {
            id: uuid::Uuid::now_v7().to_string(),
            title: format!("{MARK}: {title}"),
            description: format!(
                "{MARK}. Deze activiteit bestaat niet: ze toont hoe inschrijven werkt."
            ),
            picture: picture.into(),
            place: place.into(),
            start: day(days, "14:00"),
            end: day(days, "16:00"),
            deadline: day(days, "12:00"),
            capacity,
            max_party: 3,
            block: 2.min(capacity),
            languages: vec!["nl".into(), "fr".into(), "en".into()],
            deleted: false,
        };
    let coffee = activity(
        "Koffie en computerhulp",
        "coffee",
        2,
        12,
        "Buurthuis, zaal 1",
    );
    // Full with one person waiting: no seats kept back for kiosks offline.
    let mut itsme = activity(
        "Samen itsme installeren",
        "phone",
        9,
        4,
        "Buurthuis, zaal 2",
    );
    itsme.block = 0;
    let walk = activity(
        "Wandeling naar de bib",
        "calendar",
        16,
        15,
        "Voor het buurthuis",
    );
    for a in [&coffee, &itsme, &walk] {
        store.save_activity(site, a, now_ms)?;
    }

    let mut ops = Vec::new();
    let mut op = |kind: &str, payload: serde_json::Value| {
        ops.push(Op {
            id: uuid::Uuid::now_v7().to_string(),
            index: ops.len() as u64 + 1,
            kind: kind.into(),
            payload,
            kiosk_time_ms: now_ms,
            schema: OP_SCHEMA,
        });
    };
    // Sign-ups: the itsme session is full, with one person waiting.
    let people = [
        (&coffee, "Amina", Some("0470 12 34 56"), 2),
        (&coffee, "Jef", None, 1),
        (&itsme, "Fatima", Some("0485 98 76 54"), 2),
        (&itsme, "Marc", Some("0499 11 22 33"), 2),
        (&itsme, "Olena", None, 1),
    ];
    for (a, name, phone, party) in people {
        op(
            kinds::SIGNUP_CREATED,
            serde_json::json!({
                "id": uuid::Uuid::now_v7().to_string(),
                "activity_id": a.id,
                "code": digidak_core::activities::new_code(range),
                "first_name": format!("{name} ({MARK})"),
                "phone": phone,
                "party": party,
                "from_block": false,
                "token": digidak_core::codes::phone_token(),
            }),
        );
    }
    let posts = [
        (
            "ask",
            "paperwork",
            "Hulp bij een brief van de gemeente",
            "Ik begrijp een brief over mijn huur niet goed. Wie leest hem met mij?",
            true,
        ),
        (
            "offer",
            "language",
            "Samen Nederlands oefenen",
            "Ik spreek graag Nederlands met wie wil oefenen, bij een koffie in het buurthuis.",
            true,
        ),
        (
            "offer",
            "lending",
            "Boormachine te leen",
            "Ik leen mijn boormachine uit voor een weekend.",
            true,
        ),
        (
            "ask",
            "transport",
            "Wie rijdt mee naar het ziekenhuis?",
            "Dinsdagochtend, heen en terug.",
            false,
        ),
    ];
    let mut post_ids = Vec::new();
    for (kind, category, title, text, approve) in posts {
        let id = uuid::Uuid::now_v7().to_string();
        op(
            kinds::POST_CREATED,
            serde_json::json!({
                "id": id,
                "code": digidak_core::codes::code_in(range, digidak_core::board::CODE_DIGITS),
                "kind": kind,
                "category": category,
                "title": format!("{MARK}: {title}"),
                "text": format!("{text} ({MARK})"),
                "languages": ["nl", "fr"],
                "token": digidak_core::codes::phone_token(),
            }),
        );
        if approve {
            post_ids.push(id);
        }
    }
    let resume_code = digidak_core::lessons::resume::new_code();
    let (resume_lesson, resume_step) = ("itsme".to_string(), 2);
    op(
        kinds::LESSON_RESUME,
        serde_json::json!({"code": resume_code, "lesson": resume_lesson,
                           "step": resume_step, "lang": "nl"}),
    );
    op(
        kinds::HELP_REQUESTED,
        serde_json::json!({"id": uuid::Uuid::now_v7().to_string(), "created_at_ms": now_ms,
                           "first_name": format!("Sam ({MARK})")}),
    );
    let request = PushRequest {
        protocol: PROTOCOL_VERSION,
        heartbeat: Heartbeat {
            app_version: env!("CARGO_PKG_VERSION").into(),
            kiosk_time_ms: now_ms,
            ..Default::default()
        },
        ops,
    };
    let answer = store.push(&auth, request, now_ms)?;
    if let Some(bad) = answer
        .results
        .iter()
        .find(|r| r.status != OpStatus::Accepted)
    {
        return Err(ServerError::BadRequest(format!(
            "an example op was refused: {bad:?}"
        )));
    }
    for id in post_ids {
        store.moderate_post(
            &PostModerated {
                id,
                decision: "approve".into(),
                reason: None,
                title: None,
                text: None,
                category: None,
            },
            now_ms,
        )?;
    }
    // Two local partners ("Wie kan helpen"), written as an admin saves them.
    for (name, description, picture, categories, hours) in [
        (
            format!("OCMW ({MARK})"),
            "Hulp bij brieven, geld en premies.",
            "town-hall",
            vec!["paperwork".to_string(), "computer".to_string()],
            "mon-fri 9:00-12:00; tue 13:00-16:00",
        ),
        (
            format!("Buurtzorg De Ark ({MARK})"),
            "Een luisterend oor, een bezoek aan huis.",
            "health",
            vec!["company".to_string(), "cooking".to_string()],
            "mon-fri 9:00-17:00",
        ),
    ] {
        store.save_partner(
            site,
            &digidak_protocol::PartnerRecord {
                id: String::new(),
                name,
                description: description.into(),
                picture: picture.into(),
                categories,
                hours: digidak_core::partners::parse_week(hours)
                    .map_err(ServerError::BadRequest)?,
                address: "Kerkstraat 1".into(),
                contact: "02 000 00 00".into(),
                deleted: false,
                trusted: false,
                logo: String::new(),
            },
            now_ms,
        )?;
    }
    let pairing_code = store.add_kiosk(kiosk_name, site, now_ms)?;
    Ok(DemoSeed {
        pairing_code,
        resume_code,
        resume_lesson,
        resume_step,
    })
}
