//! The server's HTTP side (axum): `/healthz`, the sync API under `/api/v1`, and the phone
//! pages (`/lessons`, `/pictures`, see [`super::pages`]).
//!
//! Every API answer is JSON. Malformed, oversized or hostile requests get a 4xx with
//! `{"code": ..., "error": ...}`; only a database failure gives 503 (the kiosk retries).
//!
//! The edge, in settings of maintained crates rather than code of ours where they exist:
//! hyper's `header_read_timeout` (slow or stalled headers, idle keep-alive connections),
//! tower-http's `TimeoutLayer` (whole requests, 408), `DefaultBodyLimit`, `CatchPanicLayer`,
//! `SetResponseHeaderLayer` (`Vary` on pages), hyper-util's
//! `GracefulShutdown`; ours are only the accept loop's connection cap (a tokio semaphore), the
//! rule that every `/api` error is JSON, and `no-store` by address.

use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::rejection::PathRejection;
use axum::extract::{
    ConnectInfo, DefaultBodyLimit, FromRef, FromRequestParts, Path, RawQuery, State,
};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::de::DeserializeOwned;
use tower::ServiceExt;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use super::{KioskAuth, ServerError, ServerStore, pages};
use digidak_core::clock::{Clock, SystemClock};
use digidak_core::i18n::Translations;
use digidak_core::lessons::{Library, resume};
use digidak_protocol::{
    ErrorBody, MAX_PULL_CHANGES, MAX_PUSH_OPS, MIN_PROTOCOL_VERSION, PROTOCOL_VERSION, PairRequest,
    PushRequest,
};

/// The largest request body accepted.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// The largest operation index or cursor the server takes (SQLite integers are signed).
pub const MAX_INDEX: u64 = i64::MAX as u64;
/// The longest a request may take.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

type Store = Arc<dyn ServerStore>;

/// What the handlers share: the store, the lessons the phone pages show, the translations.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub lessons: Arc<Library>,
    pub translations: Arc<Translations>,
    /// Admin login attempts, counted per name and address and per address.
    /// The server's clock for admin sessions and login limits (a `ManualClock` in tests).
    pub clock: Arc<dyn Clock>,
    /// How long an admin session lasts without use.
    pub admin_idle: Duration,
    /// The kiosk release the server recommends (in every status answer).
    pub recommended_kiosk_version: Arc<str>,
}

impl AppState {
    /// The built-in lessons, or those of `lessons_dir`. Lessons that do not load are logged
    /// and left out.
    pub fn new(store: Store, lessons_dir: Option<std::path::PathBuf>) -> Self {
        let source = match lessons_dir {
            Some(dir) => digidak_core::lessons::Source::Dir(dir),
            None => digidak_core::lessons::Source::BuiltIn,
        };
        let lessons = digidak_core::lessons::load(&source);
        for p in &lessons.problems {
            tracing::warn!(problem = %p, "lesson left out");
        }
        Self {
            store,
            lessons: Arc::new(lessons),
            translations: Arc::new(
                Translations::load().expect("the built-in translations parse (tested)"),
            ),
            clock: Arc::new(SystemClock),
            admin_idle: super::admin_web::DEFAULT_IDLE,
            recommended_kiosk_version: Arc::from(env!("CARGO_PKG_VERSION")),
        }
    }

    /// Recommends kiosk release `version` instead of the server's own.
    pub fn with_recommended_kiosk_version(mut self, version: &str) -> Self {
        self.recommended_kiosk_version = Arc::from(version);
        self
    }

    /// The same with another clock (tests move a `ManualClock`).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// The same with another idle time for admin sessions.
    pub fn with_admin_idle(mut self, idle: Duration) -> Self {
        self.admin_idle = idle;
        self
    }
}

/// The address a request came from: the TCP peer; when the peer is this machine (the reverse
/// proxy the README sets up in front of the server), the last address of
/// `X-Forwarded-For`, which that proxy appended. Never fails (unspecified when unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

impl ClientIp {
    pub fn of(peer: Option<IpAddr>, headers: &HeaderMap) -> Self {
        let unknown = IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED);
        // A dual-stack listener sees IPv4 peers as ::ffff:a.b.c.d.
        let peer = peer.unwrap_or(unknown).to_canonical();
        if !peer.is_loopback() {
            return ClientIp(peer);
        }
        let forwarded = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|a| a.trim().parse::<IpAddr>().ok())
            .next_back();
        ClientIp(forwarded.map_or(peer, |ip| ip.to_canonical()))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        Ok(ClientIp::of(peer, &parts.headers))
    }
}

impl FromRef<AppState> for Store {
    fn from_ref(state: &AppState) -> Store {
        state.store.clone()
    }
}

/// An error answer: status, stable code and a sentence.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
        }
    }

    fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if self.status.is_server_error() {
            tracing::error!(code = self.code, error = %self.message, "request failed");
        } else {
            tracing::debug!(status = %self.status, code = self.code, error = %self.message, "request refused");
        }
        let body = ErrorBody {
            code: self.code.to_string(),
            error: self.message,
        };
        (self.status, axum::Json(body)).into_response()
    }
}

impl From<ServerError> for ApiError {
    fn from(e: ServerError) -> Self {
        match e {
            ServerError::BadRequest(m) => Self::bad_request(m),
            ServerError::NotFound(m) => Self::new(StatusCode::NOT_FOUND, "not_found", m),
            ServerError::Conflict(m) => Self::new(StatusCode::CONFLICT, "conflict", m),
            ServerError::Unauthorized(m) => Self::new(StatusCode::UNAUTHORIZED, "unauthorized", m),
            ServerError::Db(_) | ServerError::Open { .. } | ServerError::Unavailable(_) => {
                Self::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "unavailable",
                    format!("the server could not do this now, try again: {e}"),
                )
            }
        }
    }
}

/// The server's wall clock: the one real clock of `digidak-core`.
pub fn now_ms() -> i64 {
    use digidak_core::clock::Clock;
    digidak_core::clock::SystemClock.unix_ms()
}

/// Runs blocking store work off the async threads.
pub(super) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ServerError> + Send + 'static,
) -> Result<T, ApiError> {
    match tokio::task::spawn_blocking(f).await {
        Ok(result) => result.map_err(ApiError::from),
        Err(_) => Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "the server could not do this now, try again",
        )),
    }
}

/// A request body, or a JSON error when it is too large or could not be read.
type Body = Result<Bytes, BytesRejection>;

fn parse_json<T: DeserializeOwned>(body: Body) -> Result<T, ApiError> {
    let body = body.map_err(|rejection| {
        let status = rejection.status();
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                status,
                "too_large",
                format!("the request body is larger than {MAX_BODY_BYTES} bytes"),
            )
        } else {
            ApiError::new(
                status,
                "bad_body",
                format!(
                    "the request body could not be read: {}",
                    rejection.body_text()
                ),
            )
        }
    })?;
    serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request(format!("the request body is not valid: {e}")))
}

fn check_protocol(version: u32) -> Result<(), ApiError> {
    if (MIN_PROTOCOL_VERSION..=PROTOCOL_VERSION).contains(&version) {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "unsupported_protocol",
            format!(
                "protocol version {version} is not supported; this server speaks \
                 {MIN_PROTOCOL_VERSION} to {PROTOCOL_VERSION}"
            ),
        ))
    }
}

fn unauthorized() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        "unauthorized",
        "this kiosk is not paired or was revoked: pair it again in admin mode",
    )
}

/// The kiosk's bearer token, if the request carries one of the right shape.
fn bearer_token(headers: &HeaderMap) -> Result<String, ApiError> {
    Ok(headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()))
        .ok_or_else(unauthorized)?
        .to_string())
}

async fn authenticate(store: &Store, headers: &HeaderMap) -> Result<KioskAuth, ApiError> {
    let token = bearer_token(headers)?;
    let store = store.clone();
    blocking(move || store.authenticate(&token))
        .await?
        .ok_or_else(unauthorized)
}

/// Query string parameters as (name, value) pairs; only plain ASCII numbers are expected.
fn query_u64(query: &Option<String>, name: &str) -> Result<Option<u64>, ApiError> {
    let Some(q) = query else { return Ok(None) };
    for pair in q.split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        if k == name {
            return v
                .parse::<u64>()
                .map(Some)
                .map_err(|_| ApiError::bad_request(format!("{name} must be a whole number")));
        }
    }
    Ok(None)
}

fn protocol_from_query(query: &Option<String>) -> Result<(), ApiError> {
    let v = query_u64(query, "protocol")?
        .ok_or_else(|| ApiError::bad_request("the protocol parameter is missing"))?;
    check_protocol(u32::try_from(v).unwrap_or(u32::MAX))
}

/// `/healthz` and `/readyz`: the process answers and its database is reachable (a load
/// balancer sends no kiosk to an instance whose database is gone: 503).
async fn healthz(State(store): State<Store>) -> Response {
    match blocking(move || store.ping()).await {
        Ok(()) => axum::Json(serde_json::json!({ "status": "ok", "database": "reachable" }))
            .into_response(),
        Err(e) => {
            tracing::warn!(error = %e.message, "health check: the database is not reachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                axum::Json(serde_json::json!({
                    "status": "unavailable",
                    "database": "unreachable",
                })),
            )
                .into_response()
        }
    }
}

async fn pair(State(store): State<Store>, body: Body) -> Result<Response, ApiError> {
    let req: PairRequest = parse_json(body)?;
    check_protocol(req.protocol)?;
    if req.code.len() > 64 || req.app_version.len() > 64 {
        return Err(ApiError::bad_request("the pairing request is too long"));
    }
    if req.first_index > MAX_INDEX {
        return Err(ApiError::bad_request(format!(
            "first_index must be at most {MAX_INDEX}"
        )));
    }
    let version = digidak_core::text::clean_line(&req.app_version, 64);
    let resp = blocking(move || store.pair(&req.code, &version, req.first_index, now_ms())).await?;
    tracing::info!(kiosk = %resp.name, site = %resp.site, "kiosk paired");
    Ok(axum::Json(resp).into_response())
}

async fn push(
    State(store): State<Store>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    // The token's shape first; whether a kiosk holds it is checked with the push itself (on
    // PostgreSQL inside the push's transaction, one query for the pushes committed together).
    let token = bearer_token(&headers)?;
    let req: PushRequest = parse_json(body)?;
    if let Err(e) = check_protocol(req.protocol) {
        // Kept on the kiosk's row, so the admin web flags a kiosk too old to be served.
        let kiosk = authenticate(&store, &headers).await?;
        let (protocol, version) = (req.protocol, req.heartbeat.app_version.clone());
        let store = store.clone();
        blocking(move || store.record_kiosk_version(&kiosk, protocol, &version, now_ms())).await?;
        return Err(e);
    }
    if req.ops.len() > MAX_PUSH_OPS {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_many_ops",
            format!("at most {MAX_PUSH_OPS} operations per push"),
        ));
    }
    if req
        .ops
        .windows(2)
        .any(|w| w[0].index.checked_add(1) != Some(w[1].index))
    {
        return Err(ApiError::bad_request(
            "operation indexes in a push must be consecutive",
        ));
    }
    let skew = req.heartbeat.kiosk_time_ms.saturating_sub(now_ms());
    let (kiosk, resp) = blocking(move || store.push_by_token(&token, req, now_ms()))
        .await?
        .ok_or_else(unauthorized)?;
    if skew.abs() > 60_000 {
        tracing::warn!(kiosk = %kiosk.name, skew_ms = skew, "kiosk clock is off");
    }
    Ok(axum::Json(resp).into_response())
}

/// The start of every kiosk GET: a known protocol, then a valid token.
async fn kiosk_get(
    store: &Store,
    headers: &HeaderMap,
    query: &Option<String>,
) -> Result<KioskAuth, ApiError> {
    protocol_from_query(query)?;
    authenticate(store, headers).await
}

async fn changes(
    State(store): State<Store>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    protocol_from_query(&query)?;
    let token = bearer_token(&headers)?;
    let after = query_u64(&query, "after")?.unwrap_or(0);
    let limit = query_u64(&query, "limit")?.unwrap_or(MAX_PULL_CHANGES);
    // The token and the page in one go (one query on PostgreSQL).
    let resp = blocking(move || store.pull_by_token(&token, after, limit))
        .await?
        .ok_or_else(unauthorized)?;
    Ok(axum::Json(resp).into_response())
}

async fn status(
    State(app): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let store = app.store.clone();
    let kiosk = kiosk_get(&store, &headers, &query).await?;
    let mut resp = blocking(move || store.status(&kiosk, now_ms())).await?;
    resp.recommended_version = Some(app.recommended_kiosk_version.to_string());
    Ok(axum::Json(resp).into_response())
}

/// `GET /api/v1/resume/{code}`: where a resume code made at any kiosk continues.
async fn resume_code(
    State(store): State<Store>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    code: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let kiosk = kiosk_get(&store, &headers, &query).await?;
    let Path(code) = code.map_err(|_| ApiError::bad_request("the resume code is not readable"))?;
    let code = resume::normalize(&code).ok_or_else(|| {
        ApiError::bad_request(format!("a resume code is {} digits", resume::CODE_DIGITS))
    })?;
    let found = blocking(move || store.find_resume(&code, now_ms())).await?;
    tracing::debug!(kiosk = %kiosk.name, found = found.is_some(), "resume code asked");
    match found {
        Some(r) => Ok(axum::Json(r).into_response()),
        None => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            "no such resume code, or it expired",
        )),
    }
}

/// A query parameter's raw value (page parameters are plain ASCII: `lang`, `step`).
pub(super) fn query_str<'a>(query: &'a Option<String>, name: &str) -> Option<&'a str> {
    query.as_deref()?.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k == name).then_some(v)
    })
}

pub(super) fn page_lang(query: &Option<String>, headers: &HeaderMap) -> digidak_core::lang::Lang {
    pages::pick_lang(
        query_str(query, "lang"),
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    )
}

async fn lessons_index(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let lang = page_lang(&query, &headers);
    pages::lessons_index(&state.lessons, &state.translations, lang)
}

async fn lesson_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    id: Result<Path<String>, PathRejection>,
) -> Response {
    let lang = page_lang(&query, &headers);
    // Steps are counted from 1 in addresses, as on the kiosk's screen.
    let step = query_str(&query, "step")
        .and_then(|s| s.parse::<usize>().ok())
        .and_then(|s| s.checked_sub(1));
    match id.ok().and_then(|Path(id)| state.lessons.get(&id).cloned()) {
        Some(lesson) => {
            pages::lesson_page(&state.lessons, &lesson, &state.translations, lang, step)
        }
        None => pages::not_found(&state.translations, lang),
    }
}

/// A sign-up's phone token from the address, if it has the shape of one.
fn signup_token(token: Result<Path<String>, PathRejection>) -> Option<String> {
    token
        .ok()
        .map(|Path(t)| t)
        .filter(|t| digidak_core::codes::is_phone_token(t))
}

/// `GET /signups/{token}`: the phone page of a sign-up (`?confirm=1` asks before cancelling).
/// Unknown and malformed tokens (and short codes) get one and the same 404 page.
async fn signup_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    token: Result<Path<String>, PathRejection>,
) -> Response {
    let lang = page_lang(&query, &headers);
    let Some(token) = signup_token(token) else {
        return pages::code_not_found(&state.translations, lang);
    };
    let store = state.store.clone();
    let looked = token.clone();
    match blocking(move || store.signup_by_token(&looked)).await {
        Ok(Some(found)) => pages::signup_page(
            &state.translations,
            lang,
            &token,
            std::slice::from_ref(&found),
            query_str(&query, "confirm") == Some("1"),
            query_str(&query, "cancelled") == Some("1"),
        ),
        Ok(None) => pages::code_not_found(&state.translations, lang),
        Err(e) => e.into_response(),
    }
}

/// `POST /signups/{token}/cancel`: cancels, then shows the page again (303).
async fn signup_cancel(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    token: Result<Path<String>, PathRejection>,
) -> Response {
    let lang = page_lang(&query, &headers);
    let Some(token) = signup_token(token) else {
        return pages::code_not_found(&state.translations, lang);
    };
    let store = state.store.clone();
    let target = token.clone();
    let found = blocking(move || {
        let n = store.cancel_by_token(&target, now_ms())?;
        Ok((n, n > 0 || store.signup_by_token(&target)?.is_some()))
    })
    .await;
    match found {
        Ok((_, false)) => pages::code_not_found(&state.translations, lang),
        Ok((n, true)) => {
            tracing::info!(cancelled = n, "sign-up cancelled from a phone page");
            Redirect::to(&format!(
                "/signups/{token}?lang={}&cancelled={}",
                lang.code(),
                u8::from(n > 0)
            ))
            .into_response()
        }
        Err(e) => e.into_response(),
    }
}

async fn picture(
    State(state): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Response {
    path.ok()
        .and_then(|Path(p)| pages::picture(&state.lessons, &p))
        .unwrap_or_else(|| (StatusCode::NOT_FOUND, "no such picture").into_response())
}

async fn not_found() -> Response {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "there is nothing at this address",
    )
    .into_response()
}

/// Everything under `/signups`, `/posts` and `/admin` (names, phone numbers, replies, the
/// admin web) is never kept by a browser or a proxy: `Cache-Control: no-store` on every answer
/// there, also the rate limiter's, a 404 or a refused form. One rule by address, outside every
/// other layer, so no answer there can miss it.
async fn no_store_personal(req: axum::extract::Request, next: Next) -> Response {
    let path = req.uri().path();
    let personal = ["/signups", "/posts", "/admin"].iter().any(|p| {
        path == *p || path.starts_with(&format!("{p}/")) || path.starts_with(&format!("{p}."))
    });
    let mut resp = next.run(req).await;
    if personal {
        resp.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    resp
}

/// Every error under `/api` is JSON (`{code, error}`), also those made outside the handlers:
/// 405 (a known address, another method; `Allow` is kept), 408 (the request timeout), 500 (a
/// caught panic). Handlers' own errors are JSON already and pass unchanged.
async fn api_errors_as_json(req: axum::extract::Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let resp = next.run(req).await;
    let status = resp.status();
    let json = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !api || json || !(status.is_client_error() || status.is_server_error()) {
        return resp;
    }
    let code = match status {
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::REQUEST_TIMEOUT => "timeout",
        StatusCode::PAYLOAD_TOO_LARGE => "too_large",
        StatusCode::NOT_FOUND => "not_found",
        s if s.is_server_error() => "internal",
        _ => "bad_request",
    };
    let message = match status {
        StatusCode::METHOD_NOT_ALLOWED => "this address does not take this method".to_string(),
        StatusCode::REQUEST_TIMEOUT => format!(
            "the request took longer than {} s",
            REQUEST_TIMEOUT.as_secs()
        ),
        s => s.canonical_reason().unwrap_or("refused").to_lowercase(),
    };
    let allow = resp.headers().get(header::ALLOW).cloned();
    let mut out = ApiError::new(status, code, message).into_response();
    if let Some(allow) = allow {
        out.headers_mut().insert(header::ALLOW, allow);
    }
    out
}

/// `Vary: Accept-Language` on every page (HTML): their language follows the browser's unless
/// `?lang=` says otherwise, so a cache must not hand one language's page to another browser.
fn vary_language(resp: &Response) -> Option<HeaderValue> {
    resp.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .filter(|v| v.starts_with("text/html"))
        .map(|_| HeaderValue::from_static("accept-language"))
}

/// The whole HTTP side, with the built-in lessons.
pub fn router(store: Store) -> Router {
    router_with(AppState::new(store, None))
}

/// The whole HTTP side.
pub fn router_with(state: AppState) -> Router {
    let phone_guard = Arc::new(super::phone_guard::PhoneGuard::new(
        Default::default(),
        state.translations.clone(),
    ));
    // Pages that show personal data (names, phone numbers, replies) or anything of the admin
    // web: see `no_store_personal`.
    let personal = Router::new()
        .route("/signups/{code}", get(signup_page))
        .route("/signups/{code}/cancel", post(signup_cancel))
        .route("/posts/{code}", get(super::board_pages::post_page))
        .route(
            "/posts/{code}/{action}",
            post(super::board_pages::post_action),
        )
        .route("/admin/board", get(super::admin_board::page))
        .route("/admin/board/decide", post(super::admin_board::decide))
        .route("/admin/board/expiry", post(super::admin_board::expiry))
        .route("/admin/board.pdf", get(super::admin_board::pdf))
        .route("/admin/partners", get(super::admin_partners::page))
        .route("/admin/partners/save", post(super::admin_partners::save))
        .route(
            "/admin/partners/logo",
            // An upload of up to 1 MiB with the form around it; a bigger one is refused
            // in the admin's words (`admin_partners::logo`).
            post(super::admin_partners::logo).layer(DefaultBodyLimit::max(2 * MAX_BODY_BYTES)),
        )
        .route(
            "/admin/partners/logo/remove",
            post(super::admin_partners::logo_remove),
        )
        .route(
            "/admin/partners/login/revoke",
            post(super::admin_partners::login_revoke),
        )
        .route(
            "/admin/partners/account",
            post(super::admin_partners::account),
        )
        .route(
            "/admin/partners/strengths.pdf",
            get(super::admin_partners::strengths_pdf),
        )
        .route("/admin/p", get(super::partner_web::inbox))
        .route(
            "/admin/p/login",
            get(super::partner_web::login_page).post(super::partner_web::login),
        )
        .route("/admin/p/logout", post(super::partner_web::logout))
        .route("/admin/p/offer", post(super::partner_web::offer))
        .route("/admin/p/answer", post(super::partner_web::answer))
        .route("/admin/p/signal", post(super::partner_web::signal))
        .route(
            "/admin/partners/remove",
            post(super::admin_partners::remove),
        )
        .route("/admin", get(super::admin_front::front))
        .route(
            "/admin/login",
            get(super::admin_web::login_page).post(super::admin_web::login),
        )
        .route("/admin/logout", post(super::admin_web::logout))
        .route("/admin/kiosks", get(super::admin_web::kiosks))
        .route("/admin/kiosks/add", post(super::admin_web::kiosk_add))
        .route(
            "/admin/kiosks/revoke",
            get(super::admin_web::kiosk_revoke_confirm).post(super::admin_web::kiosk_revoke),
        )
        .route("/admin/numbers", get(super::admin_web::numbers))
        .route("/admin/activities", get(super::admin_activities::list))
        .route("/admin/activities.ics", get(super::admin_activities::ics))
        .route(
            "/admin/activities/save",
            post(super::admin_activities::save),
        )
        .route(
            "/admin/activities/{id}",
            get(super::admin_activities::people),
        )
        .route(
            "/admin/activities/{id}/cancel",
            get(super::admin_activities::cancel_confirm).post(super::admin_activities::cancel),
        )
        .route("/admin/numbers.csv", get(super::admin_web::numbers_csv));
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(healthz))
        .route("/api/v1/pair", post(pair))
        .route("/api/v1/push", post(push))
        .route("/api/v1/changes", get(changes))
        .route("/api/v1/status", get(status))
        .route("/api/v1/resume/{code}", get(resume_code))
        .route("/", get(|| async { Redirect::to("/lessons") }))
        .route("/lessons", get(lessons_index))
        .route("/lessons/{id}", get(lesson_page))
        .route("/code", get(super::board_pages::code_lookup))
        .route("/partners/{site}", get(super::partner_pages::site_page))
        .route("/partner-logo/{hash}", get(super::partner_pages::logo))
        .route("/buurt/{site}", get(super::partner_pages::strengths_page))
        .route("/pictures/{*path}", get(picture))
        .merge(personal)
        .fallback(not_found)
        .with_state(state)
        .layer(axum::middleware::from_fn_with_state(
            phone_guard,
            super::phone_guard::guard,
        ))
        .layer(middleware::from_fn(super::pages::open_language_menu))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(CatchPanicLayer::new())
        .layer(middleware::from_fn(api_errors_as_json))
        .layer(SetResponseHeaderLayer::appending(
            header::VARY,
            vary_language,
        ))
        .layer(middleware::from_fn(no_store_personal))
        .layer(TraceLayer::new_for_http().make_span_with(
            // The phone pages' tokens and codes never reach the log, even at debug level.
            |req: &axum::http::Request<axum::body::Body>| {
                let path = super::phone_guard::loggable_path(req.uri().path());
                tracing::debug_span!("request", method = %req.method(), path = %path)
            },
        ))
}

/// The limits of the HTTP edge, below the routes: hyper's connection settings and the accept
/// loop's cap.
#[derive(Debug, Clone, Copy)]
pub struct EdgeLimits {
    /// A request's headers must be complete this long after the connection opened, or after
    /// its previous answer (so it also ends idle keep-alive connections); else the connection
    /// is closed. Bodies then have [`REQUEST_TIMEOUT`] for the whole request (408).
    pub header_timeout: Duration,
    /// Open connections at most; more wait in the kernel's listen queue until one closes.
    pub max_connections: usize,
}

/// How long a request's headers may take (and a keep-alive connection may sit idle).
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(15);
/// Open connections at most, unless `serve --max-connections` says otherwise (below the usual
/// limit of 1024 open files, with room for the database's).
pub const MAX_CONNECTIONS: usize = 512;

impl Default for EdgeLimits {
    fn default() -> Self {
        Self {
            header_timeout: HEADER_TIMEOUT,
            max_connections: MAX_CONNECTIONS,
        }
    }
}

/// Serves until `shutdown` resolves, then finishes the requests (and their transactions)
/// already under way before returning.
pub async fn serve(
    listener: tokio::net::TcpListener,
    store: Store,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_with(listener, AppState::new(store, None), shutdown).await
}

/// [`serve`] with a given state (the lessons of a folder, a clock).
pub async fn serve_with(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_with_limits(listener, state, EdgeLimits::default(), shutdown).await
}

/// [`serve_with`] with given edge limits. The accept loop is hyper's own HTTP/1 connection
/// (`axum::serve` offers no header timeout): hyper's `header_read_timeout` closes connections
/// whose headers stall or drip, and idle keep-alive ones; a semaphore caps open connections;
/// hyper-util's `GracefulShutdown` ends idle connections and lets busy ones finish.
pub async fn serve_with_limits(
    listener: tokio::net::TcpListener,
    state: AppState,
    limits: EdgeLimits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let router = router_with(state);
    let permits = Arc::new(tokio::sync::Semaphore::new(limits.max_connections.max(1)));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            p = permits.clone().acquire_owned() => match p {
                Ok(p) => p,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            r = listener.accept() => match r {
                Ok(x) => x,
                Err(e) => {
                    accept_error(e).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let service = hyper::service::service_fn(move |mut req: axum::http::Request<_>| {
            req.extensions_mut().insert(ConnectInfo(peer));
            router.clone().oneshot(req)
        });
        let conn =
            graceful.watch(http.serve_connection(hyper_util::rt::TokioIo::new(stream), service));
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!(error = %e, "connection ended");
            }
            drop(permit);
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// After a failed accept: a connection the client gave up on is nothing; anything else (out
/// of file handles) is logged and waited out a moment, as `axum::serve` does.
async fn accept_error(e: std::io::Error) {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(
        e.kind(),
        ConnectionAborted | ConnectionRefused | ConnectionReset
    ) {
        return;
    }
    tracing::error!(error = %e, "accepting a connection failed");
    tokio::time::sleep(Duration::from_secs(1)).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_client_address_is_believed_from_a_local_proxy_only() {
        let mut h = HeaderMap::new();
        h.append(
            "x-forwarded-for",
            "203.0.113.9, 198.51.100.7".parse().unwrap(),
        );
        let ip = |s: &str| Some(s.parse::<IpAddr>().unwrap());
        // From a proxy on this machine: the address it appended (the last).
        assert_eq!(
            ClientIp::of(ip("127.0.0.1"), &h).0,
            ip("198.51.100.7").unwrap()
        );
        assert_eq!(ClientIp::of(ip("::1"), &h).0, ip("198.51.100.7").unwrap());
        assert_eq!(
            ClientIp::of(ip("::ffff:127.0.0.1"), &h).0,
            ip("198.51.100.7").unwrap()
        );
        // From anywhere else the header is a claim, not an address.
        assert_eq!(
            ClientIp::of(ip("192.0.2.1"), &h).0,
            ip("192.0.2.1").unwrap()
        );
        assert_eq!(
            ClientIp::of(ip("::ffff:192.0.2.1"), &h).0,
            ip("192.0.2.1").unwrap()
        );
        assert_eq!(
            ClientIp::of(ip("127.0.0.1"), &HeaderMap::new()).0,
            ip("127.0.0.1").unwrap()
        );
    }
}
