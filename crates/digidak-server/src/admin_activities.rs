//! The admin web's activities: per site, the coming activities with their seats; create one or
//! a monthly series (the same form rules as the kiosk's admin mode), change or cancel one; an
//! activity's sign-ups with check-ins (names: admins only), its CSV, and the site's `.ics`.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use super::admin_web::{
    blocking, csrf_field, lang_of, nav, query_value, session, session_with_form, sites_and_choice,
};
use super::http::{AppState, now_ms};
use super::pages::{esc, layout};
use digidak_core::activities::{ActivityForm, csv_line, when_in_words};
use digidak_core::lang::Lang;
use digidak_protocol::ActivityState;

/// `GET /admin/activities?site=..`: the site's activities and the form for a new one.
pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let (s, _) = match session(&state, &headers).await {
        Ok(x) => x,
        Err(r) => return r,
    };
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
    page(&state, lang, &s.csrf, &sites, site, form, None).await
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
) -> Response {
    let tr = &state.translations;
    let t = |k: &str| esc(&tr.get(lang, k));
    let l = lang.code();
    let mut main = format!("{}<h1>{}</h1><p>", nav(tr, lang), t("adminweb-activities"));
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
        return layout(
            tr,
            lang,
            &tr.get(lang, "adminweb-activities"),
            "/admin/activities",
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
        "<p><a href=\"/admin/activities.ics?site={s}\">{}</a></p><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th></th></tr>",
        t("adminweb-ics"),
        t("activity-form-title"),
        t("adminweb-when"),
        t("adminweb-confirmed"),
        t("adminweb-free"),
        t("adminweb-waitlisted"),
        s = esc(&site),
    ));
    let now = digidak_core::activities::local_now(now_ms());
    for a in list
        .iter()
        .filter(|a| !a.activity.deleted && a.activity.end > now)
    {
        let r = &a.activity;
        main.push_str(&format!(
            "<tr><td>{title}</td><td>{when}</td><td>{}</td><td>{}</td><td>{}</td><td>\
             <a href=\"/admin/activities/{id}?lang={l}\">{people}</a> · \
             <a href=\"/admin/activities?site={s}&amp;edit={id}&amp;lang={l}\">{edit}</a>\
             <form method=\"post\" action=\"/admin/activities/{id}/cancel?lang={l}\">{csrf}\
             <button type=\"submit\">{cancel}</button></form></td></tr>",
            a.confirmed,
            a.free,
            a.waitlisted,
            title = esc(&r.title),
            when = esc(&format!(
                "{} · {}",
                &r.start[..10],
                when_in_words(&r.start, &r.end, lang)
            )),
            id = esc(&r.id),
            s = esc(&site),
            people = t("adminweb-people"),
            edit = t("adminweb-edit"),
            cancel = t("adminweb-cancel-activity"),
            csrf = csrf_field(csrf),
        ));
    }
    main.push_str("</table>");
    let f = form.unwrap_or_else(ActivityForm::new_default);
    let heading = if f.id.is_some() {
        t("adminweb-edit")
    } else {
        t("activity-admin-new")
    };
    main.push_str(&format!(
        "<h2>{heading}</h2><form method=\"post\" action=\"/admin/activities/save?lang={l}\">{}\
         <input type=\"hidden\" name=\"site\" value=\"{}\">{}",
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
        "<p class=\"muted\">{}</p><p><button class=\"button\" type=\"submit\">{}</button></p></form>",
        t("activity-form-help"),
        t("activity-form-save")
    ));
    let title = tr.get(lang, "adminweb-activities");
    let status = if problem.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    layout(tr, lang, &title, "/admin/activities", status, &main)
}

/// `POST /admin/activities/save`: a new activity (or series), or changes to one.
pub async fn save(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let (s, _, f) = match session_with_form(&state, &headers, &body).await {
        Ok(x) => x,
        Err(r) => return r,
    };
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
        "/admin/activities?site={}&lang={}",
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
    body: Bytes,
) -> Response {
    if let Err(r) = session_with_form(&state, &headers, &body).await {
        return r;
    }
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
            "/admin/activities?site={}&lang={}",
            form_urlencoded::byte_serialize(site.as_bytes()).collect::<String>(),
            lang.code()
        ))
        .into_response(),
        Ok(None) => (StatusCode::NOT_FOUND, "no such activity").into_response(),
        Err(r) => r,
    }
}

/// `GET /admin/activities/{id}`: the people, with check-ins; `/admin/activities/{id}.csv`.
pub async fn people(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    Path(id): Path<String>,
) -> Response {
    if let Err(r) = session(&state, &headers).await {
        return r;
    }
    let lang = lang_of(&state, &query, &headers);
    let csv = id.ends_with(".csv");
    let id = id.trim_end_matches(".csv").to_string();
    let store = state.store.clone();
    let lookup = id.clone();
    let rows = match blocking(move || store.signups(&lookup)).await {
        Ok(r) => r,
        Err(r) => return r,
    };
    if csv {
        let mut out = String::from(digidak_core::activities::CSV_HEADER);
        out.push('\n');
        for s in &rows {
            out.push_str(&csv_line(
                &s.seq.to_string(),
                &s.code,
                &s.first_name,
                s.phone.as_deref(),
                s.party,
                &s.status,
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
    let tr = &state.translations;
    let t = |k: &str| esc(&tr.get(lang, k));
    let mut main = format!(
        "{}<h1>{}</h1><p><a class=\"button\" href=\"/admin/activities/{}.csv\">{}</a></p>\
         <table><tr><th>#</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        nav(tr, lang),
        t("adminweb-people"),
        esc(&id),
        t("adminweb-csv"),
        t("adminweb-col-name"),
        t("signup-party"),
        t("adminweb-col-state"),
        t("checkin-code"),
        t("checkin-here"),
    );
    for s in &rows {
        main.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            s.seq,
            esc(&s.first_name),
            s.party,
            esc(&s.status),
            esc(&digidak_core::activities::display_code(&s.code)),
            s.checked_in_ms
                .map(|ms| esc(&digidak_core::activities::local_now(ms)[11..]))
                .unwrap_or_default(),
        ));
    }
    main.push_str("</table>");
    let title = tr.get(lang, "adminweb-people");
    let mut resp = layout(tr, lang, &title, "/admin/activities", StatusCode::OK, &main);
    resp.headers_mut().insert(
        header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    resp
}

/// `GET /admin/activities.ics?site=..`: the site's coming activities for a calendar.
pub async fn ics(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    if let Err(r) = session(&state, &headers).await {
        return r;
    }
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
