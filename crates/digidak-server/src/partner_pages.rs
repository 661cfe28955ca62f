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

/// `GET /partner-logo/{hash}`: a partner's uploaded logo, always the PNG the server made of
/// it (`image/png`, nothing else), kept by browsers and proxies for a year: its address
/// changes with its content.
pub async fn logo(State(state): State<AppState>, Path(hash): Path<String>) -> Response {
    let store = state.store.clone();
    let h = hash.clone();
    match blocking(move || store.partner_logo(&h)).await {
        Ok(Some(png)) => (
            [
                (axum::http::header::CONTENT_TYPE, "image/png"),
                (
                    axum::http::header::CACHE_CONTROL,
                    "public, max-age=31536000, immutable",
                ),
                (axum::http::header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            ],
            png,
        )
            .into_response(),
        Ok(None) => (StatusCode::NOT_FOUND, "no such logo").into_response(),
        Err(e) => e.into_response(),
    }
}

/// One partner as a card: its uploaded logo, else its picture.
fn card(tr: &Translations, lang: Lang, p: &PartnerRecord, now: i64) -> String {
    let picto = if !p.logo.is_empty() {
        format!(
            "<img class=\"picto logo\" src=\"/partner-logo/{}\" alt=\"\" style=\"object-fit:contain\">",
            esc(&p.logo)
        )
    } else if p.picture.is_empty() {
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

/// The strengths of a site now: its offers on the board and its partners.
pub fn site_strengths(
    store: &dyn super::ServerStore,
    site: &str,
    now: i64,
) -> Result<Vec<digidak_core::strengths::Strength>, super::ServerError> {
    let posts = store.posts(site, &["public"])?;
    let partners = store.partners(site)?;
    Ok(digidak_core::strengths::strengths(&posts, &partners, now))
}

/// The A4 of "Wat onze buurt kan" for a site, in `lang`.
pub fn strengths_pdf(
    store: &dyn super::ServerStore,
    tr: &Translations,
    lang: Lang,
    site: &str,
    now: i64,
) -> Result<Vec<u8>, super::ServerError> {
    let all = site_strengths(store, site, now)?;
    let sub = format!(
        "{site} · {}",
        digidak_core::activities::day_in_words(now, lang)
    );
    // The partners' uploaded logos beside their names (the pictograms are built in).
    let mut logos = std::collections::BTreeMap::new();
    for p in store.partners(site)? {
        if !p.logo.is_empty()
            && let Some(png) = store.partner_logo(&p.logo)?
        {
            logos.insert(p.name, png);
        }
    }
    Ok(digidak_core::strengths::render_with_pictures(
        tr,
        lang,
        &tr.get(lang, "strengths-title"),
        &sub,
        &all,
        &logos,
    ))
}

/// `GET /buurt/{site}`: "Wat onze buurt kan" as tiles: a pictogram, the category, how many
/// offers are on the board and how many partners help, then the partners' names.
pub async fn strengths_page(
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
    let all = match blocking(move || site_strengths(store.as_ref(), &s, now_ms())).await {
        Ok(a) => a,
        Err(e) => return e.into_response(),
    };
    let title = tr.get(lang, "strengths-title");
    let mut main = format!(
        "<h1>{}</h1><p>{}</p><div style=\"display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:.8rem\">",
        esc(&title),
        esc(&tr.get(lang, "strengths-explain"))
    );
    for s in &all {
        let (offers, partners) = digidak_core::strengths::tile_lines(tr, lang, s);
        let _ = write!(
            main,
            "<section class=\"card\" style=\"margin:0;text-align:center\">\
             <span class=\"picto\" style=\"float:none;margin:0 auto;background-image:url('/pictures/{}.svg')\"></span>\
             <h2 style=\"font-size:1.1rem;margin:.3rem 0\">{}</h2>\
             <p style=\"font-size:2rem;font-weight:bold;margin:0\">{}</p><p style=\"margin:0\">{}</p>\
             <p class=\"muted\" style=\"margin:0\">{}</p><p class=\"muted\" style=\"margin:0;font-size:1rem\" dir=\"auto\">{}</p></section>",
            esc(s.category.picture()),
            esc(&tr.get(lang, &s.category.label_key())),
            s.offers,
            esc(&offers),
            esc(&partners),
            esc(&s.partners.join(", ")),
        );
    }
    main.push_str("</div>");
    layout(
        tr,
        lang,
        &title,
        &format!("/buurt/{site}"),
        StatusCode::OK,
        &main,
    )
}
