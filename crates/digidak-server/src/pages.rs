//! Phone pages: plain HTML and CSS, no JavaScript, large text, in the resident's language.
//! The kiosk's QR codes point here. Every value is escaped; pages carry a strict
//! Content-Security-Policy.

use std::fmt::Write as _;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use digidak_core::i18n::{Translations, text};
use digidak_core::lang::Lang;
use digidak_core::lessons::{Lesson, Library, Practice, Step};

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = "body{margin:0;font-family:system-ui,'Noto Sans',sans-serif;font-size:1.25rem;\
line-height:1.5;color:#111;background:#fafaf7}header{background:#1d3557;color:#fff;padding:.6rem 1rem;\
display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}\
header a{color:#fff}main{max-width:40rem;margin:0 auto;padding:1rem}h1{font-size:1.7rem;line-height:1.25}\
h2{font-size:1.3rem}a{color:#0b4f8a}nav a{margin-left:.6rem;padding:.3rem .5rem;display:inline-block}\
nav a[aria-current]{font-weight:bold;text-decoration:none;border-bottom:3px solid #f4a261}\
.card{background:#fff;border:2px solid #d8d8d0;border-radius:12px;padding:1rem;margin:1rem 0}\
.here{border-color:#f4a261;border-width:4px}.step img{width:96px;height:96px;float:right;margin:0 0 .5rem .5rem}\
.tip{background:#fff6e5;border-left:6px solid #f4a261;padding:.5rem .8rem}\
.mail{border:1px solid #aaa;border-radius:8px;padding:.5rem .8rem;margin:.5rem 0;background:#fdfdfd}\
.muted{color:#444}details{margin-top:.6rem}summary{cursor:pointer;font-weight:bold;padding:.4rem 0}\
.lessons{list-style:none;padding:0}.lessons li{margin:.6rem 0}.lessons a{display:flex;gap:1rem;\
align-items:center;background:#fff;border:2px solid #d8d8d0;border-radius:12px;padding:.6rem;text-decoration:none;color:#111}\
.lessons img{width:64px;height:64px}.code{font-size:1.6rem;font-weight:bold;letter-spacing:.1em}\
footer{max-width:40rem;margin:2rem auto;padding:0 1rem;color:#444;font-size:1rem}\
.button{display:inline-block;font:inherit;font-weight:bold;color:#fff;background:#0b4f8a;border:0;\
border-radius:10px;padding:.8rem 1.2rem;text-decoration:none;min-height:3rem}\
main{overflow-wrap:anywhere}.code{white-space:nowrap;overflow-wrap:normal}\
.icon{display:inline-block;width:1.4em;height:1.4em;vertical-align:middle;background:#fff center/contain no-repeat;border-radius:4px}\
.button.good{background:#1e6b34}.button.danger{background:#fff;color:#8a1c1c;border:3px solid #8a1c1c}\
.button.secondary{background:#fff;color:#0b4f8a;border:3px solid #0b4f8a}\
.actions{display:flex;flex-wrap:wrap;gap:.8rem}.picto{display:block;width:56px;height:56px;float:right;margin:0 0 .3rem .5rem;background:center/contain no-repeat}\
details.langs{position:relative}details.langs summary{list-style:none;cursor:pointer;border:2px solid #fff;\
border-radius:8px;padding:.25rem .6rem;font-size:1rem}details.langs summary::-webkit-details-marker{display:none}\
details.langs nav{display:flex;flex-wrap:wrap;gap:.2rem;margin-top:.4rem}details.langs nav a{margin:0}\
header{font-size:1rem}.codefield input{font:inherit;font-size:1.4rem;width:100%;max-width:16rem;padding:.4rem;\
letter-spacing:.08em;border:2px solid #555;border-radius:8px}";

/// A globe, drawn here (no emoji font needed), beside the language's name for people who do
/// not read it.
const GLOBE: &str = "<svg width=\"18\" height=\"18\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" \
style=\"vertical-align:-3px\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\">\
<circle cx=\"12\" cy=\"12\" r=\"10\"/><path d=\"M2 12h20M12 2a15 15 0 0 1 0 20M12 2a15 15 0 0 0 0 20\"/></svg>";

/// The security headers of every page (the phone pages' and the admin web's).
pub(super) fn secure(mut resp: Response, csp: &'static str) -> Response {
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(csp),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    resp
}

const PAGE_CSP: &str = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// One shared layout: header with language links, main content, footer.
/// `path` is the page's own address without `lang` (for the language links).
pub fn layout(
    tr: &Translations,
    lang: Lang,
    title: &str,
    path: &str,
    status: StatusCode,
    main: &str,
) -> Response {
    let mut html = String::with_capacity(main.len() + 4096);
    let sep = if path.contains('?') { '&' } else { '?' };
    let _ = write!(
        html,
        "<!doctype html><html lang=\"{code}\"{dir}><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · Digidak</title><style>{CSS}</style></head><body><header>\
         <a href=\"/lessons?lang={code}\"><strong>Digidak</strong></a>\
         <details class=\"langs\"><summary aria-label=\"{langs}\">{GLOBE} {name} ▾</summary>\
         <nav aria-label=\"{langs}\">",
        code = lang.code(),
        dir = if lang.is_rtl() { " dir=\"rtl\"" } else { "" },
        title = esc(title),
        langs = esc(&tr.get(lang, "page-languages")),
        name = esc(&tr.get(lang, "language-name")),
    );
    for l in Lang::ALL {
        let current = if l == lang {
            " aria-current=\"page\""
        } else {
            ""
        };
        let _ = write!(
            html,
            "<a href=\"{}{sep}lang={}\" lang=\"{}\"{current}>{}</a>",
            esc(path),
            l.code(),
            l.code(),
            esc(&tr.get(l, "language-name"))
        );
    }
    let _ = write!(
        html,
        "</nav></details></header><main>{main}</main><footer>{}</footer></body></html>",
        esc(&tr.get(lang, "page-footer"))
    );
    let resp = (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        html,
    )
        .into_response();
    secure(resp, PAGE_CSP)
}

/// Whether an `Accept-Language` header names a language the server's translations have.
pub fn accepts_known(accept_language: &str) -> bool {
    accept_language
        .split(',')
        .filter_map(|part| part.split(';').next())
        .filter_map(|tag| tag.trim().get(..2))
        .any(|code| Lang::from_code(&code.to_ascii_lowercase()).is_some())
}

/// Middleware for the phone pages: when neither `?lang=` nor the browser's languages name a
/// language the server has (a phone set to a language without translations), the page came
/// in Dutch, so its language menu is shown open: the other languages are in sight at once.
pub async fn open_language_menu(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let asked = req
        .uri()
        .query()
        .is_some_and(|q| q.split('&').any(|kv| kv.starts_with("lang=")));
    let known = asked
        || req
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(accepts_known);
    let resp = next.run(req).await;
    let html = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if known || !html {
        return resp;
    }
    let (mut parts, body) = resp.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 8 * 1024 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let page = String::from_utf8_lossy(&bytes).replacen(
        "<details class=\"langs\">",
        "<details class=\"langs\" open>",
        1,
    );
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, axum::body::Body::from(page))
}

/// The language asked for in `?lang=`, else the browser's first known language, else Dutch.
pub fn pick_lang(query_lang: Option<&str>, accept_language: Option<&str>) -> Lang {
    if let Some(l) = query_lang.and_then(Lang::from_code) {
        return l;
    }
    accept_language
        .into_iter()
        .flat_map(|h| h.split(','))
        .filter_map(|part| part.split(';').next())
        .filter_map(|tag| tag.trim().get(..2))
        .find_map(|code| Lang::from_code(&code.to_ascii_lowercase()))
        .unwrap_or(Lang::Nl)
}

fn picture_url(key: &str) -> String {
    format!("/pictures/{}.svg", esc(key))
}

/// The address of a lesson picture: `.svg` for a drawing, `.png` or `.jpg` for a photo.
fn lesson_picture_url(lib: &Library, key: &str) -> String {
    match lib.photos.get(key) {
        Some(photo) => format!("/pictures/{}.{}", esc(key), photo.kind.extension()),
        None => picture_url(key),
    }
}

/// `/lessons`: every lesson in `lang`.
pub fn lessons_index(lib: &Library, tr: &Translations, lang: Lang) -> Response {
    let title = tr.get(lang, "page-lessons-title");
    let mut main = format!("<h1>{}</h1><ul class=\"lessons\">", esc(&title));
    for lesson in lib.list(lang, None) {
        let text = lesson.text(lang).expect("listed in lang");
        let _ = write!(
            main,
            "<li><a href=\"/lessons/{id}?lang={code}\"><img src=\"{pic}\" alt=\"\">\
             <span><strong>{title}</strong><br><span class=\"muted\">{summary}</span></span></a></li>",
            id = esc(&lesson.id),
            code = lang.code(),
            pic = lesson_picture_url(lib, &lesson.picture),
            title = esc(&text.title),
            summary = esc(&text.summary),
        );
    }
    main.push_str("</ul>");
    layout(tr, lang, &title, "/lessons", StatusCode::OK, &main)
}

/// A friendly "not found" page.
pub fn not_found(tr: &Translations, lang: Lang) -> Response {
    let title = tr.get(lang, "page-not-found-title");
    let main = format!(
        "<h1>{}</h1><p>{}</p><p><a href=\"/lessons?lang={}\">{}</a></p>",
        esc(&title),
        esc(&tr.get(lang, "page-not-found-text")),
        lang.code(),
        esc(&tr.get(lang, "page-lessons-title")),
    );
    layout(tr, lang, &title, "/lessons", StatusCode::NOT_FOUND, &main)
}

/// The one 404 page of every unknown or malformed sign-up or post address (a phone token,
/// an old short code, anything): the same bytes whatever was asked, so it tells nothing.
pub fn code_not_found(tr: &Translations, lang: Lang) -> Response {
    code_not_found_saying(tr, lang, "page-code-not-found", StatusCode::NOT_FOUND)
}

/// The not-found page with its own first sentence, and a field to type a code: a lesson's
/// "continue later" code opens the lesson there (`/code`). `/code`'s own answers are 200 (the
/// phone guard gives every 404 under its addresses one and the same page).
pub fn code_not_found_saying(
    tr: &Translations,
    lang: Lang,
    key: &str,
    status: StatusCode,
) -> Response {
    let title = tr.get(lang, "page-not-found-title");
    let main = format!(
        "<h1>{}</h1><p>{}</p>\
         <form class=\"codefield card\" method=\"get\" action=\"/code\">\
         <input type=\"hidden\" name=\"lang\" value=\"{l}\">\
         <p><label for=\"c\"><strong>{}</strong></label><br>\
         <input id=\"c\" name=\"c\" inputmode=\"numeric\" autocomplete=\"off\" maxlength=\"20\"></p>\
         <p class=\"muted\">{}</p><p><button class=\"button\" type=\"submit\">{}</button></p></form>\
         <p><a href=\"/lessons?lang={l}\">{}</a></p>",
        esc(&title),
        esc(&tr.get(lang, key)),
        esc(&tr.get(lang, "page-code-type")),
        esc(&tr.get(lang, "page-code-type-help")),
        esc(&tr.get(lang, "page-code-open")),
        esc(&tr.get(lang, "page-lessons-title")),
        l = lang.code(),
    );
    layout(tr, lang, &title, "/lessons", status, &main)
}

/// `/lessons/<id>?lang=..&step=..`: the whole lesson on one page, the practice answers
/// behind "show the answer" (HTML `<details>`, no script).
pub fn lesson_page(
    lib: &Library,
    lesson: &Lesson,
    tr: &Translations,
    lang: Lang,
    here: Option<usize>,
) -> Response {
    // A lesson not written in this language is shown in the first language it has.
    let (lang, text) = match lesson.text(lang) {
        Some(t) => (lang, t),
        None => {
            let (l, t) = lesson.texts.iter().next().expect("a lesson has a language");
            (*l, t)
        }
    };
    let total = text.steps.len();
    let mut main = format!(
        "<h1>{}</h1><p class=\"muted\">{}</p>",
        esc(&text.title),
        esc(&text.summary)
    );
    if let Some(n) = here.filter(|n| *n < total) {
        let _ = write!(
            main,
            "<p><a href=\"#step-{}\">{}</a></p>",
            n + 1,
            esc(&tr.get_args(lang, "page-continue-at", &[("step", (n + 1).into())]))
        );
    }
    for (i, step) in text.steps.iter().enumerate() {
        let class = if here == Some(i) {
            "card step here"
        } else {
            "card step"
        };
        let _ = write!(
            main,
            "<section class=\"{class}\" id=\"step-{n}\"><img src=\"{pic}\" alt=\"\">\
             <h2>{label}</h2><p>{text}</p>",
            n = i + 1,
            pic = lesson_picture_url(lib, &step.picture),
            label = esc(&tr.get_args(
                lang,
                "lesson-step-of",
                &[("step", (i + 1).into()), ("total", total.into())]
            )),
            text = esc(&step.text),
        );
        if let Some(tip) = &step.tip {
            let _ = write!(main, "<p class=\"tip\">{}</p>", esc(tip));
        }
        practice(&mut main, step, tr, lang);
        main.push_str("</section>");
    }
    let _ = write!(
        main,
        "<p><a href=\"/lessons?lang={}\">{}</a></p>",
        lang.code(),
        esc(&tr.get(lang, "page-all-lessons"))
    );
    let path = format!("/lessons/{}", lesson.id);
    layout(tr, lang, &text.title, &path, StatusCode::OK, &main)
}

fn practice(out: &mut String, step: &Step, tr: &Translations, lang: Lang) {
    let Some(p) = &step.practice else { return };
    let show = esc(&tr.get(lang, "page-show-answer"));
    let mark = |right: bool| if right { "✔" } else { "✘" };
    match p {
        Practice::Quiz { choices } => {
            out.push_str("<ul>");
            for c in choices {
                let _ = write!(out, "<li>{}</li>", esc(&c.text));
            }
            let _ = write!(out, "</ul><details><summary>{show}</summary><ul>");
            for c in choices {
                let _ = write!(
                    out,
                    "<li>{} <strong>{}</strong>: {}</li>",
                    mark(c.right),
                    esc(&c.text),
                    esc(&c.why)
                );
            }
            out.push_str("</ul></details>");
        }
        Practice::Phishing { mails } => {
            for (i, m) in mails.iter().enumerate() {
                let _ = write!(
                    out,
                    "<div class=\"mail\"><strong>{n}.</strong> {from}<br><strong>{subject}</strong><br>{body}</div>",
                    n = i + 1,
                    from = esc(&m.from),
                    subject = esc(&m.subject),
                    body = esc(&m.body),
                );
            }
            let _ = write!(out, "<details><summary>{show}</summary><ul>");
            for (i, m) in mails.iter().enumerate() {
                let _ = write!(out, "<li>{} {}. {}</li>", mark(m.fake), i + 1, esc(&m.why));
            }
            out.push_str("</ul></details>");
        }
        Practice::Email { answer } => {
            let _ = write!(out, "<p class=\"code\">{}</p>", esc(answer));
        }
        Practice::Itsme { who, what, case } => {
            let confirm = digidak_core::lessons::practice::itsme_right(*case, true);
            let _ = write!(
                out,
                "<div class=\"mail\"><strong>{}</strong><br>{}<br><strong>{}</strong></div>\
                 <details><summary>{show}</summary><p>{} {}</p></details>",
                esc(&tr.get(lang, "practice-itsme-title")),
                esc(&tr.get_args(lang, "practice-itsme-who", &[("who", text(who))])),
                esc(&tr.get_args(lang, "practice-itsme-what", &[("what", text(what))])),
                esc(&tr.get(
                    lang,
                    if confirm {
                        "practice-itsme-confirm"
                    } else {
                        "practice-itsme-reject"
                    }
                )),
                esc(step.why.as_deref().unwrap_or("")),
            );
        }
    }
}

/// `/signups/<token>`: where a sign-up stands, with a way to cancel (in two taps, no script).
/// Shows nothing personal but the first name the code holder typed. `code` is the address's
/// key: the phone token.
pub fn signup_page(
    tr: &Translations,
    lang: Lang,
    code: &str,
    list: &[crate::SignupWithActivity],
    confirm: bool,
    just_cancelled: bool,
) -> Response {
    let title = tr.get(lang, "page-signup-title");
    let path = format!("/signups/{code}");
    if list.is_empty() {
        return code_not_found(tr, lang);
    }
    let mut main = format!("<h1>{}</h1>", esc(&title));
    if just_cancelled {
        let _ = write!(
            main,
            "<p class=\"tip\">{}</p>",
            esc(&tr.get(lang, "page-signup-cancelled-now"))
        );
    }
    let mut open = false;
    for (s, a) in list {
        main.push_str("<section class=\"card\">");
        if let Some(a) = a {
            let _ = write!(
                main,
                "<span class=\"picto\" style=\"background-image:url('{}')\"></span><h2>{}</h2><p><strong>{}</strong><br>{}</p>",
                picture_url(&a.picture),
                esc(&a.title),
                esc(&digidak_core::activities::when_in_words(
                    &a.start, &a.end, lang
                )),
                esc(&a.place)
            );
        }
        let key = match s.status.as_str() {
            "confirmed" => "signup-confirmed",
            "waitlisted" => "signup-waitlisted",
            _ => "signup-cancelled",
        };
        open |= s.status != "cancelled";
        let _ = write!(
            main,
            "<p>{}</p><p><strong>{}</strong></p><p class=\"muted\">{}: <span class=\"code\">{}</span></p></section>",
            esc(&tr.get_args(
                lang,
                "signup-for",
                &[
                    ("name", s.first_name.clone().into()),
                    ("count", s.party.into())
                ]
            )),
            esc(&tr.get(lang, key)),
            esc(&tr.get(lang, "page-signup-code")),
            esc(&digidak_core::activities::display_code(&s.code)),
        );
    }
    if open && confirm {
        let _ = write!(
            main,
            "<p>{}</p><form method=\"post\" action=\"/signups/{code}/cancel?lang={l}\">\
             <button type=\"submit\" class=\"button\">{}</button></form>\
             <p><a href=\"/signups/{code}?lang={l}\">{}</a></p>",
            esc(&tr.get(lang, "page-signup-cancel-sure")),
            esc(&tr.get(lang, "page-signup-cancel-yes")),
            esc(&tr.get(lang, "page-signup-cancel-no")),
            code = esc(code),
            l = lang.code(),
        );
    } else if open {
        let _ = write!(
            main,
            "<p>{}</p><p><a class=\"button\" href=\"/signups/{code}?lang={l}&amp;confirm=1\">{}</a></p>",
            esc(&tr.get(lang, "page-signup-cancel-ask")),
            esc(&tr.get(lang, "signup-cancel")),
            code = esc(code),
            l = lang.code(),
        );
    }
    layout(tr, lang, &title, &path, StatusCode::OK, &main)
}

/// `/pictures/<key>.svg`: a lesson picture. SVG may carry script, so it gets a policy that
/// runs none.
pub fn picture(lib: &Library, path: &str) -> Option<Response> {
    if let Some((key, kind)) = digidak_core::lessons::PhotoKind::of_file(path) {
        let photo = lib.photos.get(key).filter(|p| p.kind == kind)?;
        let resp = (
            [
                (header::CONTENT_TYPE, kind.mime()),
                (header::CACHE_CONTROL, "public, max-age=86400"),
            ],
            photo.bytes.to_vec(),
        )
            .into_response();
        return Some(secure(resp, "default-src 'none'; frame-ancestors 'none'"));
    }
    let key = path.strip_suffix(".svg")?;
    let svg = lib.pictures.get(key)?;
    let resp = (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        svg.to_string(),
    )
        .into_response();
    Some(secure(
        resp,
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn futures_body(resp: Response) -> Vec<u8> {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(axum::body::to_bytes(resp.into_body(), usize::MAX))
            .unwrap()
            .to_vec()
    }

    #[test]
    fn escapes_everything_that_could_be_markup() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn language_from_query_then_browser_then_dutch() {
        assert_eq!(pick_lang(Some("fr"), Some("en")), Lang::Fr);
        assert_eq!(pick_lang(Some("xx"), Some("en-GB,en;q=0.8")), Lang::En);
        assert_eq!(pick_lang(None, Some("de-DE, fr;q=0.5")), Lang::Fr);
        assert_eq!(pick_lang(None, Some("é,ü")), Lang::Nl);
        assert_eq!(pick_lang(None, None), Lang::Nl);
        assert_eq!(pick_lang(None, Some("ar-MA,fr;q=0.8")), Lang::Ar);
        assert_eq!(pick_lang(None, Some("uk-UA, ru;q=0.5")), Lang::Uk);
        assert_eq!(pick_lang(Some("tr"), Some("nl")), Lang::Tr);
    }

    #[test]
    fn arabic_pages_read_right_to_left() {
        let tr = Translations::load().unwrap();
        let body = |lang| {
            let resp = layout(&tr, lang, "t", "/lessons", StatusCode::OK, "<p>x</p>");
            let bytes = futures_body(resp);
            String::from_utf8(bytes).unwrap()
        };
        let ar = body(Lang::Ar);
        assert!(
            ar.starts_with("<!doctype html><html lang=\"ar\" dir=\"rtl\">"),
            "{ar}"
        );
        assert!(ar.contains("Türkçe") && ar.contains("Українська"), "{ar}");
        let nl = body(Lang::Nl);
        assert!(
            nl.starts_with("<!doctype html><html lang=\"nl\"><head>"),
            "{nl}"
        );
    }
}
