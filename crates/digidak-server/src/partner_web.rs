//! The partners' part of the admin web (`/admin/p`): a local partner logs in with its own
//! account (made by an admin: `digidak-server partner account`) and sees only its own part:
//! its offers on the board of one of its sites (with its badge; moderated unless trusted) and the replies
//! residents wrote to them, the asks residents chose to send to it, answered through the
//! post's code (the resident reads the answer at a kiosk or on the phone page). Never a
//! resident's name or phone number beyond what a resident wrote in a reply to it.
//!
//! Sessions, CSRF and login limits work as for admins ([`super::admin_web`]): a session
//! cookie of its own (`dd_partner`, the admins' pages do not take it), a CSRF token in every
//! form, the same limiter (per login and per address), the same slowing of wrong passwords.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use super::admin_page::admin_layout;
use super::admin_web::{
    FAILURE_DELAY, SESSION_MS, blocking, cookie, cookies_refused, csrf_field, form, lang_of,
    query_value, refused_csrf, set_cookie, stand_in_hash, unavailable, verify_password,
};
use super::http::{AppState, ClientIp, now_ms};
use super::pages::esc;
use super::partner_store::{InboxPost, PartnerSession};
use super::{hash_secret, random_hex};
use digidak_core::board::{Category, MESSAGE_MAX};
use digidak_core::i18n::Translations;
use digidak_core::lang::Lang;

const SESSION_COOKIE: &str = "dd_partner";
const LOGIN_COOKIE: &str = "dd_plogin";

fn to_login() -> Response {
    Redirect::to("/admin/p/login").into_response()
}

/// The partner session of a request, or a redirect to the partners' login.
async fn session(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<(PartnerSession, String), Response> {
    let Some(token) = cookie(headers, SESSION_COOKIE) else {
        return Err(to_login());
    };
    let hash = hash_secret(&token);
    let store = state.store.clone();
    let h = hash.clone();
    let now = state.clock.unix_ms();
    let idle = state.admin_idle.as_millis() as i64;
    match tokio::task::spawn_blocking(move || store.use_partner_session(&h, now, idle, SESSION_MS))
        .await
    {
        Ok(Ok(Some(s))) => Ok((s, hash)),
        Ok(Ok(None)) => Err(to_login()),
        _ => Err(unavailable()),
    }
}

/// A partner's page request, as an axum extractor.
pub struct Partner(pub PartnerSession);

impl axum::extract::FromRequestParts<AppState> for Partner {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Response> {
        Ok(Partner(session(state, &parts.headers).await?.0))
    }
}

/// A partner's posted form, after its CSRF token: (session, token hash, fields).
pub struct PartnerForm(
    pub PartnerSession,
    pub String,
    pub std::collections::HashMap<String, String>,
);

impl axum::extract::FromRequest<AppState> for PartnerForm {
    type Rejection = Response;

    async fn from_request(req: axum::extract::Request, state: &AppState) -> Result<Self, Response> {
        let headers = req.headers().clone();
        let body = Bytes::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let (s, hash) = session(state, &headers).await?;
        let f = form(&body);
        if f.get("csrf") != Some(&s.csrf) {
            return Err(refused_csrf(state, lang_of(state, &None, &headers)));
        }
        Ok(PartnerForm(s, hash, f))
    }
}

/// A partner's page: the admin web's look, without the admins' pages.
fn layout(
    tr: &Translations,
    lang: Lang,
    csrf: Option<&str>,
    title: &str,
    status: StatusCode,
    main: &str,
) -> Response {
    let logout = csrf
        .map(|c| {
            format!(
                "<form method=\"post\" action=\"/admin/p/logout\">{}<button type=\"submit\">{}</button></form>",
                csrf_field(c),
                esc(&tr.get(lang, "adminweb-logout"))
            )
        })
        .unwrap_or_default();
    admin_layout(
        tr,
        lang,
        "/admin/p",
        None,
        title,
        status,
        &format!("{logout}{main}"),
    )
}

/// `GET /admin/p/login`.
pub async fn login_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let notice =
        cookies_refused(&headers).then(|| state.translations.get(lang, "adminweb-plain-http"));
    login_form(&state, lang, StatusCode::OK, notice.as_deref())
}

fn login_form(state: &AppState, lang: Lang, status: StatusCode, message: Option<&str>) -> Response {
    let tr = &state.translations;
    let token = random_hex(16);
    let title = tr.get(lang, "partnerweb-login-title");
    let main = format!(
        "<h1>{title}</h1>{msg}<form method=\"post\" action=\"/admin/p/login?lang={l}\">{csrf}\
         <p><label>{label}<br><input name=\"name\" autocomplete=\"username\" required></label></p>\
         <p><label>{pw}<br><input name=\"password\" type=\"password\" autocomplete=\"current-password\" required></label></p>\
         <p><button class=\"button\" type=\"submit\">{go}</button></p></form>",
        title = esc(&title),
        msg = message
            .map(|m| format!("<p class=\"tip\" role=\"alert\">{}</p>", esc(m)))
            .unwrap_or_default(),
        l = lang.code(),
        csrf = csrf_field(&token),
        label = esc(&tr.get(lang, "adminweb-name")),
        pw = esc(&tr.get(lang, "adminweb-password")),
        go = esc(&tr.get(lang, "adminweb-login")),
    );
    let mut resp = layout(tr, lang, None, &title, status, &main);
    set_cookie(&mut resp, LOGIN_COOKIE, &token, 3600);
    resp
}

/// `POST /admin/p/login`.
pub async fn login(
    State(state): State<AppState>,
    ClientIp(from): ClientIp,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let tr = &state.translations;
    let f = form(&body);
    let name = digidak_core::text::clean_line(f.get("name").map_or("", String::as_str), 64);
    let expected = cookie(&headers, LOGIN_COOKIE);
    if expected.is_none() || f.get("csrf") != expected.as_ref() {
        let msg = tr.get(lang, "adminweb-form-expired");
        return login_form(&state, lang, StatusCode::FORBIDDEN, Some(&msg));
    }
    let password = f.get("password").cloned().unwrap_or_default();
    let wrong = |state: &AppState| {
        login_form(
            state,
            lang,
            StatusCode::UNAUTHORIZED,
            Some(&state.translations.get(lang, "adminweb-wrong")),
        )
    };
    if name.is_empty() || password.len() > 1024 {
        return wrong(&state);
    }
    // The admins' limiter, under a name of its own kind: a partner's login cannot lock an
    // admin's of the same name.
    let key = format!("partner:{name}");
    let counted = match super::admin_web::count_login(&state, &key, from).await {
        Ok(counted) => counted,
        Err(page) => return page,
    };
    if !counted {
        tracing::warn!("partner login refused: too many tries");
        tokio::time::sleep(FAILURE_DELAY).await;
        let msg = tr.get(lang, "adminweb-locked");
        return login_form(&state, lang, StatusCode::TOO_MANY_REQUESTS, Some(&msg));
    }
    let store = state.store.clone();
    let who = name.clone();
    let partner = tokio::task::spawn_blocking(move || {
        let account = store.partner_account(&who).ok().flatten();
        let hash = account
            .as_ref()
            .map_or(stand_in_hash(), |(h, _)| h.as_str());
        let checked = verify_password(hash, &password);
        account.filter(|_| checked).map(|(_, p)| p)
    })
    .await
    .ok()
    .flatten();
    let Some(partner_id) = partner else {
        tracing::warn!("failed partner login");
        tokio::time::sleep(FAILURE_DELAY).await;
        return wrong(&state);
    };
    super::admin_web::login_succeeded(&state, &key, from).await;
    let token = random_hex(32);
    let now = state.clock.unix_ms();
    let s = PartnerSession {
        login: name,
        partner_id,
        csrf: random_hex(16),
        created_ms: now,
        expires_ms: now + (state.admin_idle.as_millis() as i64).min(SESSION_MS),
    };
    let store = state.store.clone();
    let hash = hash_secret(&token);
    let saved = tokio::task::spawn_blocking(move || store.create_partner_session(&s, &hash)).await;
    if !matches!(saved, Ok(Ok(()))) {
        return unavailable();
    }
    tracing::info!("partner logged in");
    let mut resp = Redirect::to(&format!("/admin/p?lang={}", lang.code())).into_response();
    set_cookie(&mut resp, SESSION_COOKIE, &token, SESSION_MS / 1000);
    set_cookie(&mut resp, LOGIN_COOKIE, "", 0);
    resp
}

/// `POST /admin/p/logout`.
pub async fn logout(
    State(state): State<AppState>,
    PartnerForm(_, hash, _): PartnerForm,
) -> Response {
    let store = state.store.clone();
    let _ = tokio::task::spawn_blocking(move || store.end_partner_session(&hash)).await;
    let mut resp = to_login();
    set_cookie(&mut resp, SESSION_COOKIE, "", 0);
    resp
}

fn replies_html(tr: &Translations, lang: Lang, p: &InboxPost) -> String {
    if p.replies.is_empty() {
        return format!(
            "<p class=\"muted\">{}</p>",
            esc(&tr.get(lang, "partnerweb-no-replies"))
        );
    }
    let mut out = String::from("<ul>");
    for r in &p.replies {
        out.push_str(&format!(
            "<li><span dir=\"auto\">{}</span>{}</li>",
            esc(&r.message).replace('\n', "<br>"),
            r.contact
                .as_ref()
                .map(|c| format!(" — <span dir=\"auto\">{}</span>", esc(c)))
                .unwrap_or_default()
        ));
    }
    out.push_str("</ul>");
    out
}

fn status_words(tr: &Translations, lang: Lang, status: &str) -> String {
    tr.get(lang, &format!("partnerweb-status-{status}"))
}

/// `GET /admin/p`: the partner's inbox and the offer form.
pub async fn inbox(
    State(state): State<AppState>,
    Partner(s): Partner,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let tr = &state.translations;
    let store = state.store.clone();
    let pid = s.partner_id.clone();
    let Some((inbox, signals)) = (match blocking(move || {
        Ok(store
            .partner_inbox(&pid)?
            .map(|i| (i, store.open_signals(&pid))))
    })
    .await
    {
        Ok(v) => v,
        Err(r) => return r,
    }) else {
        return to_login();
    };
    let signals = match signals {
        Ok(s) => s,
        Err(_) => return unavailable(),
    };
    let t = |k: &str| esc(&tr.get(lang, k));
    let l = lang.code();
    let mut main = String::new();
    if let Some(done) = query_value(&query, "done")
        .filter(|d| ["offered", "answered", "handled"].contains(&d.as_str()))
    {
        main.push_str(&format!(
            "<p class=\"done\" role=\"status\">{}</p>",
            t(&format!("partnerweb-done-{done}"))
        ));
    }
    main.push_str(&format!(
        "<h1>{}</h1><p class=\"muted\">{} · {}</p>",
        esc(&inbox.partner.name),
        t("partners-badge"),
        esc(&inbox.sites.join(", "))
    ));
    // A partner on several sites sees each post's site.
    let several = inbox.sites.len() > 1;
    let site_of = |site: &str| {
        if several {
            format!(" · {}", esc(site))
        } else {
            String::new()
        }
    };
    // Care signals volunteers passed on with the resident's consent.
    main.push_str(&format!("<h2>{}</h2>", t("partnerweb-signals")));
    if signals.is_empty() {
        main.push_str(&format!("<p>{}</p>", t("partnerweb-no-signals")));
    }
    for g in &signals {
        let language = Lang::from_code(&g.lang)
            .map(|x| tr.get(x, "language-name"))
            .unwrap_or_default();
        let button = |outcome: &str, key: &str| {
            format!(
                "<form method=\"post\" action=\"/admin/p/signal?lang={l}\">{csrf}\
                 <input type=\"hidden\" name=\"id\" value=\"{id}\">\
                 <input type=\"hidden\" name=\"outcome\" value=\"{outcome}\">\
                 <button class=\"button\" type=\"submit\">{}</button></form>",
                t(key),
                csrf = csrf_field(&s.csrf),
                id = esc(&g.id),
            )
        };
        main.push_str(&format!(
            "<section class=\"card\"><p class=\"muted\">{kind} · {day} · {language}</p>\
             <p dir=\"auto\">{note}</p><p><strong dir=\"ltr\">{phone}</strong></p>\
             <p class=\"actions\">{contact} {referred}</p></section>",
            kind = esc(&tr.get(lang, &format!("signal-kind-{}", g.kind))),
            day = esc(&digidak_core::activities::day_in_words(g.created_ms, lang)),
            language = esc(&language),
            note = esc(&g.note).replace('\n', "<br>"),
            phone = esc(g.phone.as_deref().unwrap_or("")),
            contact = button("contact", "partnerweb-signal-contact"),
            referred = button("referred", "partnerweb-signal-referred"),
        ));
    }
    // The asks residents sent to it, each with its answers and a field to answer.
    main.push_str(&format!("<h2>{}</h2>", t("partnerweb-asks")));
    if inbox.asks.is_empty() {
        main.push_str(&format!("<p>{}</p>", t("partnerweb-no-asks")));
    }
    for a in &inbox.asks {
        main.push_str(&format!(
            "<section class=\"card\" id=\"ask-{id}\"><p class=\"muted\">{cat} · {status}{site}</p>\
             <h3 dir=\"auto\">{title}</h3><p dir=\"auto\">{text}</p>{replies}\
             <form method=\"post\" action=\"/admin/p/answer?lang={l}\">{csrf}\
             <input type=\"hidden\" name=\"post\" value=\"{id}\">\
             <p><label>{answer_l}<br><textarea name=\"message\" required maxlength=\"{max}\" rows=\"3\" cols=\"50\" style=\"max-width:100%\"></textarea></label></p>\
             <p><button class=\"button\" type=\"submit\">{send}</button></p></form></section>",
            id = esc(&a.post.post.id),
            cat = esc(&category_words(tr, lang, &a.post.post.category)),
            status = esc(&status_words(tr, lang, &a.post.status)),
            site = site_of(&a.site),
            title = esc(&a.post.post.title),
            text = esc(&a.post.post.text).replace('\n', "<br>"),
            replies = replies_html(tr, lang, a),
            csrf = csrf_field(&s.csrf),
            answer_l = t("partnerweb-answer"),
            send = t("partnerweb-send"),
            max = MESSAGE_MAX,
        ));
    }
    main.push_str(&format!("<h2>{}</h2>", t("partnerweb-offers")));
    if inbox.offers.is_empty() {
        main.push_str(&format!("<p>{}</p>", t("partnerweb-no-offers")));
    }
    for o in &inbox.offers {
        main.push_str(&format!(
            "<section class=\"card\"><p class=\"muted\">{} · {}{}</p><h3 dir=\"auto\">{}</h3>{}</section>",
            esc(&category_words(tr, lang, &o.post.post.category)),
            esc(&status_words(tr, lang, &o.post.status)),
            site_of(&o.site),
            esc(&o.post.post.title),
            replies_html(tr, lang, o),
        ));
    }
    let mut cats = String::new();
    for c in Category::ALL {
        cats.push_str(&format!(
            "<option value=\"{}\">{}</option>",
            c.id(),
            esc(&tr.get(lang, &c.label_key()))
        ));
    }
    // One site at a time (its home site first): an offer is one post on one board, with its
    // own code and replies, and is mostly about one place.
    let mut sites = String::new();
    if several {
        let mut opts = String::new();
        for site in &inbox.sites {
            opts.push_str(&format!(
                "<option value=\"{v}\"{sel}>{v}</option>",
                v = esc(site),
                sel = if *site == inbox.site { " selected" } else { "" }
            ));
        }
        sites = format!(
            "<p><label>{} <select name=\"site\">{opts}</select></label></p>",
            t("partnerweb-offer-site")
        );
    }
    main.push_str(&format!(
        "<section class=\"card here\"><h2>{new}</h2><p>{explain}</p>\
         <form method=\"post\" action=\"/admin/p/offer?lang={l}\">{csrf}{sites}\
         <p><label>{cat_l} <select name=\"category\">{cats}</select></label></p>\
         <p><label>{title_l}<br><input name=\"title\" required maxlength=\"60\" size=\"50\"></label></p>\
         <p><label>{text_l}<br><textarea name=\"text\" maxlength=\"500\" rows=\"4\" cols=\"50\" style=\"max-width:100%\"></textarea></label></p>\
         <p><button class=\"button\" type=\"submit\">{send}</button></p></form></section>",
        new = t("partnerweb-new-offer"),
        explain = t(if inbox.partner.trusted {
            "partnerweb-offer-trusted"
        } else {
            "partnerweb-offer-checked"
        }),
        csrf = csrf_field(&s.csrf),
        cat_l = t("partnerweb-category"),
        title_l = t("moderate-edit-title"),
        text_l = t("moderate-edit-text"),
        send = t("partnerweb-post"),
    ));
    layout(
        tr,
        lang,
        Some(&s.csrf),
        &inbox.partner.name,
        StatusCode::OK,
        &main,
    )
}

fn category_words(tr: &Translations, lang: Lang, id: &str) -> String {
    Category::from_id(id)
        .map(|c| tr.get(lang, &c.label_key()))
        .unwrap_or_default()
}

fn back(lang: Lang, done: &str) -> Response {
    Redirect::to(&format!("/admin/p?lang={}&done={done}", lang.code())).into_response()
}

/// `POST /admin/p/offer`: an offer on the board of one of the partner's sites (`site`; none:
/// its home site).
pub async fn offer(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    PartnerForm(s, _, f): PartnerForm,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let get = |k: &str| f.get(k).cloned().unwrap_or_default();
    let (category, title, text) = (get("category"), get("title"), get("text"));
    let site = f.get("site").filter(|v| !v.is_empty()).cloned();
    let store = state.store.clone();
    match blocking(move || {
        store.post_partner_offer(
            &s.partner_id,
            site.as_deref(),
            &category,
            &title,
            &text,
            now_ms(),
        )
    })
    .await
    {
        Ok(_) => back(lang, "offered"),
        Err(r) => r,
    }
}

/// `POST /admin/p/answer`: an answer to an ask sent to this partner.
pub async fn answer(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    PartnerForm(s, _, f): PartnerForm,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let post = f.get("post").cloned().unwrap_or_default();
    let message = f.get("message").cloned().unwrap_or_default();
    let store = state.store.clone();
    match tokio::task::spawn_blocking(move || {
        store.answer_ask(&s.partner_id, &post, &message, now_ms())
    })
    .await
    {
        Ok(Ok(())) => back(lang, "answered"),
        // Not its ask (or no such post): the same answer either way.
        Ok(Err(super::ServerError::NotFound(_))) => {
            (StatusCode::NOT_FOUND, "not found").into_response()
        }
        Ok(Err(super::ServerError::BadRequest(m))) => (StatusCode::BAD_REQUEST, m).into_response(),
        _ => unavailable(),
    }
}

/// `POST /admin/p/signal`: "contact gehad" or "doorverwezen": the signal's note and phone are
/// forgotten at once.
pub async fn signal(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    PartnerForm(s, _, f): PartnerForm,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let id = f.get("id").cloned().unwrap_or_default();
    let outcome = f.get("outcome").cloned().unwrap_or_default();
    let store = state.store.clone();
    match blocking(move || store.handle_signal(&s.partner_id, &id, &outcome, now_ms())).await {
        Ok(true) => back(lang, "handled"),
        Ok(false) => (StatusCode::NOT_FOUND, "not found").into_response(),
        Err(r) => r,
    }
}
