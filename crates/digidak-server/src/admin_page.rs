//! The admin web's page frame: a header with every admin page, the languages (nl, fr, en) and
//! "log out" on every page; a main area as wide as the screen (tables fit at 1280x800 and
//! become one card per row on a phone); the message after an action; confirmation pages for
//! what cannot be undone. Plain HTML and CSS, no script (the same security headers as every
//! page).

use std::fmt::Write as _;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::admin_web::csrf_field;
use super::pages::esc;
use digidak_core::i18n::Translations;
use digidak_core::lang::Lang;

/// The admin web's languages (coordinators): the admin files of `assets/i18n/admin/`.
pub const ADMIN_LANGS: [Lang; 3] = [Lang::Nl, Lang::Fr, Lang::En];

/// The admin pages in the header: address and name key.
const SECTIONS: [(&str, &str); 6] = [
    ("/admin", "adminweb-home"),
    ("/admin/kiosks", "adminweb-kiosks"),
    ("/admin/activities", "adminweb-activities"),
    ("/admin/board", "adminweb-board"),
    ("/admin/partners", "adminweb-partners"),
    ("/admin/numbers", "adminweb-numbers"),
];

const ADMIN_CSS: &str = "*{box-sizing:border-box}body{margin:0;font-family:system-ui,'Noto Sans',sans-serif;\
font-size:1rem;line-height:1.45;color:#111;background:#f6f6f2}\
header{background:#1d3557;color:#fff;padding:.4rem 1rem;display:flex;flex-wrap:wrap;gap:.3rem 1rem;align-items:center}\
header a{color:#fff}header .brand{font-weight:bold;margin-right:.5rem}\
header nav{display:flex;flex-wrap:wrap;gap:.2rem}header nav a{padding:.35rem .6rem;border-radius:6px;text-decoration:none}\
header nav a[aria-current]{background:#fff;color:#1d3557;font-weight:bold}\
header .right{margin-left:auto;display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}\
header .langs a{padding:.2rem .4rem}header .langs a[aria-current]{font-weight:bold;border-bottom:3px solid #f4a261;text-decoration:none}\
header form{margin:0}header button{font:inherit;background:transparent;color:#fff;border:2px solid #fff;border-radius:6px;padding:.25rem .7rem;cursor:pointer}\
main{max-width:90rem;margin:0 auto;padding:.8rem 1rem 2rem}h1{font-size:1.5rem;margin:.4rem 0 .8rem}h2{font-size:1.2rem;margin:1.4rem 0 .5rem}\
a{color:#0b4f8a}table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #d8d8d0}\
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #e4e4dc}\
th{background:#ecece4;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\
.nowrap{white-space:nowrap}td form{display:inline;margin:0}\
button,.button,.action,.danger{font:inherit;display:inline-block;border-radius:8px;padding:.45rem .9rem;cursor:pointer;text-decoration:none;min-height:2.4rem}\
.button{font-weight:bold;color:#fff;background:#0b4f8a;border:2px solid #0b4f8a}\
.action{color:#0b4f8a;background:#fff;border:2px solid #0b4f8a;font-weight:600}\
.danger{color:#8a1c1c;background:#fff;border:2px solid #8a1c1c;font-weight:600}\
.danger.button{color:#fff;background:#8a1c1c}\
.done{background:#e8f4ea;border-left:6px solid #1e6b34;padding:.6rem .9rem;margin:.4rem 0 1rem}\
.tip{background:#fff6e5;border-left:6px solid #f4a261;padding:.6rem .9rem}\
.muted{color:#444}.code{font-size:1.5rem;font-weight:bold;letter-spacing:.1em;white-space:nowrap}\
.card{background:#fff;border:1px solid #d8d8d0;border-radius:10px;padding:.8rem 1rem;margin:0 0 1rem}\
.here{border-color:#f4a261;border-width:4px}\
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:1rem}\
.cards .card{margin:0}.big{font-size:2rem;font-weight:bold;line-height:1.1}\
.big a{text-decoration:none}.ok{color:#1e6b34}.warn{color:#8a1c1c}\
ul.plain{list-style:none;padding:0;margin:.3rem 0}ul.plain li{margin:.25rem 0}\
label{font-weight:600}input,select{font:inherit;padding:.35rem;border:2px solid #888;border-radius:6px;max-width:100%}\
form p{margin:.5rem 0}.grid-form{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.2rem 1rem}\
svg.bars{max-width:100%;height:auto}.scroll{overflow-x:auto}\
@media (max-width:700px){main{padding:.5rem}table.reflow,.reflow tbody,.reflow tr,.reflow td{display:block;width:100%}\
.reflow tr:first-child{display:none}.reflow tr{border-bottom:2px solid #c8c8c0;padding:.3rem 0}\
.reflow td{border:0;padding:.15rem .5rem}.reflow td[data-label]::before{content:attr(data-label) ': ';font-weight:600}\
.reflow td.n{text-align:left}header .right{margin-left:0}}\
@media print{header,.noprint{display:none}body{background:#fff}}";

/// The security headers of the admin pages (no script; inline style and own pictures only).
const ADMIN_CSP: &str = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// One admin page: the header (pages, languages, log out when `csrf` is given), `main`, no
/// footer. `path` is the page's own address (with its query, without `lang`) for the language
/// links; the header marks the section it belongs to.
pub fn admin_layout(
    tr: &Translations,
    lang: Lang,
    path: &str,
    csrf: Option<&str>,
    title: &str,
    status: StatusCode,
    main: &str,
) -> Response {
    let mut html = String::with_capacity(main.len() + 6000);
    let _ = write!(
        html,
        "<!doctype html><html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · Digidak</title><style>{ADMIN_CSS}</style></head><body><header>\
         <span class=\"brand\">Digidak</span>",
        code = lang.code(),
        title = esc(title),
    );
    if csrf.is_some() {
        let section = SECTIONS
            .iter()
            .rev()
            .find(|(p, _)| {
                path == *p
                    || path.starts_with(&format!("{p}/"))
                    || path.starts_with(&format!("{p}?"))
                    || path.starts_with(&format!("{p}."))
            })
            .map(|(p, _)| *p);
        let _ = write!(
            html,
            "<nav aria-label=\"{}\">",
            esc(&tr.get(lang, "adminweb-pages"))
        );
        for (p, key) in SECTIONS {
            let current = if Some(p) == section {
                " aria-current=\"page\""
            } else {
                ""
            };
            let _ = write!(
                html,
                "<a href=\"{p}?lang={}\"{current}>{}</a>",
                lang.code(),
                esc(&tr.get(lang, key))
            );
        }
        html.push_str("</nav>");
    }
    let _ = write!(
        html,
        "<span class=\"right\"><span class=\"langs\" aria-label=\"{}\">",
        esc(&tr.get(lang, "page-languages"))
    );
    let sep = if path.contains('?') { "&amp;" } else { "?" };
    for l in ADMIN_LANGS {
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
    html.push_str("</span>");
    if let Some(csrf) = csrf {
        let _ = write!(
            html,
            "<form method=\"post\" action=\"/admin/logout\">{}<button type=\"submit\">{}</button></form>",
            csrf_field(csrf),
            esc(&tr.get(lang, "adminweb-logout"))
        );
    }
    let _ = write!(html, "</span></header><main>{main}</main></body></html>");
    let resp = (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        html,
    )
        .into_response();
    let mut resp = super::pages::secure(resp, ADMIN_CSP);
    resp.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}

/// A table whose rows become cards on a phone: every cell carries its column's name.
/// `head` are escaped column names (a name starting with `#` is a number column, right-aligned;
/// one starting with `!` is the row's own name, shown without its column name on a phone);
/// `rows` are cells of ready HTML.
pub fn table(head: &[String], rows: &[Vec<String>]) -> String {
    let mut out = String::from("<table class=\"reflow\"><tr>");
    for h in head {
        let h = h.strip_prefix('!').unwrap_or(h);
        let (class, name) = match h.strip_prefix('#') {
            Some(n) => (" class=\"n\"", n),
            None => ("", h),
        };
        let _ = write!(out, "<th{class}>{name}</th>");
    }
    out.push_str("</tr>");
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let (class, name) = match head.get(i).map(String::as_str) {
                Some(h) if h.starts_with('!') => ("", ""),
                Some(h) => match h.strip_prefix('#') {
                    Some(n) => (" class=\"n\"", n),
                    None => ("", h),
                },
                None => ("", ""),
            };
            if name.is_empty() {
                let _ = write!(out, "<td{class}>{cell}</td>");
            } else {
                let _ = write!(out, "<td{class} data-label=\"{name}\">{cell}</td>");
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</table>");
    out
}

/// For a table written without [`table`] (its cells carry no column names): a style sheet that
/// puts `labels` (one per column, in order) before the cells of table `#id` on a phone, where
/// the table becomes one card per row (give the table `class="reflow"`).
pub fn reflow_labels(id: &str, labels: &[String]) -> String {
    let mut css = String::from("<style>@media (max-width:700px){");
    for (i, label) in labels.iter().enumerate() {
        if label.is_empty() {
            continue;
        }
        // A CSS string: no quote, backslash or markup can end it.
        let quoted: String = label
            .chars()
            .map(|c| match c {
                '"' | '\\' | '<' | '>' | '&' => format!("\\{:x} ", c as u32),
                c => c.to_string(),
            })
            .collect();
        let _ = write!(
            css,
            "#{id} td:nth-child({n})::before{{content:\"{quoted}: \";font-weight:600}}",
            n = i + 1
        );
    }
    css.push_str("}</style>");
    css
}

/// The message after an action, from `?done=<what>` (only known words: anything else shows
/// nothing), in the page's language.
pub fn done_message(tr: &Translations, lang: Lang, done: Option<&str>) -> String {
    const KNOWN: [&str; 9] = [
        "revoked",
        "saved",
        "cancelled",
        "approved",
        "rejected",
        "expiry",
        "expired",
        "add-failed",
        "removed",
    ];
    match done.filter(|d| KNOWN.contains(d)) {
        Some(d) => format!(
            "<p class=\"{}\" role=\"status\">{}</p>",
            if matches!(d, "expired" | "add-failed") {
                "tip"
            } else {
                "done"
            },
            esc(&tr.get(lang, &format!("adminweb-done-{d}")))
        ),
        None => String::new(),
    }
}

/// A page that asks before something that cannot be undone: the question, what it is about,
/// a red button that posts `fields` (with the CSRF token) to `action`, and a way back.
#[allow(clippy::too_many_arguments)]
pub fn confirm_page(
    tr: &Translations,
    lang: Lang,
    csrf: &str,
    path: &str,
    question: &str,
    about: &str,
    yes: &str,
    action: &str,
    fields: &[(&str, &str)],
    back: &str,
) -> Response {
    let mut hidden = csrf_field(csrf);
    for (k, v) in fields {
        let _ = write!(
            hidden,
            "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
            esc(k),
            esc(v)
        );
    }
    let main = format!(
        "<h1>{q}</h1><section class=\"card here\"><p><strong>{about}</strong></p>\
         <form method=\"post\" action=\"{action}\">{hidden}\
         <p><button class=\"danger button\" type=\"submit\">{yes}</button> \
         <a class=\"action\" href=\"{back}\">{no}</a></p></form></section>",
        q = esc(question),
        about = esc(about),
        action = esc(action),
        yes = esc(yes),
        back = esc(back),
        no = esc(&tr.get(lang, "adminweb-no-go-back")),
    );
    admin_layout(tr, lang, path, Some(csrf), question, StatusCode::OK, &main)
}
