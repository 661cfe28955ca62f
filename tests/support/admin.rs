//! The admin web from a test: a server with one admin, logging in, cookies and CSRF tokens.

use super::{InProcessServer, now_ms};

pub fn client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// The value of cookie `name` set by a response.
pub fn set_cookie(resp: &reqwest::blocking::Response, name: &str) -> Option<(String, String)> {
    resp.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(|v| {
            let value = v[name.len() + 1..].split(';').next().unwrap().to_string();
            (value, v.to_string())
        })
}

/// The hidden CSRF field of a page.
pub fn csrf(html: &str) -> String {
    let at = html.find("name=\"csrf\" value=\"").unwrap() + 19;
    html[at..at + html[at..].find('"').unwrap()].to_string()
}

pub struct Login {
    pub cookie: String,
    pub csrf: String,
}

pub fn start() -> (tempfile::TempDir, InProcessServer) {
    let dir = tempfile::tempdir().unwrap();
    let server = InProcessServer::start(&dir.path().join("server.sqlite3"));
    let hash = digidak_server::admin_web::hash_password("correct horse battery").unwrap();
    server
        .store
        .set_admin("coordinator", &hash, now_ms())
        .unwrap();
    (dir, server)
}

/// Fetches the login form, posts `password`; returns the response.
pub fn try_login(server: &InProcessServer, password: &str) -> reqwest::blocking::Response {
    let http = client();
    let form = http
        .get(format!("{}/admin/login", server.url()))
        .send()
        .unwrap();
    let (login_cookie, _) = set_cookie(&form, "dd_login").unwrap();
    let token = csrf(&form.text().unwrap());
    http.post(format!("{}/admin/login", server.url()))
        .header("cookie", format!("dd_login={login_cookie}"))
        .form(&[
            ("name", "coordinator"),
            ("password", password),
            ("csrf", &token),
        ])
        .send()
        .unwrap()
}

pub fn login(server: &InProcessServer) -> Login {
    let resp = try_login(server, "correct horse battery");
    assert_eq!(resp.status(), 303);
    let (cookie, _) = set_cookie(&resp, "dd_session").unwrap();
    let page = client()
        .get(format!("{}/admin/kiosks", server.url()))
        .header("cookie", format!("dd_session={cookie}"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    Login {
        csrf: csrf(&page),
        cookie,
    }
}
