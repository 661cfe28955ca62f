//! The admin web's board: per site, new and reported posts to approve, correct and approve, or
//! reject with a reason (the same rules as volunteer mode, [`super::board::moderated`]); how
//! long posts stay up; and the paper board as a PDF.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};

use super::admin_page::{admin_layout, confirm_page, done_message};
use super::admin_web::{
    Admin, CsrfForm, blocking, csrf_field, lang_of, query_value, sites_and_choice,
};
use super::http::{AppState, now_ms};
use super::pages::esc;
use digidak_core::board::pdf::{PaperLabels, paper_board, paper_posts, render};
use digidak_core::board::{Category, PostKind};
use digidak_core::i18n::Translations;
use digidak_core::lang::Lang;
use digidak_protocol::PostModerated;

fn site_links(sites: &[String], chosen: &str, lang: Lang) -> String {
    sites
        .iter()
        .map(|s| {
            let q: String = form_urlencoded::byte_serialize(s.as_bytes()).collect();
            if s == chosen {
                format!("<strong>{}</strong>", esc(s))
            } else {
                format!(
                    "<a href=\"/admin/board?site={q}&amp;lang={}\">{}</a>",
                    lang.code(),
                    esc(s)
                )
            }
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// `GET /admin/board?site=..`.
pub async fn page(
    State(state): State<AppState>,
    Admin(s, _): Admin,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let tr = &state.translations;
    let (sites, site) = match sites_and_choice(&state, &query).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let site = site.unwrap_or_default();
    let store = state.store.clone();
    let st = site.clone();
    let (queue, public, days) = match blocking(move || {
        Ok((
            store.posts(&st, &["waiting", "reported"])?,
            store.posts(&st, &["public"])?,
            store.post_days(&st)?,
        ))
    })
    .await
    {
        Ok(v) => v,
        Err(r) => return r,
    };
    let t = |k: &str| esc(&tr.get(lang, k));
    let site_q: String = form_urlencoded::byte_serialize(site.as_bytes()).collect();
    let mut main = done_message(tr, lang, query_value(&query, "done").as_deref());
    main.push_str(&format!("<h1>{}</h1>", t("adminweb-board")));
    main.push_str(&format!("<p>{}</p>", site_links(&sites, &site, lang)));
    main.push_str(&format!(
        "<p><a class=\"action\" href=\"/admin/board.pdf?site={site_q}&amp;lang={l}\">{}</a> \
         <a class=\"action\" href=\"/admin/board.pdf?site={site_q}&amp;lang={l}&amp;new=1\">{}</a></p>\
         <form method=\"post\" action=\"/admin/board/expiry?lang={l}\">{csrf}\
         <input type=\"hidden\" name=\"site\" value=\"{site}\">\
         <label>{} <input name=\"days\" type=\"number\" min=\"1\" max=\"365\" value=\"{days}\"></label> \
         <button class=\"action\" type=\"submit\">{}</button></form>",
        t("adminweb-board-pdf"),
        t("adminweb-board-pdf-new"),
        t("adminweb-board-days"),
        t("adminweb-save"),
        csrf = csrf_field(&s.csrf),
        site = esc(&site),
        l = lang.code(),
    ));
    main.push_str(&format!("<h2>{}</h2>", t("moderate-title")));
    if queue.is_empty() {
        main.push_str(&format!("<p>{}</p>", t("moderate-none")));
    }
    for p in &queue {
        let kind = PostKind::from_id(&p.post.kind).map(|k| tr.get(lang, k.label_key()));
        let cat = Category::from_id(&p.post.category).map(|c| tr.get(lang, &c.label_key()));
        let reported = if p.status == "reported" {
            let n = tr.get_args(lang, "moderate-reported", &[("count", p.reports.into())]);
            format!("<p class=\"tip\">{}</p>", esc(&n))
        } else {
            String::new()
        };
        let form = |fields: &str, button: &str, class: &str| {
            format!(
                "<form method=\"post\" action=\"/admin/board/decide?lang={l}\">{csrf}\
                 <input type=\"hidden\" name=\"id\" value=\"{id}\">\
                 <input type=\"hidden\" name=\"site\" value=\"{site}\">{fields}\
                 <p><button class=\"{class}\" type=\"submit\">{}</button></p></form>",
                t(button),
                csrf = csrf_field(&s.csrf),
                id = esc(&p.post.id),
                site = esc(&site),
                l = lang.code(),
            )
        };
        main.push_str(&format!(
            "<section class=\"card\"><p class=\"muted\">{} · {}</p>{reported}\
             <h3 dir=\"auto\">{}</h3><p dir=\"auto\">{}</p>{}{}{}</section>",
            esc(&kind.unwrap_or_default()),
            esc(&cat.unwrap_or_default()),
            esc(&p.post.title),
            esc(&p.post.text).replace('\n', "<br>"),
            form(
                "<input type=\"hidden\" name=\"decision\" value=\"approve\">",
                "moderate-approve",
                "button"
            ),
            form(
                &format!(
                    "<input type=\"hidden\" name=\"decision\" value=\"approve\">\
                     <details><summary>{}</summary><p><label>{} <input name=\"title\" value=\"{}\" maxlength=\"60\" size=\"50\"></label></p>\
                     <p><label>{} <textarea name=\"text\" maxlength=\"500\" rows=\"4\" cols=\"50\">{}</textarea></label></p></details>",
                    t("adminweb-edit"),
                    t("moderate-edit-title"),
                    esc(&p.post.title),
                    t("moderate-edit-text"),
                    esc(&p.post.text),
                ),
                "moderate-save-approve",
                "action"
            ),
            form(
                &format!(
                    "<input type=\"hidden\" name=\"decision\" value=\"reject\">\
                     <label>{} <input name=\"reason\" required maxlength=\"200\"></label>",
                    t("moderate-reason"),
                ),
                "moderate-reject",
                "danger"
            ),
        ));
    }
    main.push_str(&format!("<h2>{}</h2><ul>", t("adminweb-board-public")));
    for p in public
        .iter()
        .filter(|p| digidak_core::board::on_board(p, now_ms()))
    {
        let until = digidak_core::activities::day_in_words(p.expires_ms.unwrap_or(0), lang);
        main.push_str(&format!(
            "<li><span dir=\"auto\">{}</span> — {}</li>",
            esc(&p.post.title),
            esc(&until)
        ));
    }
    main.push_str("</ul>");
    admin_layout(
        tr,
        lang,
        &format!("/admin/board?site={site_q}"),
        Some(&s.csrf),
        &tr.get(lang, "adminweb-board"),
        axum::http::StatusCode::OK,
        &main,
    )
}

/// Back to the board page with the message of what was done.
fn back(site: &str, lang: Lang, done: &str) -> Response {
    let q: String = form_urlencoded::byte_serialize(site.as_bytes()).collect();
    Redirect::to(&format!(
        "/admin/board?site={q}&lang={}&done={done}",
        lang.code()
    ))
    .into_response()
}

/// `POST /admin/board/decide`: approve (perhaps with corrections) or reject with a reason.
pub async fn decide(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    CsrfForm(session, _, f): CsrfForm,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let get = |k: &str| f.get(k).cloned().filter(|v| !v.is_empty());
    // A rejection with its reason asks first (the poster reads the reason).
    if get("decision").as_deref() == Some("reject")
        && get("reason").is_some()
        && get("confirmed").as_deref() != Some("yes")
    {
        let tr = &state.translations;
        let l = lang.code();
        let site = get("site").unwrap_or_default();
        let id = get("id").unwrap_or_default();
        let reason = get("reason").unwrap_or_default();
        let store = state.store.clone();
        let pid = id.clone();
        let title = match blocking(move || {
            Ok(store
                .posts(&site_of(&*store, &pid)?, &["waiting", "reported"])?
                .into_iter()
                .find(|p| p.post.id == pid)
                .map(|p| p.post.title))
        })
        .await
        {
            Ok(t) => t.unwrap_or_default(),
            Err(r) => return r,
        };
        let q: String = form_urlencoded::byte_serialize(site.as_bytes()).collect();
        return confirm_page(
            tr,
            lang,
            &session.csrf,
            &format!("/admin/board?site={q}"),
            &tr.get(lang, "adminweb-reject-sure"),
            &format!(
                "{title} — {}",
                tr.get_args(
                    lang,
                    "adminweb-reject-reason",
                    &[("reason", reason.clone().into())]
                )
            ),
            &tr.get(lang, "moderate-reject"),
            &format!("/admin/board/decide?lang={l}"),
            &[
                ("id", &id),
                ("site", &site),
                ("decision", "reject"),
                ("reason", &reason),
                ("confirmed", "yes"),
            ],
            &format!("/admin/board?site={q}&lang={l}"),
        );
    }
    let m = PostModerated {
        id: get("id").unwrap_or_default(),
        decision: get("decision").unwrap_or_default(),
        reason: get("reason"),
        title: get("title"),
        text: f.get("text").cloned().filter(|_| f.contains_key("title")),
        category: None,
    };
    let done = if m.decision == "reject" {
        "rejected"
    } else {
        "approved"
    };
    let store = state.store.clone();
    match blocking(move || store.moderate_post(&m, now_ms())).await {
        Ok(()) => {
            tracing::info!("a post was moderated in the admin web");
            back(&get("site").unwrap_or_default(), lang, done)
        }
        Err(r) => r,
    }
}

/// `POST /admin/board/expiry`: how many days posts of a site stay on the board.
pub async fn expiry(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    CsrfForm(_, _, f): CsrfForm,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let site = f.get("site").cloned().unwrap_or_default();
    let Some(days) = f.get("days").and_then(|d| d.trim().parse::<u32>().ok()) else {
        return (
            axum::http::StatusCode::BAD_REQUEST,
            "days must be a whole number",
        )
            .into_response();
    };
    let store = state.store.clone();
    let s = site.clone();
    match blocking(move || store.set_post_days(&s, days)).await {
        Ok(()) => back(&site, lang, "expiry"),
        Err(r) => r,
    }
}

/// The site of a post ("" when unknown).
fn site_of(store: &dyn super::ServerStore, id: &str) -> Result<String, super::ServerError> {
    Ok(store.post_site(id)?.unwrap_or_default())
}

/// The paper board's words in `lang`, from the server's translations.
pub fn labels(tr: &Translations, lang: Lang) -> PaperLabels {
    PaperLabels {
        heading: tr.get(lang, "paper-heading"),
        howto: tr.get(lang, "paper-howto"),
        empty: tr.get(lang, "paper-empty"),
        ask: tr.get(lang, PostKind::Ask.label_key()),
        offer: tr.get(lang, PostKind::Offer.label_key()),
        categories: Category::ALL
            .iter()
            .map(|c| tr.get(lang, &c.label_key()))
            .collect(),
        languages: tr.get(lang, "paper-languages"),
    }
}

/// The paper board of a site's posts on the board now, or (`new_only`) of those approved in
/// the last seven days.
pub fn site_pdf(
    store: &dyn super::ServerStore,
    tr: &Translations,
    lang: Lang,
    site: &str,
    now: i64,
    new_only: bool,
) -> Result<Vec<u8>, super::ServerError> {
    let posts = paper_posts(&store.posts(site, &["public"])?, now, new_only);
    let sub = tr.get_args(
        lang,
        if new_only {
            "paper-week-new"
        } else {
            "paper-week"
        },
        &[
            ("site", site.to_string().into()),
            (
                "date",
                digidak_core::activities::day_in_words(now, lang).into(),
            ),
        ],
    );
    let mut labels = labels(tr, lang);
    if new_only {
        labels.empty = tr.get(lang, "paper-empty-new");
    }
    Ok(render(&paper_board(&posts, &labels, sub)))
}

/// `GET /admin/board.pdf?site=..[&new=1]`.
pub async fn pdf(
    State(state): State<AppState>,
    _admin: Admin,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let site = query_value(&query, "site").unwrap_or_default();
    let new_only = query_value(&query, "new").is_some_and(|v| v == "1");
    let store = state.store.clone();
    let tr = state.translations.clone();
    let make = move || site_pdf(store.as_ref(), &tr, lang, &site, now_ms(), new_only);
    match blocking(make).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "application/pdf"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"board.pdf\"",
                ),
                (header::CACHE_CONTROL, "no-store"),
            ],
            bytes,
        )
            .into_response(),
        Err(r) => r,
    }
}
