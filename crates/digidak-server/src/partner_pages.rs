//! The phone pages' "Wie kan helpen": the partners of a site that help with a board category,
//! with their picture, whether they are open now or when they open (Brussels time), the
//! week's hours, address and how to reach them. On a post's page (its category) and on
//! `/partners/{site}` (every category with a partner). Nothing personal: public information
//! an admin entered.

use std::fmt::Write as _;

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::http::{AppState, blocking, now_ms, page_lang};
use super::pages::{esc, layout};
use digidak_core::board::Category;
use digidak_core::i18n::Translations;
use digidak_core::lang::Lang;
use digidak_core::partners::{covering, open_in_words, open_state, week_in_words};
use digidak_protocol::PartnerRecord;

/// One partner as a card.
fn card(tr: &Translations, lang: Lang, p: &PartnerRecord, now: i64) -> String {
    let picto = if p.picture.is_empty() {
        String::new()
    } else {
        format!(
            "<span class=\"picto\" style=\"background-image:url('/pictures/{}.svg')\"></span>",
            esc(&p.picture)
        )
    };
    let mut out = format!(
        "<section class=\"card partner\">{picto}<h3 dir=\"auto\">{}</h3><p dir=\"auto\">{}</p>\
         <p><strong>{}</strong></p>",
        esc(&p.name),
        esc(&p.description).replace('\n', "<br>"),
        esc(&open_in_words(tr, lang, open_state(&p.hours, now))),
    );
    let week = week_in_words(&p.hours, lang);
    if !week.is_empty() {
        let _ = write!(
            out,
            "<p>{}:<br>{}</p>",
            esc(&tr.get(lang, "partners-hours")),
            week.iter().map(|w| esc(w)).collect::<Vec<_>>().join("<br>")
        );
    }
    for (key, v) in [
        ("partners-address", &p.address),
        ("partners-contact", &p.contact),
    ] {
        if !v.is_empty() {
            let _ = write!(
                out,
                "<p>{}: <span dir=\"auto\">{}</span></p>",
                esc(&tr.get(lang, key)),
                esc(v)
            );
        }
    }
    out.push_str("</section>");
    out
}

/// "Wie kan helpen" for one category: a heading and the partners' cards, or nothing when no
/// partner covers it.
pub fn who_can_help(
    tr: &Translations,
    lang: Lang,
    partners: &[PartnerRecord],
    category: &str,
    now: i64,
) -> String {
    let list = covering(partners, category);
    if list.is_empty() {
        return String::new();
    }
    let mut out = format!("<h2>{}</h2>", esc(&tr.get(lang, "partners-title")));
    for p in list {
        out.push_str(&card(tr, lang, p, now));
    }
    out
}

/// `GET /partners/{site}`: every category with its partners.
pub async fn site_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    Path(site): Path<String>,
) -> Response {
    let lang = page_lang(&query, &headers);
    let tr = &state.translations;
    if super::partners::check_site(&site).is_err() {
        return super::pages::code_not_found(tr, lang);
    }
    let store = state.store.clone();
    let s = site.clone();
    let partners = match blocking(move || store.partners(&s)).await {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    let now = now_ms();
    let title = tr.get(lang, "partners-title");
    let mut main = format!(
        "<h1>{}</h1><p>{}</p>",
        esc(&title),
        esc(&tr.get(lang, "partners-explain"))
    );
    if partners.is_empty() {
        let _ = write!(main, "<p>{}</p>", esc(&tr.get(lang, "partners-none")));
    }
    for c in Category::ALL {
        let list = covering(&partners, c.id());
        if list.is_empty() {
            continue;
        }
        let _ = write!(
            main,
            "<h2><span class=\"picto\" style=\"background-image:url('/pictures/{}.svg')\"></span>{}</h2>",
            esc(c.picture()),
            esc(&tr.get(lang, &c.label_key()))
        );
        for p in list {
            main.push_str(&card(tr, lang, p, now));
        }
    }
    layout(
        tr,
        lang,
        &title,
        &format!("/partners/{site}"),
        StatusCode::OK,
        &main,
    )
}
