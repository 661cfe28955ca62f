//! The admin web's local partners: per site, the partner organisations kiosks show under
//! "Wie kan helpen" (name, what they do, a picture, categories, opening hours per weekday,
//! address, how to reach them); add, change, remove (asking first).

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use super::admin_page::{admin_layout, confirm_page, done_message};
use super::admin_web::{
    Admin, CsrfForm, blocking, csrf_field, lang_of, query_value, sites_and_choice,
};
use super::http::{AppState, now_ms};
use super::pages::esc;
use digidak_core::board::Category;
use digidak_core::lang::Lang;
use digidak_core::partners::{day_text, open_in_words, open_state, parse_day, weekday_name};
use digidak_protocol::PartnerRecord;

/// The pictures an admin can choose as a partner's logo (keys of the shared pictures).
pub const PICTURES: [&str; 14] = [
    "town-hall",
    "health",
    "letter",
    "euro",
    "person",
    "volunteer",
    "phone-call",
    "computer",
    "speech",
    "child",
    "pot",
    "tools",
    "car",
    "coffee",
];

fn site_q(site: &str) -> String {
    form_urlencoded::byte_serialize(site.as_bytes()).collect()
}

/// `GET /admin/partners?site=..[&edit=ID]`.
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
    let list = match blocking(move || store.partners(&st)).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let t = |k: &str| esc(&tr.get(lang, k));
    let l = lang.code();
    let q = site_q(&site);
    let mut main = done_message(tr, lang, query_value(&query, "done").as_deref());
    main.push_str(&format!(
        "<h1>{}</h1><p>{}</p>",
        t("adminweb-partners"),
        t("adminweb-partners-explain")
    ));
    let links: Vec<String> = sites
        .iter()
        .map(|x| {
            if *x == site {
                format!("<strong>{}</strong>", esc(x))
            } else {
                format!(
                    "<a href=\"/admin/partners?site={}&amp;lang={l}\">{}</a>",
                    site_q(x),
                    esc(x)
                )
            }
        })
        .collect();
    main.push_str(&format!("<p>{}</p>", links.join(" · ")));
    main.push_str(&format!(
        "<p><a class=\"action\" href=\"/admin/partners/strengths.pdf?site={q}&amp;lang={l}\">{}</a> \
         <a class=\"action\" href=\"/buurt/{site}?lang={l}\">{}</a></p>",
        t("adminweb-strengths-pdf"),
        t("strengths-title"),
        site = esc(&site),
    ));
    if list.is_empty() {
        main.push_str(&format!("<p>{}</p>", t("adminweb-partner-none")));
    }
    let now = now_ms();
    for p in &list {
        let cats: Vec<String> = p
            .categories
            .iter()
            .filter_map(|c| Category::from_id(c))
            .map(|c| tr.get(lang, &c.label_key()))
            .collect();
        let week = digidak_core::partners::week_in_words(&p.hours, lang).join("<br>");
        main.push_str(&format!(
            "<section class=\"card\"><h2 dir=\"auto\">{name}</h2><p dir=\"auto\">{desc}</p>\
             <p class=\"muted\">{cats}</p><p><strong>{open}</strong><br>{week}</p>\
             <p dir=\"auto\">{addr}</p><p dir=\"auto\">{contact}</p>\
             <p><a class=\"action\" href=\"/admin/partners?site={q}&amp;edit={id}&amp;lang={l}#form\">{edit}</a></p>{logo}\
             <details><summary>{account}</summary>\
             <form method=\"post\" action=\"/admin/partners/account?lang={l}\">{csrf}\
             <input type=\"hidden\" name=\"id\" value=\"{id}\">\
             <p><label>{login_l}<br><input name=\"login\" required maxlength=\"64\" autocomplete=\"off\"></label></p>\
             <p><label>{pw_l}<br><input name=\"password\" type=\"password\" required minlength=\"10\" autocomplete=\"new-password\"></label></p>\
             <p><button class=\"action\" type=\"submit\">{save}</button></p></form></details>\
             <form method=\"post\" action=\"/admin/partners/remove?lang={l}\">{csrf}\
             <input type=\"hidden\" name=\"id\" value=\"{id}\">\
             <button class=\"danger\" type=\"submit\">{remove}</button></form></section>",
            name = esc(&p.name),
            desc = esc(&p.description).replace('\n', "<br>"),
            cats = esc(&cats.join(", ")),
            open = esc(&open_in_words(tr, lang, open_state(&p.hours, now))),
            addr = esc(&p.address),
            contact = esc(&p.contact),
            id = esc(&p.id),
            edit = t("adminweb-partner-edit"),
            remove = t("adminweb-partner-remove"),
            csrf = csrf_field(&s.csrf),
            account = t("adminweb-partner-account"),
            login_l = t("adminweb-name"),
            pw_l = t("adminweb-partner-password"),
            save = t("adminweb-save"),
            logo = logo_forms(tr, lang, &s.csrf, p),
        ));
    }
    main.push_str(&logins_section(&state, lang, &s.csrf, &site).await);
    let editing = query_value(&query, "edit").and_then(|id| list.iter().find(|p| p.id == id));
    // The sites it serves (a new partner: this one).
    let served = match editing {
        Some(p) => {
            let store = state.store.clone();
            let id = p.id.clone();
            match blocking(move || store.partner_sites(&id)).await {
                Ok(v) => v.join(", "),
                Err(r) => return r,
            }
        }
        None => site.clone(),
    };
    main.push_str(&form(tr, lang, &s.csrf, &site, &served, editing));
    admin_layout(
        tr,
        lang,
        &format!("/admin/partners?site={q}"),
        Some(&s.csrf),
        &tr.get(lang, "adminweb-partners"),
        StatusCode::OK,
        &main,
    )
}

/// A partner's logo: the one it has (with a button that takes it away), and a form to upload
/// one (PNG or JPEG).
fn logo_forms(
    tr: &digidak_core::i18n::Translations,
    lang: Lang,
    csrf: &str,
    p: &PartnerRecord,
) -> String {
    let t = |k: &str| esc(&tr.get(lang, k));
    let l = lang.code();
    let mut out = format!("<h3>{}</h3>", t("adminweb-partner-logo"));
    if p.logo.is_empty() {
        out.push_str(&format!(
            "<p class=\"muted\">{}</p>",
            t("adminweb-partner-logo-none")
        ));
    } else {
        out.push_str(&format!(
            "<p><img src=\"/partner-logo/{hash}\" alt=\"{alt}\" width=\"96\" height=\"96\" \
             style=\"object-fit:contain\"></p>\
             <form method=\"post\" action=\"/admin/partners/logo/remove?lang={l}\">{csrf}\
             <input type=\"hidden\" name=\"id\" value=\"{id}\">\
             <button type=\"submit\">{remove}</button></form>",
            hash = esc(&p.logo),
            alt = t("adminweb-partner-logo"),
            csrf = csrf_field(csrf),
            id = esc(&p.id),
            remove = t("adminweb-partner-logo-remove"),
        ));
    }
    out.push_str(&format!(
        "<form method=\"post\" action=\"/admin/partners/logo?lang={l}\" enctype=\"multipart/form-data\">{csrf}\
         <input type=\"hidden\" name=\"id\" value=\"{id}\">\
         <p><label>{upload}<br><input type=\"file\" name=\"logo\" accept=\"image/png,image/jpeg\" required></label></p>\
         <p><button class=\"action\" type=\"submit\">{send}</button></p></form>",
        csrf = csrf_field(csrf),
        id = esc(&p.id),
        upload = t("adminweb-partner-logo-upload"),
        send = t("adminweb-partner-logo-send"),
    ));
    out
}

/// Why an upload was refused, in the admin's language.
fn logo_problem(
    tr: &digidak_core::i18n::Translations,
    lang: Lang,
    problem: &digidak_core::logo::LogoProblem,
) -> String {
    use digidak_core::logo::{LogoProblem, MAX_LOGO_BYTES, MAX_LOGO_SIDE};
    let args = |pairs: &[(&'static str, String)]| {
        pairs
            .iter()
            .map(|(k, v)| (*k, digidak_core::i18n::FluentValue::from(v.clone())))
            .collect::<Vec<_>>()
    };
    let (key, a) = match problem {
        LogoProblem::Empty => ("adminweb-logo-empty", vec![]),
        LogoProblem::TooBig { kb } => (
            "adminweb-logo-too-big",
            args(&[
                ("kb", kb.to_string()),
                ("max", (MAX_LOGO_BYTES / 1024).to_string()),
            ]),
        ),
        LogoProblem::NotAPicture => ("adminweb-logo-not-a-picture", vec![]),
        LogoProblem::TooManyPixels { width, height } => (
            "adminweb-logo-too-many-pixels",
            args(&[
                ("width", width.to_string()),
                ("height", height.to_string()),
                ("max", MAX_LOGO_SIDE.to_string()),
            ]),
        ),
        LogoProblem::Broken(_) => ("adminweb-logo-broken", vec![]),
    };
    tr.get_args(lang, key, &a)
}

/// A refused logo: the reason in the admin's words (never a 5xx), and the way back.
fn logo_refused(
    state: &AppState,
    lang: Lang,
    site: &str,
    status: StatusCode,
    why: &str,
) -> Response {
    let tr = &state.translations;
    let title = tr.get(lang, "adminweb-partner-logo-refused");
    let main = format!(
        "<h1>{}</h1><p class=\"tip\" role=\"alert\">{}</p>\
         <p><a class=\"button\" href=\"/admin/partners?site={}&amp;lang={}\">{}</a></p>",
        esc(&title),
        esc(why),
        site_q(site),
        lang.code(),
        esc(&tr.get(lang, "adminweb-partners")),
    );
    admin_layout(tr, lang, "/admin/partners", None, &title, status, &main)
}

/// `POST /admin/partners/logo` (multipart: `csrf`, `id`, the file `logo`): checks the upload
/// (`digidak_core::logo::prepare_logo`: PNG or JPEG, at most 1 MiB and 4096 px a side, read
/// from its header before decoding), stores the small PNG made of it and sends the partner to
/// its kiosks again. Every refusal is a page with the reason (4xx).
pub async fn logo(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    multipart: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let (session, _) = match super::admin_web::session(&state, &headers).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let tr = &state.translations;
    let too_big = || {
        logo_problem(
            tr,
            lang,
            &digidak_core::logo::LogoProblem::TooBig {
                kb: 2 * super::http::MAX_BODY_BYTES / 1024,
            },
        )
    };
    let mut multipart = match multipart {
        Ok(m) => m,
        Err(_) => {
            let why = tr.get(lang, "adminweb-logo-not-a-picture");
            return logo_refused(&state, lang, "", StatusCode::BAD_REQUEST, &why);
        }
    };
    let (mut csrf, mut id, mut file) = (String::new(), String::new(), None);
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => {
                let (status, why) = if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    (StatusCode::PAYLOAD_TOO_LARGE, too_big())
                } else {
                    (
                        StatusCode::BAD_REQUEST,
                        tr.get(lang, "adminweb-logo-not-a-picture"),
                    )
                };
                return logo_refused(&state, lang, "", status, &why);
            }
        };
        let name = field.name().unwrap_or_default().to_string();
        let bytes = match field.bytes().await {
            Ok(b) => b,
            Err(e) => {
                let status = if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    StatusCode::PAYLOAD_TOO_LARGE
                } else {
                    StatusCode::BAD_REQUEST
                };
                return logo_refused(&state, lang, "", status, &too_big());
            }
        };
        let text = || String::from_utf8_lossy(&bytes).into_owned();
        match name.as_str() {
            "csrf" => csrf = text(),
            "id" => id = text(),
            "logo" => file = Some(bytes.to_vec()),
            _ => {}
        }
    }
    if csrf != session.csrf {
        return super::admin_web::refused_csrf(&state, lang);
    }
    let store = state.store.clone();
    let pid = id.clone();
    let Some((site, _)) = (match blocking(move || store.partner(&pid)).await {
        Ok(v) => v,
        Err(r) => return r,
    }) else {
        return (StatusCode::NOT_FOUND, "no such partner").into_response();
    };
    // Decoded and scaled here, off the async threads and before the write transaction.
    let upload = file.unwrap_or_default();
    let made = match tokio::task::spawn_blocking(move || digidak_core::logo::prepare_logo(&upload))
        .await
    {
        Ok(r) => r,
        Err(_) => Err(digidak_core::logo::LogoProblem::Broken("panicked".into())),
    };
    let logo = match made {
        Ok(l) => l,
        Err(problem) => {
            tracing::info!(%problem, "a partner's logo upload was refused");
            let status = if matches!(problem, digidak_core::logo::LogoProblem::TooBig { .. }) {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::BAD_REQUEST
            };
            let why = logo_problem(tr, lang, &problem);
            return logo_refused(&state, lang, &site, status, &why);
        }
    };
    let store = state.store.clone();
    match blocking(move || store.set_partner_logo(&id, Some(&logo), now_ms())).await {
        Ok(_) => back(&site, lang, "saved"),
        Err(r) => r,
    }
}

/// `POST /admin/partners/logo/remove`: the partner shows its category picture again.
pub async fn logo_remove(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    CsrfForm(_, _, f): CsrfForm,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let id = f.get("id").cloned().unwrap_or_default();
    let store = state.store.clone();
    match blocking(move || store.set_partner_logo(&id, None, now_ms())).await {
        Ok(p) => {
            let store = state.store.clone();
            let id = p.id.clone();
            match blocking(move || store.partner(&id)).await {
                Ok(Some((site, _))) => back(&site, lang, "saved"),
                Ok(None) => (StatusCode::NOT_FOUND, "no such partner").into_response(),
                Err(r) => r,
            }
        }
        Err(r) => r,
    }
}

/// The site's partner logins: login, partner, last login (never a password or hash), each
/// with a button that revokes it (asking first).
async fn logins_section(state: &AppState, lang: Lang, csrf: &str, site: &str) -> String {
    let tr = &state.translations;
    let t = |k: &str| esc(&tr.get(lang, k));
    let store = state.store.clone();
    let st = site.to_string();
    let logins = match blocking(move || store.partner_logins(Some(&st))).await {
        Ok(v) => v,
        Err(_) => return String::new(),
    };
    let mut out = format!("<h2 id=\"logins\">{}</h2>", t("adminweb-partner-logins"));
    if logins.is_empty() {
        out.push_str(&format!("<p>{}</p>", t("adminweb-partner-logins-none")));
        return out;
    }
    let l = lang.code();
    let rows: Vec<Vec<String>> = logins
        .iter()
        .map(|a| {
            vec![
                esc(&a.login),
                format!("<span dir=\"auto\">{}</span>", esc(&a.partner_name)),
                match a.last_login_ms {
                    Some(ms) => esc(&digidak_core::activities::local_now(ms).replace('T', " ")),
                    None => t("adminweb-partner-login-never"),
                },
                format!(
                    "<form method=\"post\" action=\"/admin/partners/login/revoke?lang={l}\">{}\
                     <input type=\"hidden\" name=\"login\" value=\"{}\">\
                     <button class=\"danger\" type=\"submit\">{}</button></form>",
                    csrf_field(csrf),
                    esc(&a.login),
                    t("adminweb-partner-login-revoke"),
                ),
            ]
        })
        .collect();
    out.push_str(&super::admin_page::table(
        &[
            t("adminweb-partner-login-name"),
            t("adminweb-partner-login-partner"),
            t("adminweb-partner-login-last"),
            "!".to_string(),
        ],
        &rows,
    ));
    out
}

/// `POST /admin/partners/login/revoke`: asks first, then removes the login; its sessions end
/// at once.
pub async fn login_revoke(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    CsrfForm(session, _, f): CsrfForm,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let tr = &state.translations;
    let login = f.get("login").cloned().unwrap_or_default();
    let store = state.store.clone();
    let found = match blocking(move || store.partner_logins(None)).await {
        Ok(v) => v.into_iter().find(|a| a.login == login),
        Err(r) => return r,
    };
    let Some(account) = found else {
        return (StatusCode::NOT_FOUND, "no such login").into_response();
    };
    let l = lang.code();
    let q = site_q(&account.site);
    if f.get("confirmed").map(String::as_str) != Some("yes") {
        return confirm_page(
            tr,
            lang,
            &session.csrf,
            &format!("/admin/partners?site={q}"),
            &tr.get(lang, "adminweb-partner-login-revoke-sure"),
            &format!("{} ({})", account.login, account.partner_name),
            &tr.get(lang, "adminweb-partner-login-revoke"),
            &format!("/admin/partners/login/revoke?lang={l}"),
            &[("login", &account.login), ("confirmed", "yes")],
            &format!("/admin/partners?site={q}&lang={l}#logins"),
        );
    }
    let store = state.store.clone();
    let login = account.login.clone();
    match blocking(move || store.revoke_partner_login(&login)).await {
        Ok(_) => back(&account.site, lang, "removed"),
        Err(r) => r,
    }
}

/// The add / change form.
fn form(
    tr: &digidak_core::i18n::Translations,
    lang: Lang,
    csrf: &str,
    site: &str,
    served: &str,
    p: Option<&PartnerRecord>,
) -> String {
    let t = |k: &str| esc(&tr.get(lang, k));
    let value = |f: fn(&PartnerRecord) -> &str| esc(p.map_or("", f));
    let mut pictures = format!(
        "<option value=\"\">{}</option>",
        t("adminweb-partner-no-picture")
    );
    for key in PICTURES {
        let sel = if p.is_some_and(|p| p.picture == key) {
            " selected"
        } else {
            ""
        };
        pictures.push_str(&format!("<option value=\"{key}\"{sel}>{key}</option>"));
    }
    let mut cats = String::new();
    for c in Category::ALL {
        let checked = if p.is_some_and(|p| p.categories.iter().any(|x| x == c.id())) {
            " checked"
        } else {
            ""
        };
        cats.push_str(&format!(
            "<label><input type=\"checkbox\" name=\"cat-{id}\" value=\"1\"{checked}> {}</label><br>",
            esc(&tr.get(lang, &c.label_key())),
            id = c.id(),
        ));
    }
    let mut days = String::new();
    for d in 0..7u8 {
        days.push_str(&format!(
            "<p><label>{} <input name=\"day-{d}\" value=\"{}\" maxlength=\"60\" size=\"28\" placeholder=\"9:00-12:00 13:00-17:00\"></label></p>",
            esc(weekday_name(lang, d)),
            esc(&p.map(|p| day_text(&p.hours, d)).unwrap_or_default()),
        ));
    }
    format!(
        "<section class=\"card here\" id=\"form\"><h2>{title}</h2>\
         <form method=\"post\" action=\"/admin/partners/save?lang={l}\">{csrf}\
         <input type=\"hidden\" name=\"site\" value=\"{site}\">\
         <input type=\"hidden\" name=\"id\" value=\"{id}\">\
         <p><label>{name_l}<br><input name=\"name\" value=\"{name}\" required maxlength=\"80\" size=\"40\"></label></p>\
         <p><label>{desc_l}<br><textarea name=\"description\" maxlength=\"300\" rows=\"3\" cols=\"50\" style=\"max-width:100%\">{desc}</textarea></label></p>\
         <p><label>{pic_l} <select name=\"picture\">{pictures}</select></label></p>\
         <fieldset><legend>{cats_l}</legend>{cats}</fieldset>\
         <fieldset><legend>{hours_l}</legend>{days}</fieldset>\
         <p><label>{addr_l}<br><input name=\"address\" value=\"{addr}\" maxlength=\"120\" size=\"50\"></label></p>\
         <p><label>{contact_l}<br><input name=\"contact\" value=\"{contact}\" maxlength=\"120\" size=\"50\"></label></p>\
         <p><label><input type=\"checkbox\" name=\"trusted\" value=\"1\"{trusted}> {trusted_l}</label></p>\
         <p><label>{sites_l}<br><input name=\"sites\" value=\"{served}\" maxlength=\"400\" size=\"50\"></label></p>\
         <p><button class=\"button\" type=\"submit\">{save}</button></p></form></section>",
        title = if p.is_some() {
            t("adminweb-partner-edit")
        } else {
            t("adminweb-partner-new")
        },
        l = lang.code(),
        csrf = csrf_field(csrf),
        site = esc(site),
        id = value(|p| &p.id),
        name_l = t("adminweb-partner-name"),
        name = value(|p| &p.name),
        desc_l = t("adminweb-partner-description"),
        desc = value(|p| &p.description),
        pic_l = t("adminweb-partner-picture"),
        cats_l = t("adminweb-partner-categories"),
        hours_l = t("adminweb-partner-hours"),
        addr_l = t("partners-address"),
        addr = value(|p| &p.address),
        contact_l = t("adminweb-partner-contact"),
        contact = value(|p| &p.contact),
        save = t("adminweb-save"),
        trusted = if p.is_some_and(|p| p.trusted) {
            " checked"
        } else {
            ""
        },
        trusted_l = t("adminweb-partner-trusted"),
        sites_l = t("adminweb-partner-sites"),
        served = esc(served),
    )
}

fn back(site: &str, lang: Lang, done: &str) -> Response {
    Redirect::to(&format!(
        "/admin/partners?site={}&lang={}&done={done}",
        site_q(site),
        lang.code()
    ))
    .into_response()
}

/// `POST /admin/partners/save`: add or change a partner.
pub async fn save(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    CsrfForm(_, _, f): CsrfForm,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let get = |k: &str| f.get(k).cloned().unwrap_or_default();
    let site = get("site");
    let mut hours = Vec::new();
    for d in 0..7u8 {
        match parse_day(d, &get(&format!("day-{d}"))) {
            Ok(mut h) => hours.append(&mut h),
            Err(e) => {
                let msg = format!("{}: {e}", weekday_name(lang, d));
                return (StatusCode::BAD_REQUEST, msg).into_response();
            }
        }
    }
    let p = PartnerRecord {
        id: get("id"),
        name: get("name"),
        description: get("description"),
        picture: get("picture"),
        categories: Category::ALL
            .iter()
            .filter(|c| f.contains_key(&format!("cat-{}", c.id())))
            .map(|c| c.id().to_string())
            .collect(),
        hours,
        address: get("address"),
        contact: get("contact"),
        deleted: false,
        trusted: f.contains_key("trusted"),
        // An uploaded logo stays: saving keeps the stored one (`partners::save`).
        logo: String::new(),
    };
    // The sites it serves (the form's field; left out or empty: as they were).
    let served = get("sites");
    let store = state.store.clone();
    let st = site.clone();
    match blocking(move || {
        let saved = store.save_partner(&st, &p, now_ms())?;
        if !served.trim().is_empty() {
            let list = super::partners::parse_sites(&served)?;
            store.set_partner_sites(&saved.id, &list, now_ms())?;
        }
        Ok(())
    })
    .await
    {
        Ok(()) => back(&site, lang, "saved"),
        Err(r) => r,
    }
}

/// `POST /admin/partners/remove`: asks first, then removes (kiosks forget the partner).
pub async fn remove(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    CsrfForm(session, _, f): CsrfForm,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let tr = &state.translations;
    let id = f.get("id").cloned().unwrap_or_default();
    let store = state.store.clone();
    let pid = id.clone();
    let Some((site, p)) = (match blocking(move || store.partner(&pid)).await {
        Ok(v) => v,
        Err(r) => return r,
    }) else {
        return (StatusCode::NOT_FOUND, "no such partner").into_response();
    };
    let l = lang.code();
    if f.get("confirmed").map(String::as_str) != Some("yes") {
        let q = site_q(&site);
        return confirm_page(
            tr,
            lang,
            &session.csrf,
            &format!("/admin/partners?site={q}"),
            &tr.get(lang, "adminweb-partner-remove-sure"),
            &p.name,
            &tr.get(lang, "adminweb-partner-remove"),
            &format!("/admin/partners/remove?lang={l}"),
            &[("id", &id), ("confirmed", "yes")],
            &format!("/admin/partners?site={q}&lang={l}"),
        );
    }
    let store = state.store.clone();
    match blocking(move || store.remove_partner(&id, now_ms())).await {
        Ok(_) => back(&site, lang, "removed"),
        Err(r) => r,
    }
}

/// `GET /admin/partners/strengths.pdf?site=..`: "Wat onze buurt kan" on an A4.
pub async fn strengths_pdf(
    State(state): State<AppState>,
    _admin: Admin,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let site = query_value(&query, "site").unwrap_or_default();
    let store = state.store.clone();
    let tr = state.translations.clone();
    let make =
        move || super::partner_pages::strengths_pdf(store.as_ref(), &tr, lang, &site, now_ms());
    match blocking(make).await {
        Ok(bytes) => (
            [
                (axum::http::header::CONTENT_TYPE, "application/pdf"),
                (
                    axum::http::header::CONTENT_DISPOSITION,
                    "attachment; filename=\"buurt.pdf\"",
                ),
                (axum::http::header::CACHE_CONTROL, "no-store"),
            ],
            bytes,
        )
            .into_response(),
        Err(r) => r,
    }
}

/// `POST /admin/partners/account`: a login for a partner to `/admin/p` (or a new password for
/// it: its sessions end).
pub async fn account(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    CsrfForm(_, _, f): CsrfForm,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let id = f.get("id").cloned().unwrap_or_default();
    let login = f.get("login").cloned().unwrap_or_default();
    let password = f.get("password").cloned().unwrap_or_default();
    let hash = match super::admin_web::hash_password(&password) {
        Ok(h) => h,
        Err(e) => return (StatusCode::BAD_REQUEST, e).into_response(),
    };
    let store = state.store.clone();
    match blocking(move || {
        let (site, _) = store
            .partner(&id)?
            .ok_or_else(|| super::ServerError::BadRequest("no such partner".into()))?;
        store.set_partner_account(&login, &id, &hash, now_ms())?;
        Ok(site)
    })
    .await
    {
        Ok(site) => back(&site, lang, "saved"),
        Err(r) => r,
    }
}
