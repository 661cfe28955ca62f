//! `digidak-server activity ...`: activities, their sign-ups, and forgetting old sign-ups.

use std::process::ExitCode;

use clap::Subcommand;

use digidak_server::{ServerError, ServerStore};

use crate::now_ms;

#[derive(Debug, Subcommand)]
pub enum ActivityCmd {
    /// Create an activity, or a monthly series of them (--every "2 wednesday" --months 6).
    Add {
        #[arg(long)]
        site: String,
        #[arg(long)]
        title: String,
        #[arg(long, default_value = "")]
        description: String,
        #[arg(long)]
        place: String,
        /// Start, e.g. 2026-12-09T14:00.
        #[arg(long)]
        start: String,
        /// End time on the same day, e.g. 16:00.
        #[arg(long)]
        end: String,
        #[arg(long)]
        capacity: u32,
        /// Sign-ups close this many hours before the start.
        #[arg(long, default_value_t = 0)]
        close_hours_before: u32,
        /// Most people in one sign-up.
        #[arg(long, default_value_t = 4)]
        max_party: u32,
        /// Seats each kiosk may confirm while offline.
        #[arg(long, default_value_t = 2)]
        block: u32,
        /// A picture name (see assets/lessons/pictures).
        #[arg(long, default_value = "calendar")]
        picture: String,
        /// Languages spoken, comma separated.
        #[arg(long, default_value = "nl")]
        languages: String,
        /// A monthly series: "2 wednesday" (1-4, or "last").
        #[arg(long)]
        every: Option<String>,
        /// How many months the series runs.
        #[arg(long, default_value_t = 1)]
        months: u32,
    },
    /// Change an activity: give only what changes. --cancel: it does not take place.
    Edit {
        id: String,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        description: Option<String>,
        #[arg(long)]
        place: Option<String>,
        #[arg(long)]
        capacity: Option<u32>,
        #[arg(long)]
        max_party: Option<u32>,
        #[arg(long)]
        block: Option<u32>,
        /// Languages spoken, comma separated.
        #[arg(long)]
        languages: Option<String>,
        #[arg(long)]
        cancel: bool,
    },
    /// List a site's activities with their seats.
    List {
        #[arg(long)]
        site: String,
    },
    /// The sign-ups of an activity as CSV (names and phones: keep the file safe).
    Signups { id: String },
    /// Forget names and phones of sign-ups of activities that ended more than DAYS ago.
    Forget {
        #[arg(long, default_value_t = 30)]
        days: u32,
    },
    /// The site's coming activities as an iCalendar file (.ics), for a calendar app.
    Ics {
        #[arg(long)]
        site: String,
    },
}

pub fn activity(store: &dyn ServerStore, command: ActivityCmd) -> anyhow::Result<ExitCode> {
    match command {
        ActivityCmd::Add {
            site,
            title,
            description,
            place,
            start,
            end,
            capacity,
            close_hours_before,
            max_party,
            block,
            picture,
            languages,
            every,
            months,
        } => {
            let refuse = |m: String| {
                eprintln!("digidak-server: {m}");
                Ok(ExitCode::from(2))
            };
            let Some(first) = digidak_core::activities::parse_local(&start) else {
                return refuse(format!("--start {start:?} is not like 2026-12-09T14:00"));
            };
            let Ok(end_time) = end.parse::<jiff::civil::Time>() else {
                return refuse(format!("--end {end:?} is not a time like 16:00"));
            };
            let dates = match &every {
                None => vec![first.date()],
                Some(rule) => match parse_every(rule) {
                    Some((nth, weekday)) => {
                        digidak_core::activities::monthly_series(first.date(), nth, weekday, months)
                            .into_iter()
                            .filter(|d| *d >= first.date())
                            .collect()
                    }
                    None => {
                        return refuse(format!(
                            "--every {rule:?} is not like \"2 wednesday\" or \"last friday\""
                        ));
                    }
                },
            };
            for date in dates {
                let s = date.to_datetime(first.time());
                let e = date.to_datetime(end_time);
                let deadline = s
                    .checked_sub(jiff::Span::new().hours(i64::from(close_hours_before)))
                    .unwrap_or(s);
                let fmt = |d: jiff::civil::DateTime| d.strftime("%Y-%m-%dT%H:%M").to_string();
                let record = digidak_protocol::ActivityRecord {
                    id: uuid::Uuid::now_v7().to_string(),
                    title: title.clone(),
                    description: description.clone(),
                    picture: picture.clone(),
                    place: place.clone(),
                    start: fmt(s),
                    end: fmt(e),
                    deadline: fmt(deadline),
                    capacity,
                    max_party,
                    block,
                    languages: split_list(&languages),
                    deleted: false,
                };
                match store.save_activity(&site, &record, now_ms()) {
                    Ok(()) => println!("{}\t{}\t{}", record.id, record.start, record.title),
                    Err(ServerError::BadRequest(m)) => return refuse(m),
                    Err(e) => return Err(e.into()),
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        ActivityCmd::Edit {
            id,
            title,
            description,
            place,
            capacity,
            max_party,
            block,
            languages,
            cancel,
        } => {
            let Some((site, mut a)) = find_activity(store, &id)? else {
                eprintln!("digidak-server: no activity {id:?} (see `activity list --site ...`)");
                return Ok(ExitCode::from(2));
            };
            a.title = title.unwrap_or(a.title);
            a.description = description.unwrap_or(a.description);
            a.place = place.unwrap_or(a.place);
            a.capacity = capacity.unwrap_or(a.capacity);
            a.max_party = max_party.unwrap_or(a.max_party);
            a.block = block.unwrap_or(a.block);
            if let Some(l) = languages {
                a.languages = split_list(&l);
            }
            a.deleted |= cancel;
            match store.save_activity(&site, &a, now_ms()) {
                Ok(()) => {
                    println!("{}\t{}\t{}", a.id, a.start, a.title);
                    Ok(ExitCode::SUCCESS)
                }
                Err(ServerError::BadRequest(m)) => {
                    eprintln!("digidak-server: {m}");
                    Ok(ExitCode::from(2))
                }
                Err(e) => Err(e.into()),
            }
        }
        ActivityCmd::List { site } => {
            println!("id\tstart\ttitle\tcapacity\tconfirmed\tfree\twaitlisted");
            for a in store.activities(&site)? {
                let r = &a.activity;
                if r.deleted {
                    continue;
                }
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    r.id, r.start, r.title, r.capacity, a.confirmed, a.free, a.waitlisted
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        ActivityCmd::Forget { days } => {
            let n = store.forget_old_signups(days, now_ms())?;
            println!("forgot the names and phone numbers of {n} sign-ups");
            Ok(ExitCode::SUCCESS)
        }
        ActivityCmd::Ics { site } => {
            print!(
                "{}",
                digidak_core::activities::ics(&store.activities(&site)?, now_ms())
            );
            Ok(ExitCode::SUCCESS)
        }
        ActivityCmd::Signups { id } => {
            println!("{}", digidak_core::activities::CSV_HEADER);
            for s in store.signups(&id)? {
                println!(
                    "{}",
                    digidak_core::activities::csv_line(
                        &s.seq.to_string(),
                        &s.code,
                        &s.first_name,
                        s.phone.as_deref(),
                        s.party,
                        &s.status,
                        s.checked_in_ms
                    )
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// The site and record of an activity, by id.
fn find_activity(
    store: &dyn ServerStore,
    id: &str,
) -> anyhow::Result<Option<(String, digidak_protocol::ActivityRecord)>> {
    Ok(store
        .activity_site(id)?
        .map(|site| {
            store.activities(&site).map(|l| {
                l.into_iter()
                    .find(|a| a.activity.id == id)
                    .map(|a| (site, a.activity))
            })
        })
        .transpose()?
        .flatten())
}

/// "2 wednesday" or "last friday".
fn parse_every(rule: &str) -> Option<(u8, jiff::civil::Weekday)> {
    use jiff::civil::Weekday::*;
    let mut words = rule.split_whitespace();
    let nth = match words.next()?.to_ascii_lowercase().as_str() {
        "last" => 5,
        n => n
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse()
            .ok()
            .filter(|n| (1..=4).contains(n))?,
    };
    let day = match words.next()?.to_ascii_lowercase().as_str() {
        "monday" => Monday,
        "tuesday" => Tuesday,
        "wednesday" => Wednesday,
        "thursday" => Thursday,
        "friday" => Friday,
        "saturday" => Saturday,
        "sunday" => Sunday,
        _ => return None,
    };
    Some((nth, day))
}
