//! The admin web, first part: log in (argon2 passwords from `digidak-server admin set`,
//! every attempt counted before the password is checked, per name and address and per
//! address, unknown names checked against a stand-in hash so they take as long), sessions in
//! secure http-only cookies (only token hashes stored; they end when idle, after 12 hours, and
//! when the name's password changes or the name is removed), a CSRF token on every form, and
//! the kiosks page (online or not, version, pending operations, last painted frame, clock
//! skew, dead letters; add with a pairing code and its QR code; revoke). Every `/admin` page
//! without a session goes to the login page.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::OnceLock;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use super::admin_page::{admin_layout, confirm_page, done_message, reflow_labels};
use super::http::{AppState, ClientIp, now_ms};
use super::pages::esc;
use super::{AdminSession, hash_secret, random_hex};
use digidak_core::lang::Lang;

/// How long a session lasts at most.
pub const SESSION_MS: i64 = 12 * 60 * 60 * 1000;
/// How long a session lasts without use, unless `serve --admin-idle-minutes` says otherwise.
pub const DEFAULT_IDLE: Duration = Duration::from_secs(30 * 60);
pub use crate::logins::{MAX_ADDRESS_FAILURES, MAX_FAILURES};
/// How long a window of login attempts lasts.
pub const LOCK_WINDOW: Duration = Duration::from_millis(crate::logins::WINDOW_MS as u64);
/// Every failed login waits this long before it is answered.
pub const FAILURE_DELAY: Duration = Duration::from_secs(1);
const SESSION_COOKIE: &str = "dd_session";
const LOGIN_COOKIE: &str = "dd_login";
/// The "address" limits count by: an IPv4 address, or an IPv6 /64 (one subscriber's network:
/// anyone holding one has 2^64 addresses to spread tries over).
pub fn network_of(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(std::net::Ipv6Addr::from(
                u128::from(v6) & !((1u128 << 64) - 1),
            )),
        },
    }
}

/// Counts a login attempt for `key` from `from` in the database, before its password is
/// checked (`logins.rs`); `Ok(false)` when a limit is reached. A database that cannot count
/// refuses the login (the unavailable page) rather than let it pass uncounted.
pub(super) async fn count_login(
    state: &AppState,
    key: &str,
    from: IpAddr,
) -> Result<bool, Response> {
    let network = network_of(from).to_string();
    let (store, key, now) = (state.store.clone(), key.to_string(), state.clock.unix_ms());
    super::http::blocking(move || store.login_begin(&key, &network, now))
        .await
        .map_err(|_| {
            tracing::warn!("login refused: the database could not count the attempt");
            unavailable()
        })
}

/// The password was right: the attempt is given back.
pub(super) async fn login_succeeded(state: &AppState, key: &str, from: IpAddr) {
    let network = network_of(from).to_string();
    let (store, key) = (state.store.clone(), key.to_string());
    if super::http::blocking(move || store.login_succeeded(&key, &network))
        .await
        .is_err()
    {
        tracing::warn!("login: the database could not give the attempt back");
    }
}

/// A password hash for `digidak-server admin set`.
pub fn hash_password(password: &str) -> Result<String, String> {
    use argon2::password_hash::rand_core::OsRng;
    use argon2::password_hash::{PasswordHasher, SaltString};
    if password.chars().count() < 10 {
        return Err("a password has at least 10 characters".into());
    }
    let salt = SaltString::generate(&mut OsRng);
    argon2::Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

pub(super) fn verify_password(hash: &str, password: &str) -> bool {
    use argon2::password_hash::{PasswordHash, PasswordVerifier};
    PasswordHash::new(hash).is_ok_and(|h| {
        argon2::Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// The hash an unknown name's password is checked against, so an unknown name costs the same
/// argon2 work as a known one (made once, of a random password nobody knows).
pub(super) fn stand_in_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| hash_password(&random_hex(16)).expect("a 32-character password hashes"))
}

/// Whether the browser will refuse the `Secure` login cookie: plain http (no `X-Forwarded-Proto:
/// https` from the proxy) to a name other than this machine's (browsers keep Secure cookies
/// for http://localhost only).
pub(super) fn cookies_refused(headers: &HeaderMap) -> bool {
    let https = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("https"));
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(h, _)| h),
    };
    let local = name.eq_ignore_ascii_case("localhost")
        || name.to_ascii_lowercase().ends_with(".localhost")
        || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
    !https && !local
}

pub(super) fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
        .filter(|v| v.len() <= 128 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

pub(super) fn set_cookie(resp: &mut Response, name: &str, value: &str, max_age: i64) {
    let c = format!(
        "{name}={value}; Path=/admin; HttpOnly; Secure; SameSite=Strict; Max-Age={max_age}"
    );
    if let Ok(v) = HeaderValue::from_str(&c) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
}

pub(super) fn query_value(query: &Option<String>, name: &str) -> Option<String> {
    let q = query.as_deref()?;
    form_urlencoded::parse(q.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// The admin web's answer when the database cannot be used right now: a short page in the
/// three admin languages (the admin's own language may not be known yet), and `Retry-After`.
pub(super) fn unavailable() -> Response {
    let body = "<!doctype html><html lang=\"nl\"><meta charset=\"utf-8\">\
        <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
        <title>Digidak</title><body>\
        <p>De server kan zijn gegevens nu niet gebruiken. Probeer het over een minuut opnieuw.</p>\
        <p lang=\"fr\">Le serveur ne peut pas utiliser ses données pour le moment. Réessayez dans une minute.</p>\
        <p lang=\"en\">The server cannot use its data right now. Try again in a minute.</p></body></html>";
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [
            (axum::http::header::RETRY_AFTER, "60"),
            (axum::http::header::CONTENT_TYPE, "text/html; charset=utf-8"),
        ],
        body,
    )
        .into_response()
}

/// Runs a store call on a blocking thread: a refusal is 400 with its reason, anything else
/// 503 (the admin can try again).
pub(super) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, super::ServerError> + Send + 'static,
) -> Result<T, Response> {
    match tokio::task::spawn_blocking(f).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(super::ServerError::BadRequest(m))) => {
            Err((StatusCode::BAD_REQUEST, m).into_response())
        }
        _ => Err(unavailable()),
    }
}

/// The sites the server knows, and the one the page shows: `?site=` if it is one of them,
/// else the first.
pub(super) async fn sites_and_choice(
    state: &AppState,
    query: &Option<String>,
) -> Result<(Vec<String>, Option<String>), Response> {
    let store = state.store.clone();
    let sites = blocking(move || store.sites()).await?;
    let chosen = query_value(query, "site")
        .filter(|q| sites.contains(q))
        .or_else(|| sites.first().cloned());
    Ok((sites, chosen))
}

pub(super) fn form(body: &Bytes) -> HashMap<String, String> {
    form_urlencoded::parse(body).into_owned().collect()
}

/// The admin page's language: `?lang=` or the browser's, among the admin web's languages
/// (nl, fr, en: the admin files of `assets/i18n/admin/`), else Dutch.
pub(super) fn lang_of(_state: &AppState, query: &Option<String>, headers: &HeaderMap) -> Lang {
    let lang = super::http::page_lang(query, headers);
    if super::admin_page::ADMIN_LANGS.contains(&lang) {
        lang
    } else {
        Lang::Nl
    }
}

fn to_login() -> Response {
    Redirect::to("/admin/login").into_response()
}

/// The session of this request, or a redirect to the login page.
pub(super) async fn session(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<(AdminSession, String), Response> {
    let Some(token) = cookie(headers, SESSION_COOKIE) else {
        return Err(to_login());
    };
    let hash = hash_secret(&token);
    let store = state.store.clone();
    let h = hash.clone();
    let now = state.clock.unix_ms();
    let idle = state.admin_idle.as_millis() as i64;
    match tokio::task::spawn_blocking(move || store.use_session(&h, now, idle, SESSION_MS)).await {
        Ok(Ok(Some(s))) => Ok((s, hash)),
        Ok(Ok(None)) => Err(to_login()),
        _ => Err(unavailable()),
    }
}

/// The admin session of a request, as an axum extractor: (session, its token's hash). Without
/// a valid session the handler is not run and the browser goes to the login page.
pub struct Admin(pub AdminSession, pub String);

impl axum::extract::FromRequestParts<AppState> for Admin {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Response> {
        let (s, hash) = session(state, &parts.headers).await?;
        Ok(Admin(s, hash))
    }
}

/// A posted admin form, as an axum extractor: (session, its token's hash, the form's fields),
/// after checking the session and the form's CSRF token. Without a session the browser goes
/// to the login page; a form without its token gets the 403 page in the admin's language.
pub struct CsrfForm(pub AdminSession, pub String, pub HashMap<String, String>);

impl axum::extract::FromRequest<AppState> for CsrfForm {
    type Rejection = Response;

    async fn from_request(req: axum::extract::Request, state: &AppState) -> Result<Self, Response> {
        let headers = req.headers().clone();
        let body = Bytes::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let (s, hash, f) = session_with_form(state, &headers, &body).await?;
        Ok(CsrfForm(s, hash, f))
    }
}

/// The session of a form's request, after checking the form's CSRF token; and the form.
pub(super) async fn session_with_form(
    state: &AppState,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<(AdminSession, String, HashMap<String, String>), Response> {
    let (s, hash) = session(state, headers).await?;
    let f = form(body);
    if f.get("csrf") != Some(&s.csrf) {
        return Err(refused_csrf(state, lang_of(state, &None, headers)));
    }
    Ok((s, hash, f))
}

pub(super) fn csrf_field(token: &str) -> String {
    format!(
        "<input type=\"hidden\" name=\"csrf\" value=\"{}\">",
        esc(token)
    )
}

/// A form without its CSRF token (out of date, or not from this site): 403, in the admin's
/// language, with a way back.
pub(super) fn refused_csrf(state: &AppState, lang: Lang) -> Response {
    let tr = &state.translations;
    let title = tr.get(lang, "adminweb-form-refused-title");
    let main = format!(
        "<h1>{}</h1><p class=\"tip\">{}</p><p><a class=\"button\" href=\"/admin?lang={}\">{}</a></p>",
        esc(&title),
        esc(&tr.get(lang, "adminweb-form-refused")),
        lang.code(),
        esc(&tr.get(lang, "adminweb-home")),
    );
    admin_layout(
        tr,
        lang,
        "/admin",
        None,
        &title,
        StatusCode::FORBIDDEN,
        &main,
    )
}

/// `GET /admin/login`. Over plain http to a network name it says at once that the login
/// cannot hold there, and what to do.
pub async fn login_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let notice =
        cookies_refused(&headers).then(|| state.translations.get(lang, "adminweb-plain-http"));
    login_form(&state, lang, StatusCode::OK, notice.as_deref(), "")
}

/// The login form; `name` is what was typed before (kept when the form has to come back).
fn login_form(
    state: &AppState,
    lang: Lang,
    status: StatusCode,
    message: Option<&str>,
    name: &str,
) -> Response {
    let tr = &state.translations;
    let token = random_hex(16);
    let title = tr.get(lang, "adminweb-login-title");
    let main = format!(
        "<h1>{title}</h1>{msg}<form method=\"post\" action=\"/admin/login?lang={l}\">{csrf}\
         <p><label>{label}<br><input name=\"name\" value=\"{typed}\" autocomplete=\"username\" required></label></p>\
         <p><label>{pw}<br><input name=\"password\" type=\"password\" autocomplete=\"current-password\" required></label></p>\
         <p><button class=\"button\" type=\"submit\">{go}</button></p></form>",
        title = esc(&title),
        msg = message
            .map(|m| format!("<p class=\"tip\" role=\"alert\">{}</p>", esc(m)))
            .unwrap_or_default(),
        l = lang.code(),
        csrf = csrf_field(&token),
        label = esc(&tr.get(lang, "adminweb-name")),
        typed = esc(name),
        pw = esc(&tr.get(lang, "adminweb-password")),
        go = esc(&tr.get(lang, "adminweb-login")),
    );
    let mut resp = admin_layout(tr, lang, "/admin/login", None, &title, status, &main);
    set_cookie(&mut resp, LOGIN_COOKIE, &token, 3600);
    resp
}

/// `POST /admin/login`.
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
    let name = digidak_core::text::clean_line(f.get("name").map_or("", String::as_str), usize::MAX);
    // Login CSRF: the form's token must match the cookie set with the form. Without the
    // cookie over plain http the browser refused it: say so, in the admin's language.
    let expected = cookie(&headers, LOGIN_COOKIE);
    if expected.is_none() || f.get("csrf") != expected.as_ref() {
        let key = if expected.is_none() && cookies_refused(&headers) {
            "adminweb-plain-http"
        } else {
            "adminweb-form-expired"
        };
        let typed: String = name.chars().take(64).collect();
        return login_form(
            &state,
            lang,
            StatusCode::FORBIDDEN,
            Some(&tr.get(lang, key)),
            &typed,
        );
    }
    let password = f.get("password").cloned().unwrap_or_default();
    let wrong = |state: &AppState| {
        login_form(
            state,
            lang,
            StatusCode::UNAUTHORIZED,
            Some(&state.translations.get(lang, "adminweb-wrong")),
            "",
        )
    };
    if name.is_empty() || name.chars().count() > 64 || password.len() > 1024 {
        return wrong(&state);
    }
    // Counted before the password is checked (in the database, so the limits hold across
    // instances), so parallel tries cannot pass the limit.
    let counted = match count_login(&state, &name, from).await {
        Ok(counted) => counted,
        Err(page) => return page,
    };
    if !counted {
        tracing::warn!("admin login refused: too many tries");
        tokio::time::sleep(FAILURE_DELAY).await;
        let msg = tr.get(lang, "adminweb-locked");
        return login_form(&state, lang, StatusCode::TOO_MANY_REQUESTS, Some(&msg), "");
    }
    let store = state.store.clone();
    let who = name.clone();
    let ok = tokio::task::spawn_blocking(move || {
        // An unknown name is checked against a stand-in hash: the same argon2 work, so the
        // answer's time does not tell which names exist.
        let hash = store.admin_password_hash(&who).ok().flatten();
        let known = hash.is_some();
        let checked = verify_password(hash.as_deref().unwrap_or(stand_in_hash()), &password);
        known && checked
    })
    .await
    .unwrap_or(false);
    if !ok {
        tracing::warn!("failed admin login");
        tokio::time::sleep(FAILURE_DELAY).await;
        return wrong(&state);
    }
    login_succeeded(&state, &name, from).await;
    let token = random_hex(32);
    let now = state.clock.unix_ms();
    let s = AdminSession {
        admin: name,
        csrf: random_hex(16),
        created_ms: now,
        expires_ms: now + (state.admin_idle.as_millis() as i64).min(SESSION_MS),
    };
    let store = state.store.clone();
    let hash = hash_secret(&token);
    let saved = tokio::task::spawn_blocking(move || store.create_session(&s, &hash)).await;
    if !matches!(saved, Ok(Ok(()))) {
        return unavailable();
    }
    tracing::info!("admin logged in");
    let mut resp = Redirect::to(&format!("/admin?lang={}", lang.code())).into_response();
    set_cookie(&mut resp, SESSION_COOKIE, &token, SESSION_MS / 1000);
    set_cookie(&mut resp, LOGIN_COOKIE, "", 0);
    resp
}

/// `POST /admin/logout`.
pub async fn logout(State(state): State<AppState>, CsrfForm(_, hash, _): CsrfForm) -> Response {
    let store = state.store.clone();
    let _ = tokio::task::spawn_blocking(move || store.end_session(&hash)).await;
    let mut resp = to_login();
    set_cookie(&mut resp, SESSION_COOKIE, "", 0);
    resp
}

/// How long ago, in the page's language ("3 uur", "2 jours"), or "–".
fn ago(tr: &digidak_core::i18n::Translations, lang: Lang, now: i64, ms: Option<i64>) -> String {
    match ms {
        None => "–".into(),
        Some(t) => super::admin_front::how_long(tr, lang, now - t),
    }
}

/// `GET /admin/kiosks`.
pub async fn kiosks(
    State(state): State<AppState>,
    Admin(s, _): Admin,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let done = query_value(&query, "done");
    kiosks_page(&state, lang, &s, None, done.as_deref(), None).await
}

async fn kiosks_page(
    state: &AppState,
    lang: Lang,
    s: &AdminSession,
    added: Option<(String, String)>,
    done: Option<&str>,
    // The name and site typed into the "add" form, shown again when it was refused.
    typed: Option<(&str, &str)>,
) -> Response {
    let tr = &state.translations;
    let store = state.store.clone();
    let list = match tokio::task::spawn_blocking(move || store.list_kiosks()).await {
        Ok(Ok(l)) => l,
        _ => return unavailable(),
    };
    let now = now_ms();
    let t = |k: &str| esc(&tr.get(lang, k));
    let mut main = format!(
        "{}<h1>{}</h1>",
        done_message(tr, lang, done),
        t("adminweb-kiosks")
    );
    if let Some((name, code)) = added {
        let qr = qrcode::QrCode::new(code.as_bytes())
            .map(|q| {
                q.render::<qrcode::render::svg::Color>()
                    .min_dimensions(180, 180)
                    .build()
            })
            .unwrap_or_default();
        main.push_str(&format!(
            "<section class=\"card here\"><p>{}</p><p class=\"code\">{}</p>{}</section>",
            esc(&tr.get_args(lang, "adminweb-added", &[("name", name.into())])),
            esc(&code),
            // Drawn here from a code of letters and digits: no outside input in it.
            qr.find("<svg").map_or("", |i| &qr[i..]),
        ));
    }
    // On a phone each kiosk becomes a card, its values named (see `reflow_labels`).
    let labels: Vec<String> = [
        "adminweb-col-name",
        "adminweb-col-site",
        "adminweb-col-state",
        "adminweb-col-seen",
        "adminweb-col-version",
        "adminweb-col-pending",
        "adminweb-col-dead",
        "adminweb-col-frame",
        "adminweb-col-skew",
    ]
    .iter()
    .map(|k| tr.get(lang, k))
    .collect();
    main.push_str(&reflow_labels("kiosks", &labels));
    main.push_str(&format!(
        "<div class=\"scroll\"><table id=\"kiosks\" class=\"reflow\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th></th></tr>",
        t("adminweb-col-name"),
        t("adminweb-col-site"),
        t("adminweb-col-state"),
        t("adminweb-col-seen"),
        t("adminweb-col-version"),
        t("adminweb-col-pending"),
        t("adminweb-col-dead"),
        t("adminweb-col-frame"),
        t("adminweb-col-skew"),
    ));
    for k in &list {
        let online = k.last_seen_ms.is_some_and(|t| now - t < 90_000);
        let state_key = if k.revoked {
            "adminweb-revoked"
        } else if !k.paired {
            "adminweb-waiting"
        } else if online {
            "adminweb-online"
        } else {
            "adminweb-offline"
        };
        let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_else(|| "–".into());
        let revoke = if k.revoked {
            String::new()
        } else {
            // Asks first (a page of its own): a revoked kiosk must be paired again.
            format!(
                "<a class=\"danger\" href=\"/admin/kiosks/revoke?name={}&amp;lang={}\">{}</a>",
                esc(&form_urlencoded::byte_serialize(k.name.as_bytes()).collect::<String>()),
                lang.code(),
                t("adminweb-revoke")
            )
        };
        main.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{revoke}</td></tr>",
            esc(&k.name),
            esc(&k.site),
            t(state_key),
            esc(&ago(tr, lang, now, k.last_seen_ms)),
            // A kiosk says its own version: cleaned like any text from outside.
            version_cell(k, &t),
            opt(k.outbox_len),
            opt(k.dead_letters),
            esc(&ago(tr, lang, now, k.last_frame_ms)),
            k.skew_ms
                .map(|v| format!("{:+.1} s", v as f64 / 1000.0))
                .unwrap_or_else(|| "–".into()),
        ));
    }
    main.push_str("</table></div>");
    main.push_str(&format!(
        "<h2>{}</h2><form method=\"post\" action=\"/admin/kiosks/add\">{}\
         <div class=\"grid-form\"><p><label>{}<br><input name=\"name\" required maxlength=\"60\" value=\"{}\"></label></p>\
         <p><label>{}<br><input name=\"site\" required maxlength=\"40\" value=\"{}\"></label></p></div>\
         <p><button class=\"button\" type=\"submit\">{}</button></p></form>",
        t("adminweb-add"),
        csrf_field(&s.csrf),
        t("adminweb-col-name"),
        esc(typed.map_or("", |(n, _)| n)),
        t("adminweb-col-site"),
        esc(typed.map_or("", |(_, s)| s)),
        t("adminweb-add-button"),
    ));
    let title = tr.get(lang, "adminweb-kiosks");
    admin_layout(
        tr,
        lang,
        "/admin/kiosks",
        Some(&s.csrf),
        &title,
        StatusCode::OK,
        &main,
    )
}

/// `POST /admin/kiosks/add`: shows the one-time pairing code and its QR code. The form's CSRF
/// token is checked after what was typed is read: an expired form comes back filled in.
pub async fn kiosk_add(
    State(state): State<AppState>,
    Admin(s, _): Admin,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let f = form(&body);
    let name = f.get("name").cloned().unwrap_or_default();
    let site = f.get("site").cloned().unwrap_or_default();
    if f.get("csrf") != Some(&s.csrf) {
        let typed = Some((name.as_str(), site.as_str()));
        let mut resp = kiosks_page(&state, lang, &s, None, Some("expired"), typed).await;
        *resp.status_mut() = StatusCode::FORBIDDEN;
        return resp;
    }
    let store = state.store.clone();
    let (n, st) = (name.clone(), site.clone());
    match tokio::task::spawn_blocking(move || store.add_kiosk(&n, &st, now_ms())).await {
        Ok(Ok(code)) => {
            tracing::info!("kiosk added from the admin web");
            kiosks_page(&state, lang, &s, Some((name, code)), None, None).await
        }
        // Said in the admin's language on the page itself (the store's reason is for logs).
        Ok(Err(super::ServerError::BadRequest(_) | super::ServerError::Conflict(_))) => {
            let typed = Some((name.as_str(), site.as_str()));
            let mut resp = kiosks_page(&state, lang, &s, None, Some("add-failed"), typed).await;
            *resp.status_mut() = StatusCode::BAD_REQUEST;
            resp
        }
        _ => unavailable(),
    }
}

/// The "Versie" cell: the kiosk's app version and protocol, flagged when it is older than
/// this server takes (refused) or speaks (served, without what came since).
fn version_cell(k: &super::KioskRow, t: &dyn Fn(&str) -> String) -> String {
    // `t` gives escaped text.
    use digidak_protocol::{MIN_PROTOCOL_VERSION, PROTOCOL_VERSION};
    let app = esc(&digidak_core::text::clean_line(
        k.app_version.as_deref().unwrap_or("–"),
        64,
    ));
    let Some(p) = k.protocol else {
        return app;
    };
    let flag = if p < MIN_PROTOCOL_VERSION {
        format!(" <strong>{}</strong>", t("adminweb-version-too-old"))
    } else if p < PROTOCOL_VERSION {
        format!(" <strong>{}</strong>", t("adminweb-version-older"))
    } else {
        String::new()
    };
    format!("{app} (protocol {p}){flag}")
}

/// `GET /admin/kiosks/revoke?name=..`: asks before revoking.
pub async fn kiosk_revoke_confirm(
    State(state): State<AppState>,
    Admin(s, _): Admin,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let tr = &state.translations;
    let name = query_value(&query, "name").unwrap_or_default();
    let l = lang.code();
    confirm_page(
        tr,
        lang,
        &s.csrf,
        "/admin/kiosks",
        &tr.get_args(
            lang,
            "adminweb-revoke-sure",
            &[("name", name.clone().into())],
        ),
        &tr.get(lang, "adminweb-revoke-explain"),
        &tr.get(lang, "adminweb-revoke-yes"),
        &format!("/admin/kiosks/revoke?lang={l}"),
        &[("name", &name)],
        &format!("/admin/kiosks?lang={l}"),
    )
}

/// `POST /admin/kiosks/revoke` (from the page that asked first).
pub async fn kiosk_revoke(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    CsrfForm(_, _, f): CsrfForm,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let name = f.get("name").cloned().unwrap_or_default();
    let store = state.store.clone();
    let _ = tokio::task::spawn_blocking(move || store.revoke_kiosk(&name, now_ms())).await;
    Redirect::to(&format!("/admin/kiosks?done=revoked&lang={}", lang.code())).into_response()
}

/// A figure's name for people: `initiations.email` -> "Initiaties: E-mail".
fn figure_label(tr: &digidak_core::i18n::Translations, lang: Lang, what: &str) -> String {
    if let Some(topic) = what.strip_prefix("initiations.") {
        let name = digidak_core::lessons::Topic::from_id(topic)
            .map(|t| tr.get(lang, &format!("topic-{}", t.id())))
            .unwrap_or_else(|| topic.to_string());
        return tr.get_args(lang, "numbers-initiations", &[("topic", name.into())]);
    }
    let key = format!("numbers-{}", what.replace('.', "-"));
    let label = tr.get(lang, &key);
    if label == key {
        what.to_string()
    } else {
        label
    }
}

async fn figures(state: &AppState) -> Result<Vec<super::numbers::NumberRow>, Response> {
    let store = state.store.clone();
    match tokio::task::spawn_blocking(move || store.numbers()).await {
        Ok(Ok(rows)) => Ok(rows),
        _ => Err(unavailable()),
    }
}

/// `GET /admin/numbers`: per site and month.
pub async fn numbers(
    State(state): State<AppState>,
    Admin(s, _): Admin,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let rows = match figures(&state).await {
        Ok(r) => r,
        Err(r) => return r,
    };
    let tr = &state.translations;
    let t = |k: &str| esc(&tr.get(lang, k));
    let mut main = format!(
        "<h1>{}</h1><p><a class=\"action\" href=\"/admin/numbers.csv?lang={}\">{}</a></p>\
         <table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        t("adminweb-numbers"),
        lang.code(),
        t("adminweb-numbers-csv"),
        t("adminweb-col-site"),
        t("adminweb-month"),
        t("adminweb-what"),
        t("adminweb-count"),
    );
    for (site, month, what, n) in &rows {
        main.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{n}</td></tr>",
            esc(site),
            esc(month),
            esc(&figure_label(tr, lang, what)),
        ));
    }
    main.push_str("</table>");
    let title = tr.get(lang, "adminweb-numbers");
    admin_layout(
        tr,
        lang,
        "/admin/numbers",
        Some(&s.csrf),
        &title,
        StatusCode::OK,
        &main,
    )
}

/// `GET /admin/numbers.csv`: the same, for a subsidy report's spreadsheet, with the page's
/// words (header and figure names).
pub async fn numbers_csv(
    State(state): State<AppState>,
    _admin: Admin,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let rows = match figures(&state).await {
        Ok(r) => r,
        Err(r) => return r,
    };
    let tr = &state.translations;
    let mut csv = tr.get(lang, "adminweb-csv-numbers-header");
    csv.push('\n');
    for (site, month, what, n) in rows {
        csv.push_str(&format!(
            "{},{},{},{n}\n",
            digidak_core::activities::csv_field(&site),
            digidak_core::activities::csv_field(&month),
            digidak_core::activities::csv_field(&figure_label(tr, lang, &what))
        ));
    }
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"digidak-numbers.csv\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        csv,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_ipv6_network_counts_as_one_address() {
        let ip = |s: &str| network_of(s.parse().unwrap());
        assert_eq!(ip("2001:db8:1:2::1"), ip("2001:db8:1:2:ffff::1"));
        assert_ne!(ip("2001:db8:1:2::1"), ip("2001:db8:1:3::1"));
        // IPv4 in IPv6 clothing is the IPv4 address.
        assert_eq!(ip("::ffff:192.0.2.7"), ip("192.0.2.7"));
    }
}
