//! `/posts/<token>`: the phone page a post's QR code points to. The code holder sees where the
//! post stands, the replies (with how to reach the repliers: the phone token is the key),
//! "still needed?" in the week before it expires, and can end it. Plain HTML, no script; every
//! value escaped and marked `dir="auto"`, so right-to-left text stays in its own box. An
//! unknown or malformed token (or a short code) gets the same 404 page: it tells nothing.

use std::fmt::Write as _;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use super::ServerError;
use super::http::{AppState, blocking, now_ms, page_lang, query_str};
use super::pages::{code_not_found as not_found, esc, layout};
use digidak_core::board::{self, PostStatus};
use digidak_core::i18n::Translations;
use digidak_core::lang::Lang;

/// A phone token from the address, if it has the shape of one.
fn post_token(token: Result<Path<String>, PathRejection>) -> Option<String> {
    token
        .ok()
        .map(|Path(t)| t)
        .filter(|t| digidak_core::codes::is_phone_token(t))
}

/// The code of the post a phone token belongs to.
async fn code_of(state: &AppState, token: &str) -> Result<Option<String>, super::http::ApiError> {
    let store = state.store.clone();
    let token = token.to_string();
    blocking(move || store.post_code_by_token(&token)).await
}

/// The page; `key` (the phone token) is the page's own address.
fn page(
    tr: &Translations,
    lang: Lang,
    key: &str,
    found: &super::board_store::PostWithReplies,
    note: Option<&str>,
    ask: Option<&str>,
    partners: &[digidak_protocol::PartnerRecord],
) -> Response {
    let (_, p, replies) = found;
    let code = &p.post.code;
    let now = now_ms();
    let title = tr.get(lang, "board-title");
    let mut main = format!("<h1>{}</h1>", esc(&title));
    if let Some(key) = note {
        let _ = write!(main, "<p class=\"tip\">{}</p>", esc(&tr.get(lang, key)));
    }
    let kind = board::PostKind::from_id(&p.post.kind).map(|k| tr.get(lang, k.label_key()));
    let category = board::Category::from_id(&p.post.category);
    let cat = category.map(|c| tr.get(lang, &c.label_key()));
    // The category's pictogram, the same as on the kiosk.
    let picto = category
        .map(|c| {
            format!(
                "<span class=\"picto\" style=\"background-image:url('/pictures/{}.svg')\"></span>",
                esc(c.picture())
            )
        })
        .unwrap_or_default();
    let _ = write!(
        main,
        "<section class=\"card\">{picto}<p class=\"muted\">{} · {}</p><h2 dir=\"auto\">{}</h2><p dir=\"auto\">{}</p>",
        esc(&kind.unwrap_or_default()),
        esc(&cat.unwrap_or_default()),
        esc(&p.post.title),
        esc(&p.post.text).replace('\n', "<br>"),
    );
    let status = match PostStatus::from_id(&p.status) {
        Some(PostStatus::Waiting) => tr.get(lang, "board-status-waiting"),
        Some(PostStatus::Public) if board::on_board(p, now) => {
            let date = digidak_core::activities::day_in_words(p.expires_ms.unwrap_or(0), lang);
            tr.get_args(lang, "board-status-public", &[("date", date.into())])
        }
        Some(PostStatus::Public) => tr.get(lang, "board-status-expired"),
        Some(PostStatus::Rejected) => tr.get_args(
            lang,
            "board-status-rejected",
            &[("reason", p.reason.clone().unwrap_or_default().into())],
        ),
        Some(PostStatus::Reported) => tr.get(lang, "board-status-reported"),
        _ => tr.get(lang, "board-status-closed"),
    };
    let _ = write!(
        main,
        "<p><strong>{}</strong></p><p class=\"muted\">{}: <span class=\"code\">{}</span></p></section>",
        esc(&status),
        esc(&tr.get(lang, "page-post-code")),
        esc(&board::display_code(code)),
    );
    let form = |action: &str, label: &str| {
        format!(
            "<form method=\"post\" action=\"/posts/{c}/{action}?lang={l}\">\
             <button type=\"submit\" class=\"button{}\">{}</button></form>",
            if action == "remove" { " danger" } else { "" },
            esc(&tr.get(lang, label)),
            c = esc(key),
            l = lang.code(),
        )
    };
    if board::renewable(p, now) {
        let _ = write!(
            main,
            "<p><strong>{}</strong></p>{}",
            esc(&tr.get(lang, "board-still-needed")),
            form("renew", "board-renew")
        );
    }
    let _ = write!(main, "<h2>{}</h2>", esc(&tr.get(lang, "board-replies")));
    let wiped = replies.iter().any(board::reply_forgotten);
    let kept = replies.iter().filter(|r| !board::reply_forgotten(r));
    let say = if wiped {
        Some(tr.get(lang, "board-replies-wiped"))
    } else if replies.is_empty() {
        Some(tr.get(lang, "board-no-replies"))
    } else {
        board::replies_wiped_on(p, now).map(|on| {
            let date = digidak_core::activities::day_in_words(on, lang);
            tr.get_args(lang, "board-replies-wiped-on", &[("date", date.into())])
        })
    };
    if let Some(say) = say {
        let _ = write!(main, "<p>{}</p>", esc(&say));
    }
    for r in kept {
        let _ = write!(
            main,
            "<section class=\"card\"><p dir=\"auto\">{}</p>",
            esc(&r.message)
        );
        if let Some(c) = &r.contact {
            let reach = tr.get_args(lang, "board-reach", &[("contact", c.clone().into())]);
            let _ = write!(main, "<p dir=\"auto\"><strong>{}</strong></p>", esc(&reach));
        }
        main.push_str("</section>");
    }
    // A post waiting for a volunteer has nothing to do yet. Ending a post asks first: the
    // buttons lead to a question, and only its "yes" ends it.
    let open = matches!(
        PostStatus::from_id(&p.status),
        Some(PostStatus::Public | PostStatus::Reported)
    );
    let l = lang.code();
    match ask {
        Some(what @ ("helped" | "remove")) if open => {
            let (sure, yes) = if what == "helped" {
                ("page-post-helped-sure", "page-post-helped-yes")
            } else {
                ("board-remove-sure", "board-remove-yes")
            };
            let _ = write!(
                main,
                "<section class=\"card here\" id=\"ask\"><p><strong>{}</strong></p>{}\
                 <p><a class=\"button secondary\" href=\"/posts/{c}?lang={l}\">{}</a></p></section>",
                esc(&tr.get(lang, sure)),
                form(what, yes),
                esc(&tr.get(lang, "board-remove-no")),
                c = esc(key),
            );
        }
        _ if open => {
            let _ = write!(
                main,
                "<p class=\"actions\"><a class=\"button good\" href=\"/posts/{c}?lang={l}&amp;ask=helped#ask\">\
                 <span class=\"icon\" style=\"background-image:url('/pictures/check.svg')\"></span> {}</a> \
                 <a class=\"button danger\" href=\"/posts/{c}?lang={l}&amp;ask=remove#ask\">\
                 <span class=\"icon\" style=\"background-image:url('/pictures/trash.svg')\"></span> {}</a></p>",
                esc(&tr.get(lang, "board-helped")),
                esc(&tr.get(lang, "board-remove")),
                c = esc(key),
            );
        }
        _ => {}
    }
    // The site's partners that help with this category ("Wie kan helpen").
    main.push_str(&super::partner_pages::who_can_help(
        tr,
        lang,
        partners,
        &p.post.category,
        now,
    ));
    layout(
        tr,
        lang,
        &title,
        &format!("/posts/{key}"),
        StatusCode::OK,
        &main,
    )
}

/// `GET /posts/{token}`.
pub async fn post_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    token: Result<Path<String>, PathRejection>,
) -> Response {
    let lang = page_lang(&query, &headers);
    let Some(token) = post_token(token) else {
        return not_found(&state.translations, lang);
    };
    let code = match code_of(&state, &token).await {
        Ok(Some(code)) => code,
        Ok(None) => return not_found(&state.translations, lang),
        Err(e) => return e.into_response(),
    };
    let store = state.store.clone();
    let found = blocking(move || {
        let found = store.post_by_code(&code)?;
        let partners = match &found {
            Some((site, _, _)) => store.partners(site)?,
            None => Vec::new(),
        };
        Ok(found.map(|f| (f, partners)))
    });
    match found.await {
        Ok(Some((found, partners))) => {
            let note = match query_str(&query, "done") {
                Some("renew") => Some("page-post-renewed"),
                Some("helped") => Some("page-post-helped"),
                Some("remove") => Some("page-post-removed"),
                _ => None,
            };
            page(
                &state.translations,
                lang,
                &token,
                &found,
                note,
                query_str(&query, "ask"),
                &partners,
            )
        }
        Ok(None) => not_found(&state.translations, lang),
        Err(e) => e.into_response(),
    }
}

/// `POST /posts/{token}/{renew|helped|remove}`: then the page again (303).
pub async fn post_action(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Response {
    let lang = page_lang(&query, &headers);
    let Some((token, what)) = path
        .ok()
        .and_then(|Path((t, w))| digidak_core::codes::is_phone_token(&t).then_some((t, w)))
    else {
        return not_found(&state.translations, lang);
    };
    let code = match code_of(&state, &token).await {
        Ok(Some(code)) => code,
        Ok(None) => return not_found(&state.translations, lang),
        Err(e) => return e.into_response(),
    };
    let store = state.store.clone();
    let (c, w) = (code.clone(), what.clone());
    let done = blocking(move || {
        let changed = match w.as_str() {
            "renew" => store.renew_post(&c, now_ms()),
            "helped" => store.close_post(&c, true, now_ms()),
            "remove" => store.close_post(&c, false, now_ms()),
            _ => return Ok(false),
        };
        match changed {
            Ok(()) => Ok(true),
            // An unknown code: the same 404 as every other unknown code.
            Err(ServerError::NotFound(_)) => Ok(false),
            Err(e) => Err(e),
        }
    })
    .await;
    match done {
        Ok(true) => {
            tracing::info!(action = %what, "a post was changed from its phone page");
            Redirect::to(&format!("/posts/{token}?lang={}&done={what}", lang.code()))
                .into_response()
        }
        Ok(false) => not_found(&state.translations, lang),
        Err(e) => e.into_response(),
    }
}

/// `GET /code?c=..`: the code typed on the not-found page. A lesson's "continue later" code
/// opens the lesson at its step; a sign-up's or a post's code works at a Digidak computer
/// (phone pages open only by their QR code's secret), which the page then says. Rate limited
/// like every phone page ([`super::phone_guard`]).
pub async fn code_lookup(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let lang = page_lang(&query, &headers);
    let typed = super::admin_web::query_value(&query, "c").unwrap_or_default();
    let tr = &state.translations;
    if let Some(code) = digidak_core::lessons::resume::normalize(&typed) {
        let store = state.store.clone();
        match blocking(move || store.find_resume(&code, now_ms())).await {
            Ok(Some(r)) if state.lessons.get(&r.lesson).is_some() => {
                let step = r.step + 1;
                return Redirect::to(&format!(
                    "/lessons/{}?lang={}&step={step}#step-{step}",
                    r.lesson,
                    lang.code()
                ))
                .into_response();
            }
            Ok(_) => {}
            Err(e) => return e.into_response(),
        }
    }
    let digits = typed.chars().filter(char::is_ascii_digit).count();
    let key = if digits == digidak_core::board::CODE_DIGITS
        || digits == digidak_core::activities::CODE_DIGITS
    {
        "page-code-at-kiosk"
    } else {
        "page-code-unknown"
    };
    super::pages::code_not_found_saying(tr, lang, key, StatusCode::OK)
}
