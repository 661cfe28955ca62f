//! The JSON Schema of the sync protocol, generated from the types of this crate (with
//! `schemars`) into `docs/protocol.schema.json`: every request and answer body, and every op
//! and change payload by its kind. A test fails when the file is out of date; run
//! `DIGIDAK_WRITE_SCHEMA=1 cargo test -p digidak-protocol schema` to write it again.

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value, json};

use crate::*;

/// The schema document: `$defs` holds every type; `bodies` names the type of each request
/// and answer, `ops` and `changes` the payload type of each kind.
pub fn document() -> Value {
    let mut generator = SchemaSettings::draft2020_12().into_generator();
    fn of<T: JsonSchema>(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        g.subschema_for::<T>()
    }
    let mut bodies = Map::new();
    for (name, f) in [
        (
            "POST /api/v1/pair request",
            of::<PairRequest> as fn(&mut _) -> _,
        ),
        ("POST /api/v1/pair answer", of::<PairResponse>),
        ("POST /api/v1/push request", of::<PushRequest>),
        ("POST /api/v1/push answer", of::<PushResponse>),
        ("GET /api/v1/changes answer", of::<PullResponse>),
        ("GET /api/v1/status answer", of::<StatusResponse>),
        ("GET /api/v1/resume/{code} answer", of::<ResumeResponse>),
        ("every error answer", of::<ErrorBody>),
    ] {
        bodies.insert(name.into(), f(&mut generator).to_value());
    }
    let mut ops = Map::new();
    for (kind, f) in [
        (
            kinds::HELP_REQUESTED,
            of::<HelpRequested> as fn(&mut _) -> _,
        ),
        (kinds::HELP_HANDLED, of::<HelpHandled>),
        (kinds::USAGE_VISIT, of::<UsageVisit>),
        (kinds::LESSON_RESUME, of::<ResumeSaved>),
        (kinds::LESSON_EVENT, of::<LessonEvent>),
        (kinds::ACTIVITY_SAVED, of::<ActivityRecord>),
        (kinds::SIGNUP_CREATED, of::<SignupCreated>),
        (kinds::SIGNUP_CANCELLED, of::<SignupCancelled>),
        (kinds::SIGNUP_CHECKED_IN, of::<SignupCheckedIn>),
        (kinds::BLOCK_RELEASED, of::<BlockReleased>),
        (kinds::POST_CREATED, of::<PostRecord>),
        (kinds::POST_MODERATED, of::<PostModerated>),
        (kinds::POST_REPORTED, of::<PostReported>),
        (kinds::POST_RENEWED, of::<PostByCode>),
        (kinds::POST_CLOSED, of::<PostClosed>),
        (kinds::POST_REPLIED, of::<PostReply>),
        (kinds::SIGNAL_CREATED, of::<SignalCreated>),
    ] {
        ops.insert(kind.into(), f(&mut generator).to_value());
    }
    let mut changes = Map::new();
    for (kind, f) in [
        (
            kinds::HELP_REQUESTED,
            of::<HelpRequested> as fn(&mut _) -> _,
        ),
        (kinds::HELP_HANDLED, of::<HelpHandled>),
        (kinds::ACTIVITY_SAVED, of::<ActivityState>),
        (kinds::SIGNUP_STATUS, of::<SignupStatus>),
        (kinds::POST_STATE, of::<PostState>),
        (kinds::POST_REPLIED, of::<PostReply>),
        (kinds::PARTNER_SAVED, of::<PartnerRecord>),
    ] {
        changes.insert(kind.into(), f(&mut generator).to_value());
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Digidak sync protocol",
        "description": format!(
            "Protocol version {PROTOCOL_VERSION} (servers take {MIN_PROTOCOL_VERSION} to \
             {PROTOCOL_VERSION}). Generated from src/sync/protocol.rs; explained in \
             docs/sync.md. `bodies` names each request and answer body, `ops` each op \
             payload by kind, `changes` each change payload by kind."
        ),
        "bodies": bodies,
        "ops": ops,
        "changes": changes,
        "$defs": generator.take_definitions(true),
    })
}

/// The schema as it is written to `docs/protocol.schema.json`.
pub fn document_text() -> String {
    let mut text = serde_json::to_string_pretty(&document()).expect("schemas serialize");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn docs_protocol_schema_json_is_up_to_date() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../docs/protocol.schema.json"
        );
        let now = super::document_text();
        if std::env::var_os("DIGIDAK_WRITE_SCHEMA").is_some() {
            std::fs::write(path, &now).unwrap();
        }
        let written = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            written == now,
            "docs/protocol.schema.json is out of date with crates/digidak-protocol/src/lib.rs: run \
             DIGIDAK_WRITE_SCHEMA=1 cargo test -p digidak-protocol schema, and review the difference"
        );
    }
}
