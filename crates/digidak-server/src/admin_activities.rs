//! The admin web's activities: per site, the coming activities with their seats; create one or
//! a monthly series (the same form rules as the kiosk's admin mode), change or cancel one; an
//! activity's sign-ups with check-ins (names: admins only), its CSV, and the site's `.ics`.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use super::admin_page::{admin_layout, confirm_page, done_message, table};
use super::admin_web::{
    Admin, CsrfForm, blocking, csrf_field, lang_of, query_value, sites_and_choice,
};
use super::http::{AppState, now_ms};
use super::pages::esc;
use digidak_core::activities::{ActivityForm, csv_line, when_in_words};
use digidak_core::lang::Lang;
use digidak_protocol::ActivityState;

/// `GET /admin/activities?site=..`: the site's activities and the form for a new one.
pub async fn list(
    State(state): State<AppState>,
    Admin(s, _): Admin,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let (sites, site) = match sites_and_choice(&state, &query).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let form = match query_value(&query, "edit") {
        Some(id) => {
            let store = state.store.clone();
            let list = match site.clone() {
                Some(site) => blocking(move || store.activities(&site)).await,
                None => Ok(Vec::new()),
            };
            match list {
                Ok(l) => l
                    .iter()
                    .find(|a| a.activity.id == id)
                    .map(|a| ActivityForm::from_record(&a.activity)),
                Err(r) => return r,
            }
        }
        None => None,
    };
    let done = query_value(&query, "done");
    page(
        &state,
        lang,
        &s.csrf,
        &sites,
        site,
        form,
        None,
        done.as_deref(),
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn page(
    state: &AppState,
    lang: Lang,
    csrf: &str,
    sites: &[String],
    site: Option<String>,
    form: Option<ActivityForm>,
    problem: Option<(&'static str, String)>,
    done: Option<&str>,
) -> Response {
    let tr = &state.translations;
    let t = |k: &str| esc(&tr.get(lang, k));
    let l = lang.code();
    let mut main = format!(
        "{}<h1>{}</h1><p>",
        done_message(tr, lang, done),
        t("adminweb-activities")
    );
    for s in sites {
        let current = if Some(s) == site.as_ref() {
            " aria-current=\"page\""
        } else {
            ""
        };
        main.push_str(&format!(
            "<a href=\"/admin/activities?site={s}&amp;lang={l}\"{current}>{s}</a> ",
            s = esc(s)
        ));
    }
    main.push_str("</p>");
    let Some(site) = site else {
        main.push_str(&format!("<p>{}</p>", t("adminweb-no-sites")));
        return admin_layout(
            tr,
            lang,
            "/admin/activities",
            Some(csrf),
            &tr.get(lang, "adminweb-activities"),
            StatusCode::OK,
            &main,
        );
    };
    let store = state.store.clone();
    let site_q = site.clone();
    let list: Vec<ActivityState> = match blocking(move || store.activities(&site_q)).await {
        Ok(l) => l,
        Err(r) => return r,
    };
    main.push_str(&format!(
        "<p><a class=\"action\" href=\"/admin/activities.ics?site={s}\">{}</a></p>",
        t("adminweb-ics"),
        s = esc(&site),
    ));
    let head = [
        format!("!{}", t("activity-form-title")),
        t("adminweb-when"),
        t("activity-form-place"),
        format!("#{}", t("adminweb-confirmed")),
        format!("#{}", t("activity-form-capacity")),
        format!("#{}", t("adminweb-free")),
        format!("#{}", t("adminweb-waitlisted")),
        String::new(),
    ];
    let now = digidak_core::activities::local_now(now_ms());
    let rows: Vec<Vec<String>> = list
        .iter()
        .filter(|a| !a.activity.deleted && a.activity.end > now)
        .map(|a| {
            let r = &a.activity;
            let id = esc(&r.id);
            vec![
                format!("<strong>{}</strong>", esc(&r.title)),
                esc(&when_in_words(&r.start, &r.end, lang)),
                esc(&r.place),
                a.confirmed.to_string(),
                r.capacity.to_string(),
                a.free.to_string(),
                a.waitlisted.to_string(),
                format!(
                    "<a class=\"action\" href=\"/admin/activities/{id}?lang={l}\">{people}</a> \
                     <a class=\"action\" href=\"/admin/activities?site={s}&amp;edit={id}&amp;lang={l}\">{edit}</a> \
                     <a class=\"danger\" href=\"/admin/activities/{id}/cancel?lang={l}\">{cancel}</a>",
                    s = esc(&site),
                    people = t("adminweb-people"),
                    edit = t("adminweb-edit"),
                    cancel = t("adminweb-cancel-activity"),
                ),
            ]
        })
        .collect();
    main.push_str(&table(&head, &rows));
    let f = form.unwrap_or_else(ActivityForm::new_default);
    let heading = if f.id.is_some() {
        t("adminweb-edit")
    } else {
        t("activity-admin-new")
    };
    main.push_str(&format!(
        "<h2>{heading}</h2><form method=\"post\" action=\"/admin/activities/save?lang={l}\">{}\
         <input type=\"hidden\" name=\"site\" value=\"{}\">{}<div class=\"grid-form\">",
        csrf_field(csrf),
        esc(&site),
        f.id.as_ref()
            .map(|id| format!("<input type=\"hidden\" name=\"id\" value=\"{}\">", esc(id)))
            .unwrap_or_default(),
    ));
    if let Some((field, expected)) = &problem {
        main.push_str(&format!(
            "<p class=\"tip\">{}</p>",
            esc(&tr.get_args(
                lang,
                "activity-form-problem",
                &[
                    ("field", (*field).into()),
                    ("expected", expected.clone().into())
                ]
            ))
        ));
    }
    let mut field = |key: &str, name: &str, value: &str| {
        main.push_str(&format!(
            "<p><label>{}<br><input name=\"{name}\" value=\"{}\"></label></p>",
            t(key),
            esc(value)
        ));
    };
    field("activity-form-title", "title", &f.title);
    field("activity-form-description", "description", &f.description);
    field("activity-form-place", "place", &f.place);
    field("activity-form-date", "date", &f.date);
    field("activity-form-start", "start", &f.start);
    field("activity-form-end", "end", &f.end);
    field("activity-form-capacity", "capacity", &f.capacity);
    field("activity-form-max-party", "max_party", &f.max_party);
    field("activity-form-block", "block", &f.block);
    field("activity-form-close-hours", "close_hours", &f.close_hours);
    field("activity-form-languages", "languages", &f.languages);
    if f.id.is_none() {
        field("activity-form-months", "months", &f.months);
    }
    main.push_str(&format!(
        "</div><p class=\"muted\">{}</p><p><button class=\"button\" type=\"submit\">{}</button></p></form>",
        t("activity-form-help"),
        t("activity-form-save")
    ));
    let title = tr.get(lang, "adminweb-activities");
    let status = if problem.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    admin_layout(
        tr,
        lang,
        "/admin/activities",
        Some(csrf),
        &title,
        status,
        &main,
    )
}

/// `POST /admin/activities/save`: a new activity (or series), or changes to one.
pub async fn save(
    State(state): State<AppState>,
    Admin(s, _): Admin,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    // The form's CSRF token is checked below, after what was typed is read: an expired form
    // comes back with everything typed in it and says what to do.
    let f = super::admin_web::form(&body);
    let expired = f.get("csrf") != Some(&s.csrf);
    let lang = lang_of(&state, &query, &headers);
    let get = |k: &str| f.get(k).cloned().unwrap_or_default();
    let site = get("site");
    let mut af = ActivityForm {
        id: f.get("id").cloned().filter(|i| !i.is_empty()),
        title: get("title"),
        description: get("description"),
        place: get("place"),
        date: get("date"),
        start: get("start"),
        end: get("end"),
        capacity: get("capacity"),
        max_party: get("max_party"),
        block: get("block"),
        close_hours: get("close_hours"),
        months: get("months"),
        languages: get("languages"),
    };
    if af.id.is_none() && af.months.is_empty() {
        af.months = "1".into();
    }
    let store = state.store.clone();
    let sites = match blocking(move || store.sites()).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    if expired {
        let sites_ok = sites.contains(&site);
        let mut resp = page(
            &state,
            lang,
            &s.csrf,
            &sites,
            sites_ok.then_some(site),
            Some(af),
            None,
            Some("expired"),
        )
        .await;
        *resp.status_mut() = StatusCode::FORBIDDEN;
        return resp;
    }
    let records = match af.records() {
        Ok(r) => r,
        Err(problem) => {
            return page(
                &state,
                lang,
                &s.csrf,
                &sites,
                Some(site),
                Some(af),
                Some(problem),
                None,
            )
            .await;
        }
    };
    // A change keeps what the form does not show (picture, deleted state).
    let store = state.store.clone();
    let site_w = site.clone();
    let saved = blocking(move || {
        let existing = store.activities(&site_w)?;
        for mut r in records {
            if let Some(old) = existing.iter().find(|a| a.activity.id == r.id) {
                r.picture = old.activity.picture.clone();
            }
            store.save_activity(&site_w, &r, now_ms())?;
        }
        Ok(())
    })
    .await;
    if let Err(r) = saved {
        return r;
    }
    tracing::info!("activities saved from the admin web");
    Redirect::to(&format!(
        "/admin/activities?site={}&done=saved&lang={}",
        form_urlencoded::byte_serialize(site.as_bytes()).collect::<String>(),
        lang.code()
    ))
    .into_response()
}

/// `POST /admin/activities/{id}/cancel`: it does not take place.
pub async fn cancel(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    Path(id): Path<String>,
    _form: CsrfForm,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let store = state.store.clone();
    let done = blocking(move || {
        let Some(site) = store.activity_site(&id)? else {
            return Ok(None);
        };
        let list = store.activities(&site)?;
        if let Some(a) = list.into_iter().find(|a| a.activity.id == id) {
            let mut r = a.activity;
            r.deleted = true;
            store.save_activity(&site, &r, now_ms())?;
        }
        Ok(Some(site))
    })
    .await;
    match done {
        Ok(Some(site)) => Redirect::to(&format!(
            "/admin/activities?site={}&done=cancelled&lang={}",
            form_urlencoded::byte_serialize(site.as_bytes()).collect::<String>(),
            lang.code()
        ))
        .into_response(),
        Ok(None) => (StatusCode::NOT_FOUND, "no such activity").into_response(),
        Err(r) => r,
    }
}

/// An activity and its site, by id (None if unknown).
async fn activity_of(
    state: &AppState,
    id: &str,
) -> Result<Option<(String, ActivityState)>, Response> {
    let store = state.store.clone();
    let id = id.to_string();
    blocking(move || {
        let Some(site) = store.activity_site(&id)? else {
            return Ok(None);
        };
        Ok(store
            .activities(&site)?
            .into_iter()
            .find(|a| a.activity.id == id)
            .map(|a| (site, a)))
    })
    .await
}

/// A sign-up's status in the page's language (`confirmed`, `waitlisted`, ...).
pub(super) fn status_word(
    tr: &digidak_core::i18n::Translations,
    lang: Lang,
    status: &str,
) -> String {
    let key = format!("adminweb-status-{status}");
    let word = tr.get(lang, &key);
    if word == key {
        status.to_string()
    } else {
        word
    }
}

/// `GET /admin/activities/{id}/cancel`: asks before cancelling.
pub async fn cancel_confirm(
    State(state): State<AppState>,
    Admin(s, _): Admin,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    Path(id): Path<String>,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let tr = &state.translations;
    let Some((site, a)) = (match activity_of(&state, &id).await {
        Ok(v) => v,
        Err(r) => return r,
    }) else {
        return (StatusCode::NOT_FOUND, tr.get(lang, "adminweb-no-activity")).into_response();
    };
    let r = &a.activity;
    let l = lang.code();
    let about = format!(
        "{} · {} · {}",
        r.title,
        when_in_words(&r.start, &r.end, lang),
        tr.get_args(
            lang,
            "adminweb-cancel-people",
            &[("count", digidak_core::i18n::num(a.confirmed + a.waitlisted))]
        )
    );
    confirm_page(
        tr,
        lang,
        &s.csrf,
        "/admin/activities",
        &tr.get(lang, "adminweb-cancel-sure"),
        &about,
        &tr.get(lang, "adminweb-cancel-yes"),
        &format!("/admin/activities/{}/cancel?lang={l}", r.id),
        &[],
        &format!(
            "/admin/activities?site={}&lang={l}",
            form_urlencoded::byte_serialize(site.as_bytes()).collect::<String>()
        ),
    )
}

/// `GET /admin/activities/{id}`: who comes (title, date, place; numbered names, party sizes,
/// phone numbers to call, status, check-ins); `.csv` the same as a spreadsheet with the
/// page's words; `.pdf` a sign-in sheet to print.
pub async fn people(
    State(state): State<AppState>,
    Admin(session, _): Admin,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    Path(id): Path<String>,
) -> Response {
    let lang = lang_of(&state, &query, &headers);
    let tr = &state.translations;
    let (id, kind) = match (id.strip_suffix(".csv"), id.strip_suffix(".pdf")) {
        (Some(i), _) => (i.to_string(), "csv"),
        (_, Some(i)) => (i.to_string(), "pdf"),
        _ => (id, "html"),
    };
    let Some((_site, activity)) = (match activity_of(&state, &id).await {
        Ok(v) => v,
        Err(r) => return r,
    }) else {
        return (StatusCode::NOT_FOUND, tr.get(lang, "adminweb-no-activity")).into_response();
    };
    let store = state.store.clone();
    let lookup = id.clone();
    let mut rows = match blocking(move || store.signups(&lookup)).await {
        Ok(r) => r,
        Err(r) => return r,
    };
    // Arrival order; cancelled sign-ups last.
    rows.sort_by_key(|s| (s.status == "cancelled", s.seq));
    let r = &activity.activity;
    if kind == "csv" {
        let mut out = tr.get(lang, "adminweb-csv-signups-header");
        out.push('\n');
        for (n, s) in rows.iter().enumerate() {
            out.push_str(&csv_line(
                &(n + 1).to_string(),
                &s.code,
                &s.first_name,
                s.phone.as_deref(),
                s.party,
                &digidak_core::activities::csv_field(&status_word(tr, lang, &s.status)),
                s.checked_in_ms,
            ));
            out.push('\n');
        }
        return (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"digidak-signups.csv\"",
                ),
                (header::CACHE_CONTROL, "no-store"),
            ],
            out,
        )
            .into_response();
    }
    if kind == "pdf" {
        let sheet = super::admin_sheet::SignInSheet {
            title: r.title.clone(),
            when: when_in_words(&r.start, &r.end, lang),
            place: r.place.clone(),
            heading: [
                "#".to_string(),
                tr.get(lang, "adminweb-col-name"),
                tr.get(lang, "adminweb-people-party"),
                tr.get(lang, "adminweb-col-phone"),
                tr.get(lang, "adminweb-col-state"),
                tr.get(lang, "adminweb-signature"),
            ],
            rows: rows
                .iter()
                .filter(|s| s.status != "cancelled")
                .enumerate()
                .map(|(n, s)| {
                    [
                        (n + 1).to_string(),
                        s.first_name.clone(),
                        s.party.to_string(),
                        s.phone.clone().unwrap_or_default(),
                        status_word(tr, lang, &s.status),
                    ]
                })
                .collect(),
            footer: tr.get(lang, "adminweb-sheet-footer"),
        };
        return match tokio::task::spawn_blocking(move || sheet.pdf()).await {
            Ok(Ok(bytes)) => (
                [
                    (header::CONTENT_TYPE, "application/pdf"),
                    (
                        header::CONTENT_DISPOSITION,
                        "attachment; filename=\"digidak-sign-in.pdf\"",
                    ),
                    (header::CACHE_CONTROL, "no-store"),
                ],
                bytes,
            )
                .into_response(),
            _ => super::admin_web::unavailable(),
        };
    }
    let t = |k: &str| esc(&tr.get(lang, k));
    let l = lang.code();
    let people: u32 = rows
        .iter()
        .filter(|s| s.status == "confirmed")
        .map(|s| s.party)
        .sum();
    let mut main = format!(
        "<h1>{}: {}</h1><p><strong>{}</strong> · {}</p><p>{}</p>\
         <p class=\"noprint\"><a class=\"button\" href=\"/admin/activities/{id}.pdf?lang={l}\">{}</a> \
         <a class=\"action\" href=\"/admin/activities/{id}.csv?lang={l}\">{}</a></p>",
        t("adminweb-people"),
        esc(&r.title),
        esc(&when_in_words(&r.start, &r.end, lang)),
        esc(&r.place),
        esc(&tr.get_args(
            lang,
            "adminweb-people-summary",
            &[
                ("count", digidak_core::i18n::num(people)),
                ("capacity", digidak_core::i18n::num(r.capacity)),
                ("waiting", digidak_core::i18n::num(activity.waitlisted)),
            ]
        )),
        t("adminweb-sheet-pdf"),
        t("adminweb-csv"),
        id = esc(&r.id),
    );
    let head = [
        "##".to_string(),
        format!("!{}", t("adminweb-col-name")),
        format!("#{}", t("adminweb-people-party")),
        t("adminweb-col-phone"),
        t("adminweb-col-state"),
        t("checkin-code"),
        t("checkin-here"),
    ];
    let cells: Vec<Vec<String>> = rows
        .iter()
        .enumerate()
        .map(|(n, s)| {
            vec![
                (n + 1).to_string(),
                esc(&s.first_name),
                s.party.to_string(),
                s.phone
                    .as_deref()
                    .map(|p| {
                        let dial: String = p
                            .chars()
                            .filter(|c| c.is_ascii_digit() || *c == '+')
                            .collect();
                        format!(
                            "<a class=\"nowrap\" href=\"tel:{}\">{}</a>",
                            esc(&dial),
                            esc(p)
                        )
                    })
                    .unwrap_or_else(|| "–".into()),
                esc(&status_word(tr, lang, &s.status)),
                format!(
                    "<span class=\"nowrap\">{}</span>",
                    esc(&digidak_core::activities::display_code(&s.code))
                ),
                s.checked_in_ms
                    .map(|ms| esc(&digidak_core::activities::local_now(ms)[11..]))
                    .unwrap_or_else(|| "–".into()),
            ]
        })
        .collect();
    if cells.is_empty() {
        main.push_str(&format!("<p>{}</p>", t("adminweb-people-none")));
    } else {
        main.push_str(&table(&head, &cells));
    }
    let title = tr.get(lang, "adminweb-people");
    admin_layout(
        tr,
        lang,
        &format!("/admin/activities/{}", r.id),
        Some(&session.csrf),
        &title,
        StatusCode::OK,
        &main,
    )
}

/// `GET /admin/activities.ics?site=..`: the site's coming activities for a calendar.
pub async fn ics(
    State(state): State<AppState>,
    _admin: Admin,
    RawQuery(query): RawQuery,
) -> Response {
    let site = query_value(&query, "site").unwrap_or_default();
    let store = state.store.clone();
    match blocking(move || store.activities(&site)).await {
        Ok(list) => (
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"digidak.ics\"",
                ),
            ],
            digidak_core::activities::ics(&list, now_ms()),
        )
            .into_response(),
        Err(r) => r,
    }
}
