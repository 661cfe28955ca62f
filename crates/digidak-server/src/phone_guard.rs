//! The guard in front of the phone pages of sign-ups and posts (`/signups/…`, `/posts/…`):
//!
//! - **Rate limits**, per client address and overall, on every request to them (each one is a
//!   lookup: a page or an action). [`governor`]'s GCRA limiters, a well-kept crate, instead of
//!   counting by hand: they need no timer task, keep one small state per address, and their
//!   arithmetic (burst, then one request per period) is what the docs promise. A refused request
//!   gets 429 and a page that says to wait, with `Retry-After`.
//! - **Misses** (answers 404: an unknown or malformed address, or no page at all) all get the
//!   same 404 page, and are counted and reported in the log at most once a minute, as numbers
//!   only: never a code, token or address.
//! - **Cross-origin POSTs** (another site's form aiming at "cancel" or "remove") are refused with
//!   403 and a page that says what to do: by `Sec-Fetch-Site`, else by `Origin` against `Host`.
//!
//! The client address is the peer's; when the peer is on this machine (the documented reverse
//! proxy), the last address of `X-Forwarded-For` (the one the proxy added). IPv6 addresses
//! count per /64, which one person easily holds whole.

use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::pages::{esc, layout};
use digidak_core::i18n::Translations;

/// How many phone-page requests a client may make at once, and then one per period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhoneLimits {
    pub per_client_burst: u32,
    pub per_client_period: Duration,
    pub overall_burst: u32,
    pub overall_period: Duration,
}

impl Default for PhoneLimits {
    /// Per address: 30 at once, then one every 6 s (10 a minute). Overall: 300 at once, then
    /// 20 a second. A resident needs a handful (open, ask, cancel, see).
    fn default() -> Self {
        Self {
            per_client_burst: 30,
            per_client_period: Duration::from_secs(6),
            overall_burst: 300,
            overall_period: Duration::from_millis(50),
        }
    }
}

fn quota(burst: u32, period: Duration) -> Quota {
    Quota::with_period(period.max(Duration::from_nanos(1)))
        .expect("the period is not zero")
        .allow_burst(NonZeroU32::new(burst.max(1)).expect("at least 1"))
}

/// What the guard counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// A 404: an unknown or malformed address.
    Miss,
    /// A 429: over a rate limit.
    Limited,
    /// A 403: a POST from another site's page.
    OtherSite,
}

/// The counters since the server started, or since the last report in the log.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub misses: u64,
    pub limited: u64,
    pub other_site: u64,
}

impl Counts {
    fn add(&mut self, seen: Seen) {
        match seen {
            Seen::Miss => self.misses += 1,
            Seen::Limited => self.limited += 1,
            Seen::OtherSite => self.other_site += 1,
        }
    }
}

/// The limiters and counters of one server.
pub struct PhoneGuard {
    per_client: DefaultKeyedRateLimiter<IpAddr>,
    overall: DefaultDirectRateLimiter,
    translations: Arc<Translations>,
    requests: AtomicU64,
    /// Since the start, and since the last report (with when that was).
    counts: Mutex<(Counts, Counts, Option<Instant>)>,
}

impl PhoneGuard {
    pub fn new(limits: PhoneLimits, translations: Arc<Translations>) -> Self {
        Self {
            per_client: RateLimiter::keyed(quota(
                limits.per_client_burst,
                limits.per_client_period,
            )),
            overall: RateLimiter::direct(quota(limits.overall_burst, limits.overall_period)),
            translations,
            requests: AtomicU64::new(0),
            counts: Mutex::new((Counts::default(), Counts::default(), None)),
        }
    }

    /// What was counted since the server started.
    pub fn counts(&self) -> Counts {
        self.counts.lock().unwrap_or_else(|e| e.into_inner()).0
    }

    /// `None` when the request may go on; else how long to wait.
    fn admit(&self, client: IpAddr) -> Option<Duration> {
        // Forget addresses that have waited long enough, now and then.
        if self.requests.fetch_add(1, Ordering::Relaxed) % 4096 == 4095 {
            self.per_client.retain_recent();
            self.per_client.shrink_to_fit();
        }
        let now = DefaultClock::default().now();
        if let Err(wait) = self.per_client.check_key(&client) {
            return Some(wait.wait_time_from(now));
        }
        if let Err(wait) = self.overall.check() {
            return Some(wait.wait_time_from(now));
        }
        None
    }

    /// Counts what was seen; reports the counts in the log at most once a minute (the first
    /// at once). Numbers only: never a code, token or address.
    fn count(&self, seen: Seen) {
        let mut c = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        let (total, window, since) = &mut *c;
        total.add(seen);
        window.add(seen);
        if since.is_none_or(|t| t.elapsed() >= Duration::from_secs(60)) {
            tracing::warn!(
                misses = window.misses,
                rate_limited = window.limited,
                other_site = window.other_site,
                misses_total = total.misses,
                rate_limited_total = total.limited,
                other_site_total = total.other_site,
                "phone pages: unknown addresses asked, requests over the limits, POSTs from \
                 other sites (since the last report)"
            );
            *window = Counts::default();
            *since = Some(Instant::now());
        }
    }

    fn page(
        &self,
        headers: &HeaderMap,
        query: &Option<String>,
        status: StatusCode,
        text: &str,
    ) -> Response {
        let lang = super::http::page_lang(query, headers);
        let tr = &self.translations;
        let title = tr.get(lang, "page-phone-guard-title");
        let main = format!(
            "<h1>{}</h1><p>{}</p><p><a href=\"/lessons?lang={}\">{}</a></p>",
            esc(&title),
            esc(&tr.get(lang, text)),
            lang.code(),
            esc(&tr.get(lang, "page-lessons-title")),
        );
        layout(tr, lang, &title, "/lessons", status, &main)
    }
}

/// A path as logs may show it: the key of a sign-up's or post's phone page (a token, or
/// whatever was typed) left out.
pub fn loggable_path(path: &str) -> std::borrow::Cow<'_, str> {
    for prefix in ["/signups/", "/posts/"] {
        if let Some(rest) = path.strip_prefix(prefix) {
            let action = rest.split_once('/').map_or("", |(_, a)| a);
            let action = if action.len() <= 8 && action.bytes().all(|b| b.is_ascii_lowercase()) {
                action
            } else {
                "…"
            };
            return format!("{prefix}…/{action}").into();
        }
    }
    path.into()
}

/// Whether a path is a phone page of a sign-up or a post, or the code typed on the not-found
/// page (`/code`).
fn guarded(path: &str) -> bool {
    path.starts_with("/signups/") || path.starts_with("/posts/") || path == "/code"
}

/// The address limits count against (see the module's docs).
fn client_of(req: &Request) -> IpAddr {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(a)| a.ip());
    let forwarded = || {
        req.headers()
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .next_back()
            .and_then(|a| a.trim().parse::<IpAddr>().ok())
    };
    let ip = match peer {
        Some(p) if p.is_loopback() => forwarded().unwrap_or(p),
        Some(p) => p,
        // Served without connection info: everyone shares one bucket (still limited).
        None => {
            static SAID: std::sync::Once = std::sync::Once::new();
            SAID.call_once(|| {
                tracing::warn!(
                    "phone pages: served without the client's address; all clients share one \
                     rate limit (serve with `into_make_service_with_connect_info`)"
                );
            });
            IpAddr::from([0, 0, 0, 0])
        }
    };
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
        v4 => v4,
    }
}

/// Whether a POST comes from a page of this server (or from no page at all: not a browser's
/// cross-site form). Browsers send `Sec-Fetch-Site` (all current ones) or at least `Origin`.
fn same_origin(req: &Request, from_proxy: bool) -> bool {
    let h = req.headers();
    if let Some(site) = h.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    let Some(origin) = h.get(header::ORIGIN) else {
        return true;
    };
    let Ok(origin) = origin.to_str() else {
        return false;
    };
    let Some(origin_host) = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
    else {
        // `null` (a sandboxed or file page) or anything strange.
        return false;
    };
    let host = |name: &str| h.get(name).and_then(|v| v.to_str().ok());
    let ours = if from_proxy {
        host("x-forwarded-host").or_else(|| host("host"))
    } else {
        host("host")
    };
    ours.is_some_and(|ours| ours.eq_ignore_ascii_case(origin_host))
}

/// The middleware (`axum::middleware::from_fn_with_state`).
pub async fn guard(State(g): State<Arc<PhoneGuard>>, req: Request, next: Next) -> Response {
    if !guarded(req.uri().path()) {
        return next.run(req).await;
    }
    let client = client_of(&req);
    let query = req.uri().query().map(str::to_string);
    if let Some(wait) = g.admit(client) {
        g.count(Seen::Limited);
        let mut resp = g.page(
            req.headers(),
            &query,
            StatusCode::TOO_MANY_REQUESTS,
            "page-phone-guard-wait",
        );
        let secs = wait.as_secs().max(1).to_string();
        if let Ok(v) = HeaderValue::from_str(&secs) {
            resp.headers_mut().insert(header::RETRY_AFTER, v);
        }
        return resp;
    }
    let from_proxy = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .is_some_and(|ConnectInfo(a)| a.ip().is_loopback());
    if req.method() == Method::POST && !same_origin(&req, from_proxy) {
        g.count(Seen::OtherSite);
        return g.page(
            req.headers(),
            &query,
            StatusCode::FORBIDDEN,
            "page-phone-guard-other-site",
        );
    }
    let headers = req.headers().clone();
    let resp = next.run(req).await;
    if resp.status() != StatusCode::NOT_FOUND {
        return resp;
    }
    // Every miss under these addresses (an unknown key, a malformed one, a path that is no
    // page at all) gets the same page, byte for byte.
    g.count(Seen::Miss);
    let lang = super::http::page_lang(&query, &headers);
    super::pages::code_not_found(&g.translations, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(peer: &str, headers: &[(&str, &str)]) -> Request {
        let mut b = Request::builder()
            .method(Method::POST)
            .uri("/signups/x/cancel");
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        let mut r = b.body(axum::body::Body::empty()).unwrap();
        r.extensions_mut()
            .insert(ConnectInfo(peer.parse::<SocketAddr>().unwrap()));
        r
    }

    #[test]
    fn each_address_has_its_burst_and_all_share_the_overall_one() {
        let limits = PhoneLimits {
            per_client_burst: 3,
            per_client_period: Duration::from_secs(3600),
            overall_burst: 5,
            overall_period: Duration::from_secs(3600),
        };
        let g = PhoneGuard::new(limits, Arc::new(Translations::load().unwrap()));
        let (a, b, c) = (
            IpAddr::from([10, 0, 0, 1]),
            IpAddr::from([10, 0, 0, 2]),
            IpAddr::from([10, 0, 0, 3]),
        );
        assert!((0..3).all(|_| g.admit(a).is_none()));
        let wait = g.admit(a).expect("a's burst is used up");
        assert!(wait > Duration::from_secs(3000), "{wait:?}");
        assert!(g.admit(b).is_none() && g.admit(b).is_none());
        assert!(g.admit(c).is_some(), "the overall burst is used up");
        g.count(Seen::Miss);
        g.count(Seen::Miss);
        g.count(Seen::OtherSite);
        let c = g.counts();
        assert_eq!((c.misses, c.limited, c.other_site), (2, 0, 1));
    }

    /// A log line writer into memory.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn misses_are_reported_in_the_log_as_numbers_at_most_once_a_minute() {
        let g = PhoneGuard::new(
            PhoneLimits::default(),
            Arc::new(Translations::load().unwrap()),
        );
        let out = Captured::default();
        let writer = out.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            for _ in 0..5 {
                g.count(Seen::Miss);
            }
        });
        let log = String::from_utf8(out.0.lock().unwrap().clone()).unwrap();
        assert_eq!(log.lines().count(), 1, "{log}");
        assert!(
            log.contains("misses=1") && log.contains("misses_total=1"),
            "{log}"
        );
        assert_eq!(g.counts().misses, 5);
    }

    #[test]
    fn logs_never_see_a_phone_pages_key() {
        let t = digidak_core::codes::phone_token();
        assert_eq!(loggable_path(&format!("/signups/{t}")), "/signups/…/");
        assert_eq!(
            loggable_path(&format!("/posts/{t}/renew")),
            "/posts/…/renew"
        );
        assert_eq!(loggable_path("/posts/12345678/12345678"), "/posts/…/…");
        assert_eq!(loggable_path("/lessons/itsme"), "/lessons/itsme");
    }

    #[test]
    fn client_addresses_behind_the_proxy_and_per_64() {
        let r = request("127.0.0.1:5000", &[("x-forwarded-for", "6.6.6.6, 1.2.3.4")]);
        assert_eq!(client_of(&r), "1.2.3.4".parse::<IpAddr>().unwrap());
        // A stranger's header is not believed.
        let r = request("9.9.9.9:5000", &[("x-forwarded-for", "1.2.3.4")]);
        assert_eq!(client_of(&r), "9.9.9.9".parse::<IpAddr>().unwrap());
        let r = request("[2001:db8:1:2:3:4:5:6]:5000", &[]);
        assert_eq!(client_of(&r), "2001:db8:1:2::".parse::<IpAddr>().unwrap());
    }

    #[test]
    fn posts_from_other_sites_are_told_apart() {
        let ok = |peer, h: &[(&str, &str)]| same_origin(&request(peer, h), peer.starts_with("127"));
        assert!(ok("9.9.9.9:1", &[("sec-fetch-site", "same-origin")]));
        assert!(!ok("9.9.9.9:1", &[("sec-fetch-site", "cross-site")]));
        assert!(!ok("9.9.9.9:1", &[("sec-fetch-site", "same-site")]));
        assert!(ok(
            "9.9.9.9:1",
            &[("origin", "https://d.example"), ("host", "d.example")]
        ));
        assert!(!ok(
            "9.9.9.9:1",
            &[("origin", "https://evil.example"), ("host", "d.example")]
        ));
        assert!(!ok(
            "9.9.9.9:1",
            &[("origin", "null"), ("host", "d.example")]
        ));
        assert!(ok(
            "127.0.0.1:1",
            &[
                ("origin", "https://d.example"),
                ("host", "127.0.0.1:8080"),
                ("x-forwarded-host", "d.example")
            ]
        ));
        assert!(ok("9.9.9.9:1", &[]), "not a browser");
    }
}
