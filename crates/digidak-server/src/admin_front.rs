//! `GET /admin`: the coordinator's front page, "is everything all right?" at a glance: kiosks
//! offline or with operations waiting (and for how long), refused operations, posts waiting
//! for review and reported posts, help calls today, the next activities with their seats, and
//! this month beside last month as small bar charts (SVG drawn here: no script, numbers and
//! patterns written out, so they read without colour). Every number links to its page.

use std::fmt::Write as _;

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::admin_page::{admin_layout, done_message, table};
use super::admin_web::{Admin, blocking, lang_of, query_value};
use super::http::{AppState, now_ms};
use super::pages::esc;
use digidak_core::activities::{local_now, local_to_unix_ms, when_in_words};
use digidak_core::i18n::{Translations, num, text};
use digidak_core::lang::Lang;
use digidak_protocol::ActivityState;

/// A kiosk counts as offline after this long without a request (its heartbeat is 30 s).
pub const OFFLINE_AFTER_MS: i64 = 90_000;
/// How many coming activities the front page lists.
const NEXT_ACTIVITIES: usize = 6;
/// The figures compared month by month: (what in the numbers, its label key).
const MONTH_FIGURES: [(&str, &str); 5] = [
    ("visits.session", "numbers-visits-session"),
    ("lessons.opened", "numbers-lessons-opened"),
    ("signups", "numbers-signups"),
    ("people.came", "numbers-people-came"),
    ("board.posts", "numbers-board-posts"),
];

/// "3 min", "5 h", "2 days" in the page's language.
pub fn how_long(tr: &Translations, lang: Lang, ms: i64) -> String {
    let s = ms.max(0) / 1000;
    if s < 120 {
        tr.get_args(lang, "adminweb-ago-seconds", &[("n", num(s as f64))])
    } else if s < 7200 {
        tr.get_args(lang, "adminweb-ago-minutes", &[("n", num((s / 60) as f64))])
    } else if s < 2 * 86_400 {
        tr.get_args(lang, "adminweb-ago-hours", &[("n", num((s / 3600) as f64))])
    } else {
        tr.get_args(
            lang,
            "adminweb-ago-days",
            &[("n", num((s / 86_400) as f64))],
        )
    }
}

/// The month before `YYYY-MM`.
fn month_before(month: &str) -> String {
    let y: i32 = month.get(..4).and_then(|v| v.parse().ok()).unwrap_or(1970);
    let m: u32 = month.get(5..7).and_then(|v| v.parse().ok()).unwrap_or(1);
    if m <= 1 {
        format!("{:04}-12", y - 1)
    } else {
        format!("{y:04}-{:02}", m - 1)
    }
}

/// A horizontal bar chart of pairs (last month, this month), one row per figure: the label,
/// a hatched outline bar for last month and a solid bar for this month, each with its number
/// written beside it. No colour is needed to read it.
fn month_chart(rows: &[(String, i64, i64)], last: &str, this: &str) -> String {
    let max = rows
        .iter()
        .flat_map(|(_, a, b)| [*a, *b])
        .max()
        .unwrap_or(0)
        .max(1);
    let (label_w, bar_w, row_h) = (230.0, 300.0, 46.0);
    let height = 30.0 + row_h * rows.len() as f64;
    let mut svg = format!(
        "<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"{height}\" \
         viewBox=\"0 0 600 {height}\" role=\"img\" font-family=\"system-ui,sans-serif\" font-size=\"14\">\
         <defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#333\" \
         stroke-width=\"2\"/></pattern></defs>\
         <rect x=\"{label_w}\" y=\"4\" width=\"14\" height=\"12\" fill=\"url(#hatch)\" stroke=\"#333\"/>\
         <text x=\"{lx1}\" y=\"15\">{last}</text>\
         <rect x=\"{lx2}\" y=\"4\" width=\"14\" height=\"12\" fill=\"#1d3557\"/>\
         <text x=\"{lx3}\" y=\"15\">{this}</text>",
        lx1 = label_w + 20.0,
        lx2 = label_w + 120.0,
        lx3 = label_w + 140.0,
        last = esc(last),
        this = esc(this),
    );
    for (i, (label, before, now)) in rows.iter().enumerate() {
        let y = 30.0 + row_h * i as f64;
        let w = |v: i64| (v as f64 / max as f64 * bar_w).max(1.0);
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{ty}\">{label}</text>\
             <rect x=\"{label_w}\" y=\"{y1}\" width=\"{w1:.1}\" height=\"16\" fill=\"url(#hatch)\" stroke=\"#333\"/>\
             <text x=\"{t1:.1}\" y=\"{ty1}\">{before}</text>\
             <rect x=\"{label_w}\" y=\"{y2}\" width=\"{w2:.1}\" height=\"16\" fill=\"#1d3557\"/>\
             <text x=\"{t2:.1}\" y=\"{ty2}\" font-weight=\"bold\">{now}</text>",
            ty = y + 22.0,
            label = esc(label),
            y1 = y + 2.0,
            w1 = w(*before),
            t1 = label_w + w(*before) + 6.0,
            ty1 = y + 15.0,
            y2 = y + 20.0,
            w2 = w(*now),
            t2 = label_w + w(*now) + 6.0,
            ty2 = y + 33.0,
        );
    }
    svg.push_str("</svg>");
    svg
}

/// `GET /admin`.
pub async fn front(
    State(state): State<AppState>,
    Admin(s, _): Admin,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let tr = &state.translations;
    let now = now_ms();
    let today = local_now(now);
    let day_start = local_to_unix_ms(&format!("{}T00:00", &today[..10])).unwrap_or(now);
    let store = state.store.clone();
    let data = blocking(move || {
        let kiosks = store.list_kiosks()?;
        let attention = store.attention(day_start)?;
        let mut activities: Vec<(String, ActivityState)> = Vec::new();
        for site in store.sites()? {
            for a in store.activities(&site)? {
                activities.push((site.clone(), a));
            }
        }
        let numbers = store.numbers()?;
        Ok((kiosks, attention, activities, numbers))
    })
    .await;
    let (kiosks, attention, mut activities, numbers) = match data {
        Ok(d) => d,
        Err(r) => return r,
    };
    let t = |k: &str| esc(&tr.get(lang, k));
    let l = lang.code();
    let mut main = done_message(tr, lang, query_value(&query, "done").as_deref());
    let _ = write!(
        main,
        "<h1>{}</h1><div class=\"cards\">",
        t("adminweb-home-title")
    );

    // Kiosks offline or with work waiting.
    let live: Vec<_> = kiosks.iter().filter(|k| k.paired && !k.revoked).collect();
    let offline: Vec<_> = live
        .iter()
        .filter(|k| k.last_seen_ms.is_none_or(|t| now - t >= OFFLINE_AFTER_MS))
        .collect();
    let behind: Vec<_> = live
        .iter()
        .filter(|k| k.outbox_len.unwrap_or(0) > 0)
        .collect();
    let _ = write!(
        main,
        "<section class=\"card\"><h2>{}</h2><p class=\"big\"><a href=\"/admin/kiosks?lang={l}\" class=\"{}\">{}</a></p>",
        t("adminweb-front-offline"),
        if offline.is_empty() { "ok" } else { "warn" },
        offline.len()
    );
    if offline.is_empty() && behind.is_empty() {
        let _ = write!(
            main,
            "<p>{}</p>",
            esc(&tr.get_args(
                lang,
                "adminweb-front-all-online",
                &[("count", num(live.len() as f64))]
            ))
        );
    }
    main.push_str("<ul class=\"plain\">");
    for k in &offline {
        let since = match k.last_seen_ms {
            Some(t) => tr.get_args(
                lang,
                "adminweb-front-offline-since",
                &[
                    ("name", text(&k.name)),
                    ("ago", text(&how_long(tr, lang, now - t))),
                ],
            ),
            None => tr.get_args(
                lang,
                "adminweb-front-never-seen",
                &[("name", text(&k.name))],
            ),
        };
        let _ = write!(main, "<li>{}</li>", esc(&since));
    }
    for k in &behind {
        let _ = write!(
            main,
            "<li>{}</li>",
            esc(&tr.get_args(
                lang,
                "adminweb-front-behind",
                &[
                    ("name", text(&k.name)),
                    ("count", num(k.outbox_len.unwrap_or(0) as f64)),
                    (
                        "ago",
                        text(
                            &k.last_seen_ms
                                .map(|t| how_long(tr, lang, now - t))
                                .unwrap_or_else(|| "–".into())
                        )
                    ),
                ]
            ))
        );
    }
    main.push_str("</ul></section>");

    // Refused operations, posts, help calls: per site.
    let sum = |f: fn(&super::SiteAttention) -> i64| attention.iter().map(f).sum::<i64>();
    let rejected = sum(|a| a.rejected_ops);
    let _ = write!(
        main,
        "<section class=\"card\"><h2>{}</h2><p class=\"big\"><a href=\"/admin/kiosks?lang={l}\" class=\"{}\">{rejected}</a></p><p class=\"muted\">{}</p></section>",
        t("adminweb-front-rejected"),
        if rejected == 0 { "ok" } else { "warn" },
        t("adminweb-front-rejected-help"),
    );
    let _ = write!(
        main,
        "<section class=\"card\"><h2>{}</h2><ul class=\"plain\">",
        t("adminweb-board")
    );
    for a in &attention {
        let link = format!("/admin/board?site={}&amp;lang={l}", esc(&a.site));
        let _ = write!(
            main,
            "<li><strong>{site}</strong>: <a href=\"{link}\" class=\"big{w}\">{}</a> {} · <a href=\"{link}\" class=\"big{r}\">{}</a> {}</li>",
            a.posts_waiting,
            t("adminweb-front-waiting"),
            a.posts_reported,
            t("adminweb-front-reported"),
            site = esc(&a.site),
            w = if a.posts_waiting > 0 { " warn" } else { "" },
            r = if a.posts_reported > 0 { " warn" } else { "" },
        );
    }
    main.push_str("</ul></section>");
    let _ = write!(
        main,
        "<section class=\"card\"><h2>{}</h2><ul class=\"plain\">",
        t("adminweb-front-help-today")
    );
    for a in &attention {
        let _ = write!(
            main,
            "<li><strong>{}</strong>: <a class=\"big\" href=\"/admin/numbers?lang={l}\">{}</a> {}</li>",
            esc(&a.site),
            a.help_today,
            esc(&tr.get_args(
                lang,
                "adminweb-front-help-open",
                &[("count", num(a.help_open as f64))]
            )),
        );
    }
    main.push_str("</ul></section></div>");

    // The next activities and their seats.
    let now_local = local_now(now);
    activities.retain(|(_, a)| !a.activity.deleted && a.activity.end > now_local);
    activities.sort_by(|x, y| x.1.activity.start.cmp(&y.1.activity.start));
    let _ = write!(main, "<h2>{}</h2>", t("adminweb-front-next"));
    if activities.is_empty() {
        let _ = write!(main, "<p>{}</p>", t("adminweb-front-no-activities"));
    } else {
        let head = [
            t("activity-form-title"),
            t("adminweb-when"),
            t("adminweb-col-site"),
            format!("#{}", t("adminweb-confirmed")),
            format!("#{}", t("activity-form-capacity")),
            format!("#{}", t("adminweb-waitlisted")),
        ];
        let rows: Vec<Vec<String>> = activities
            .iter()
            .take(NEXT_ACTIVITIES)
            .map(|(site, a)| {
                let r = &a.activity;
                let people = format!("/admin/activities/{}?lang={l}", esc(&r.id));
                let full = a.free == 0 && a.confirmed >= r.capacity;
                vec![
                    format!("<a href=\"{people}\">{}</a>", esc(&r.title)),
                    esc(&when_in_words(&r.start, &r.end, lang)),
                    esc(site),
                    format!(
                        "<a href=\"{people}\">{}</a>{}",
                        a.confirmed,
                        if full {
                            format!(" <strong>({})</strong>", t("adminweb-full"))
                        } else {
                            String::new()
                        }
                    ),
                    r.capacity.to_string(),
                    format!("<a href=\"{people}\">{}</a>", a.waitlisted),
                ]
            })
            .collect();
        main.push_str(&table(&head, &rows));
    }

    // This month beside last month, all sites together.
    let this_month = today[..7].to_string();
    let last_month = month_before(&this_month);
    let figure = |what: &str, month: &str| -> i64 {
        numbers
            .iter()
            .filter(|(_, m, w, _)| m == month && w == what)
            .map(|(_, _, _, n)| *n)
            .sum()
    };
    let rows: Vec<(String, i64, i64)> = MONTH_FIGURES
        .iter()
        .map(|(what, key)| {
            (
                tr.get(lang, key),
                figure(what, &last_month),
                figure(what, &this_month),
            )
        })
        .collect();
    let _ = write!(
        main,
        "<h2>{}</h2><p><a href=\"/admin/numbers?lang={l}\">{}</a></p><figure><a href=\"/admin/numbers?lang={l}\">{}</a><figcaption class=\"muted\">{}</figcaption></figure>",
        t("adminweb-front-months"),
        t("adminweb-numbers"),
        month_chart(&rows, &last_month, &this_month),
        esc(&tr.get_args(
            lang,
            "adminweb-front-months-caption",
            &[("last", text(&last_month)), ("this", text(&this_month))]
        )),
    );
    let title = tr.get(lang, "adminweb-home");
    admin_layout(
        tr,
        lang,
        "/admin",
        Some(&s.csrf),
        &title,
        StatusCode::OK,
        &main,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_month_before_crosses_the_year() {
        assert_eq!(month_before("2026-01"), "2025-12");
        assert_eq!(month_before("2026-11"), "2026-10");
    }

    #[test]
    fn the_chart_writes_every_number() {
        let svg = month_chart(&[("Bezoeken".into(), 12, 30)], "2026-10", "2026-11");
        assert!(svg.contains(">12<") && svg.contains(">30<") && svg.contains("Bezoeken"));
        assert!(!svg.contains("<script"));
    }
}
