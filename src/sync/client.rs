//! The kiosk's HTTP client for the sync protocol. Blocking on purpose: it runs only on the
//! sync worker thread, never on the UI thread.

use std::time::Duration;

use serde::de::DeserializeOwned;

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use digidak_protocol::{
    ErrorBody, MIN_PROTOCOL_VERSION, PROTOCOL_VERSION, PairRequest, PairResponse, PullResponse,
    PushRequest, PushResponse, ResumeResponse, StatusResponse,
};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SyncError {
    /// No answer: offline, DNS, refused, timed out, cut off. Retry later.
    #[error("cannot reach the server: {0}")]
    Network(String),
    /// 401: the token is unknown or revoked, or a pairing code is wrong. Retrying will not help.
    #[error("{0}")]
    Unauthorized(String),
    /// Another 4xx: the server refused the request itself. Retrying will not help.
    #[error("the server refused ({status} {code}): {message}")]
    Refused {
        status: u16,
        code: String,
        message: String,
    },
    /// 5xx: the server had a problem. Retry later.
    #[error("the server had a problem ({status}): {message}")]
    Server { status: u16, message: String },
    /// A 2xx answer that is not what the protocol says.
    #[error("the server's answer was not understood: {0}")]
    BadResponse(String),
    #[error("{0:?} is not a web address like https://digidak.example.org")]
    BadUrl(String),
}

impl SyncError {
    /// Network trouble and server errors are worth retrying with backoff.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            SyncError::Network(_) | SyncError::Server { .. } | SyncError::BadResponse(_)
        )
    }
}

#[derive(Clone)]
pub struct SyncClient {
    base: String,
    http: reqwest::blocking::Client,
    /// The protocol version spoken: this build's, or [`MIN_PROTOCOL_VERSION`] once a server
    /// said it does not know this build's (an older server; `docs/sync.md`, "Versions").
    protocol: Arc<AtomicU32>,
}

impl SyncClient {
    pub fn new(base_url: &str) -> Result<Self, SyncError> {
        let base = base_url.trim().trim_end_matches('/').to_string();
        if !(base.starts_with("http://") || base.starts_with("https://"))
            || base.contains(char::is_whitespace)
        {
            return Err(SyncError::BadUrl(base_url.to_string()));
        }
        let http = reqwest::blocking::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(20))
            // The server closes a connection idle for 15 s (`server::http::HEADER_TIMEOUT`):
            // drop idle ones before that, so a request is never sent on one being closed.
            .pool_idle_timeout(Duration::from_secs(10))
            .user_agent(concat!("digidak-kiosk/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SyncError::Network(e.to_string()))?;
        Ok(Self {
            base,
            http,
            protocol: Arc::new(AtomicU32::new(PROTOCOL_VERSION)),
        })
    }

    /// The protocol version this client speaks to its server now.
    pub fn protocol(&self) -> u32 {
        self.protocol.load(Ordering::Relaxed)
    }

    pub fn base_url(&self) -> &str {
        &self.base
    }

    fn answer<T: DeserializeOwned>(
        &self,
        resp: Result<reqwest::blocking::Response, reqwest::Error>,
    ) -> Result<T, SyncError> {
        let answer = Self::read(resp);
        if let Err(SyncError::Refused { code, .. }) = &answer
            && code == "unsupported_protocol"
            && self.protocol() > MIN_PROTOCOL_VERSION
        {
            // An older server: speak the oldest version this build knows from now on.
            tracing::warn!(
                protocol = MIN_PROTOCOL_VERSION,
                "the server does not know this kiosk's protocol: speaking an older one"
            );
            self.protocol.store(MIN_PROTOCOL_VERSION, Ordering::Relaxed);
        }
        answer
    }

    fn read<T: DeserializeOwned>(
        resp: Result<reqwest::blocking::Response, reqwest::Error>,
    ) -> Result<T, SyncError> {
        let resp = resp.map_err(|e| SyncError::Network(e.to_string()))?;
        let status = resp.status();
        let body = resp
            .bytes()
            .map_err(|e| SyncError::Network(e.to_string()))?;
        if status.is_success() {
            return serde_json::from_slice(&body)
                .map_err(|e| SyncError::BadResponse(e.to_string()));
        }
        let err: Option<ErrorBody> = serde_json::from_slice(&body).ok();
        let message = err
            .as_ref()
            .map(|e| e.error.clone())
            .unwrap_or_else(|| String::from_utf8_lossy(&body).chars().take(200).collect());
        let code = err.map(|e| e.code).unwrap_or_default();
        Err(match status.as_u16() {
            401 => SyncError::Unauthorized(message),
            s @ 400..=499 => SyncError::Refused {
                status: s,
                code,
                message,
            },
            s => SyncError::Server { status: s, message },
        })
    }

    /// Runs `call`, and once more when the server said it does not know this build's protocol
    /// (the client then speaks the oldest one it knows): pairing with an older server works at
    /// the first try. (A push carries its protocol in its body: the sync worker's next round
    /// sends it in the older one.)
    fn with_fallback<T>(&self, call: impl Fn() -> Result<T, SyncError>) -> Result<T, SyncError> {
        let before = self.protocol();
        match call() {
            Err(SyncError::Refused { code, .. })
                if code == "unsupported_protocol" && self.protocol() < before =>
            {
                call()
            }
            other => other,
        }
    }

    pub fn pair(&self, code: &str, first_index: u64) -> Result<PairResponse, SyncError> {
        self.with_fallback(|| {
            let req = PairRequest {
                protocol: self.protocol(),
                code: code.to_string(),
                app_version: env!("CARGO_PKG_VERSION").to_string(),
                first_index,
            };
            self.answer(
                self.http
                    .post(format!("{}/api/v1/pair", self.base))
                    .json(&req)
                    .send(),
            )
        })
    }

    pub fn status(&self, token: &str) -> Result<StatusResponse, SyncError> {
        self.with_fallback(|| {
            self.answer(
                self.http
                    .get(format!(
                        "{}/api/v1/status?protocol={}",
                        self.base,
                        self.protocol()
                    ))
                    .bearer_auth(token)
                    .send(),
            )
        })
    }

    pub fn push(&self, token: &str, req: &PushRequest) -> Result<PushResponse, SyncError> {
        self.answer(
            self.http
                .post(format!("{}/api/v1/push", self.base))
                .bearer_auth(token)
                .json(req)
                .send(),
        )
    }

    pub fn pull(&self, token: &str, after: u64, limit: u64) -> Result<PullResponse, SyncError> {
        self.with_fallback(|| {
            self.answer(
                self.http
                    .get(format!(
                        "{}/api/v1/changes?protocol={}&after={after}&limit={limit}",
                        self.base,
                        self.protocol()
                    ))
                    .bearer_auth(token)
                    .send(),
            )
        })
    }

    /// The bytes at `/partner-logo/{hash}` (public, no token), refused past `limit` bytes
    /// (`BadResponse`) without reading more than that. Checking what they are is the caller's
    /// part (`super::logos`).
    pub fn partner_logo(&self, hash: &str, limit: usize) -> Result<Vec<u8>, SyncError> {
        use std::io::Read;
        let resp = self
            .http
            .get(format!("{}/partner-logo/{hash}", self.base))
            .send()
            .map_err(|e| SyncError::Network(e.to_string()))?;
        let status = resp.status();
        if !status.is_success() {
            let s = status.as_u16();
            return Err(if (400..500).contains(&s) {
                SyncError::Refused {
                    status: s,
                    code: String::new(),
                    message: "no such logo".into(),
                }
            } else {
                SyncError::Server {
                    status: s,
                    message: "the logo could not be fetched".into(),
                }
            });
        }
        if resp.content_length().is_some_and(|n| n > limit as u64) {
            return Err(SyncError::BadResponse(format!(
                "a logo of more than {limit} bytes"
            )));
        }
        let mut bytes = Vec::new();
        resp.take(limit as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| SyncError::Network(e.to_string()))?;
        if bytes.len() > limit {
            return Err(SyncError::BadResponse(format!(
                "a logo of more than {limit} bytes"
            )));
        }
        Ok(bytes)
    }

    /// Where a resume code made at any kiosk continues (404 -> `Refused` with `not_found`).
    pub fn resume(&self, token: &str, code: &str) -> Result<ResumeResponse, SyncError> {
        self.with_fallback(|| {
            self.answer(
                self.http
                    .get(format!(
                        "{}/api/v1/resume/{code}?protocol={}",
                        self.base,
                        self.protocol()
                    ))
                    .timeout(Duration::from_secs(8))
                    .bearer_auth(token)
                    .send(),
            )
        })
    }
}
