//! Real content for the benchmarks, put in a kiosk's data folder as if pulled from the server:
//! activities and board posts. Shared by `benches/frames.rs` and `examples/startup_bench.rs`.

/// Activities in the kiosk's store, as if pulled from the server.
pub fn seed_activities(dir: &std::path::Path, n: usize) {
    use digidak_protocol::{ActivityRecord, ActivityState, Change, kinds};
    let mut store = digidak::store::Store::open_in(dir).unwrap();
    let changes: Vec<Change> = (0..n)
        .map(|i| {
            let day = format!("2099-{:02}-{:02}", i % 12 + 1, i % 27 + 1);
            let a = ActivityRecord {
                id: uuid::Uuid::now_v7().to_string(),
                title: format!("Koffie en computer {i}"),
                description: "We helpen met je gsm en drinken samen koffie.".into(),
                picture: "calendar".into(),
                place: "Buurthuis De Brug, zaal 2".into(),
                start: format!("{day}T14:00"),
                end: format!("{day}T16:00"),
                deadline: format!("{day}T12:00"),
                capacity: 20,
                max_party: 4,
                block: 0,
                languages: vec!["nl".into(), "ar".into()],
                deleted: false,
            };
            Change {
                seq: i as u64 + 1,
                kind: kinds::ACTIVITY_SAVED.into(),
                payload: serde_json::to_value(ActivityState {
                    activity: a,
                    free: 20,
                    confirmed: 0,
                    waitlisted: 0,
                    blocks: vec![],
                    leases: vec![],
                })
                .unwrap(),
            }
        })
        .collect();
    store.apply_changes(&changes, n as u64).unwrap();
}

/// Public posts on the board, as if pulled from the server: 1,000 by default.
pub fn seed_posts(dir: &std::path::Path, n: usize) {
    use digidak_core::board::Category;
    use digidak_protocol::{Change, PostRecord, PostState, kinds};
    let mut store = digidak::store::Store::open_in(dir).unwrap();
    let words = [
        "ziekenhuis",
        "brief",
        "fiets",
        "koffie",
        "crème",
        "école",
        "taart",
        "gsm",
    ];
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    let changes: Vec<Change> = (0..n)
        .map(|i| {
            let p = PostState {
                post: PostRecord {
                    id: uuid::Uuid::now_v7().to_string(),
                    code: format!("{:012}", 100_000_000_000u64 + i as u64),
                    kind: if i % 3 == 0 { "offer" } else { "ask" }.into(),
                    category: Category::ALL[i % 10].id().into(),
                    title: format!("Wie helpt mij met {} nummer {i}?", words[i % 8]),
                    text: format!(
                        "Ik zoek iemand die mij helpt met {} en {}. Liefst op dinsdag of \
                         donderdag, in de buurt van het buurthuis.",
                        words[(i + 3) % 8],
                        words[(i + 5) % 8]
                    ),
                    languages: vec!["nl".into(), "fr".into()],
                    token: None,
                    partner: None,
                    route_to: None,
                },
                status: "public".into(),
                reason: None,
                created_ms: now - i as i64 * 60_000,
                expires_ms: Some(now + 20 * 86_400_000),
                reports: 0,
                helped: false,
                approved_ms: None,
                ended_ms: None,
            };
            Change {
                seq: 1_000 + i as u64,
                kind: kinds::POST_STATE.into(),
                payload: serde_json::to_value(p).unwrap(),
            }
        })
        .collect();
    store.apply_changes(&changes, 1_000 + n as u64).unwrap();
}
