//! `digidak-server partner ...`: the local partners of a site ("Wie kan helpen").

use std::process::ExitCode;

use clap::Subcommand;

use digidak_protocol::PartnerRecord;
use digidak_server::ServerStore;

#[derive(Debug, Subcommand)]
pub enum PartnerCmd {
    /// Add a partner organisation to a site (or change the one of that name); its kiosks show
    /// it under "Wie kan helpen" for its categories. `--site` more than once: the partner
    /// serves exactly those sites (as `partner sites`), found by its name at the first.
    Add {
        #[arg(long, required = true)]
        site: Vec<String>,
        /// Its name, as residents know it ("OCMW", "De Ark").
        name: String,
        /// One or two sentences: what they do.
        #[arg(long, default_value = "")]
        description: String,
        /// Board categories they help with, comma-separated: paperwork, computer, odd-jobs,
        /// shopping, transport, language, cooking, children, lending, company.
        #[arg(long, default_value = "")]
        categories: String,
        /// Opening hours, Brussels time: "mon-fri 9:00-12:00 13:00-17:00; sat 10:00-12:00".
        #[arg(long, default_value = "")]
        hours: String,
        #[arg(long, default_value = "")]
        address: String,
        /// How to reach them: a phone number, a mail address, "walk in".
        #[arg(long, default_value = "")]
        contact: String,
        /// Its logo: a name of the shared pictures (`letter`, `health`, `town-hall`, ...).
        #[arg(long, default_value = "")]
        picture: String,
        /// Its offers go on the board without a volunteer's approval.
        #[arg(long)]
        trusted: bool,
    },
    /// List a site's partners: name, categories, hours.
    List {
        #[arg(long)]
        site: String,
    },
    /// Give a partner a login to the admin web (`/admin/p`): its offers, the asks sent to it,
    /// its care signals; nothing else. Reads the password (at least 10 characters) from stdin;
    /// again for the same login: a new password, its sessions end.
    Account {
        #[arg(long)]
        site: String,
        /// The partner's name.
        partner: String,
        /// The login name.
        login: String,
    },
    /// "Wat onze buurt kan" of a site (offers on the board and partners per category) as an
    /// A4 PDF to put up.
    Strengths {
        #[arg(long)]
        site: String,
        #[arg(long, value_name = "FILE")]
        to: std::path::PathBuf,
        /// nl, fr or en.
        #[arg(long, default_value = "nl")]
        lang: String,
    },
    /// Give a partner of a site (by its name) a logo from a PNG or JPEG file (at most 1 MiB
    /// and 4096 pixels a side): stored as a small PNG, shown on the kiosks and phone pages
    /// instead of its picture. `--remove` instead of a file takes it away.
    Logo {
        #[arg(long)]
        site: String,
        /// The partner's name.
        partner: String,
        #[arg(required_unless_present = "remove")]
        file: Option<std::path::PathBuf>,
        #[arg(long, conflicts_with = "file")]
        remove: bool,
    },
    /// The partner logins (of one site, or all): login, partner, site, last login. Never a
    /// password.
    Logins {
        #[arg(long)]
        site: Option<String>,
    },
    /// Revoke a partner login: it cannot log in any more and its sessions end at once.
    RevokeLogin { login: String },
    /// The sites a partner (by its name at `--site`) serves, comma-separated ("noord,zuid"):
    /// the kiosks of each show it, one login sees its inbox on all of them; a site left out
    /// forgets it. Without SITES: prints them.
    Sites {
        #[arg(long)]
        site: String,
        /// The partner's name.
        name: String,
        sites: Option<String>,
    },
    /// Remove a partner of a site by its name: kiosks forget it.
    Remove {
        #[arg(long)]
        site: String,
        name: String,
    },
}

pub fn partner(store: &dyn ServerStore, command: PartnerCmd) -> anyhow::Result<ExitCode> {
    let now = digidak_server::http::now_ms();
    let by_name = |site: &str, name: &str| -> anyhow::Result<Option<PartnerRecord>> {
        Ok(store
            .partners(site)?
            .into_iter()
            .find(|p| p.name.to_lowercase() == name.trim().to_lowercase()))
    };
    match command {
        PartnerCmd::Add {
            site,
            name,
            description,
            categories,
            hours,
            address,
            contact,
            picture,
            trusted,
        } => {
            let hours = digidak_core::partners::parse_week(&hours)
                .map_err(|e| anyhow::anyhow!("--hours: {e}"))?;
            let sites = site;
            let site = sites[0].clone();
            let id = by_name(&site, &name)?.map(|p| p.id).unwrap_or_default();
            let p = PartnerRecord {
                id,
                name,
                description,
                picture,
                categories: categories
                    .split(',')
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(String::from)
                    .collect(),
                hours,
                address,
                contact,
                deleted: false,
                trusted,
                logo: String::new(),
            };
            let saved = store.save_partner(&site, &p, now)?;
            if sites.len() > 1 {
                store.set_partner_sites(&saved.id, &sites, now)?;
            }
            let sites = store.partner_sites(&saved.id)?.join(",");
            println!("partner {:?} saved at site {sites}", saved.name);
        }
        PartnerCmd::List { site } => {
            for p in store.partners(&site)? {
                println!(
                    "{}\t{}\t{}",
                    p.name,
                    p.categories.join(","),
                    digidak_core::partners::week_text(&p.hours)
                );
            }
        }
        PartnerCmd::Account {
            site,
            partner,
            login,
        } => {
            let Some(p) = by_name(&site, &partner)? else {
                eprintln!("no partner {partner:?} at site {site}");
                return Ok(ExitCode::from(1));
            };
            let mut password = String::new();
            std::io::stdin().read_line(&mut password)?;
            let hash =
                digidak_server::admin_web::hash_password(password.trim_end_matches(['\r', '\n']))
                    .map_err(anyhow::Error::msg)?;
            store.set_partner_account(&login, &p.id, &hash, now)?;
            println!("login {login:?} for partner {:?} saved", p.name);
        }
        PartnerCmd::Strengths { site, to, lang } => {
            let lang = digidak_core::lang::Lang::from_code(&lang)
                .ok_or_else(|| anyhow::anyhow!("--lang must be nl, fr or en"))?;
            let tr = digidak_core::i18n::Translations::load()?;
            let bytes = digidak_server::strengths_pdf(store, &tr, lang, &site, now)?;
            std::fs::write(&to, bytes)
                .map_err(|e| anyhow::anyhow!("writing {}: {e}", to.display()))?;
            println!("written to {}", to.display());
        }
        PartnerCmd::Logo {
            site,
            partner,
            file,
            remove,
        } => {
            let Some(p) = by_name(&site, &partner)? else {
                eprintln!("no partner {partner:?} at site {site}");
                return Ok(ExitCode::from(1));
            };
            let logo = match (file, remove) {
                (Some(file), false) => {
                    let bytes = std::fs::read(&file)
                        .map_err(|e| anyhow::anyhow!("reading {}: {e}", file.display()))?;
                    match digidak_core::logo::prepare_logo(&bytes) {
                        Ok(l) => Some(l),
                        Err(problem) => {
                            eprintln!("{}: {problem}", file.display());
                            return Ok(ExitCode::from(2));
                        }
                    }
                }
                _ => None,
            };
            let saved = store.set_partner_logo(&p.id, logo.as_ref(), now)?;
            if saved.logo.is_empty() {
                println!("partner {:?} has no logo now", p.name);
            } else {
                println!("partner {:?} has logo {}", p.name, saved.logo);
            }
        }
        PartnerCmd::Logins { site } => {
            for a in store.partner_logins(site.as_deref())? {
                let last = a.last_login_ms.map_or("never".to_string(), |ms| {
                    digidak_core::activities::local_now(ms).replace('T', " ")
                });
                println!("{}\t{}\t{}\t{last}", a.login, a.partner_name, a.site);
            }
        }
        PartnerCmd::RevokeLogin { login } => {
            if !store.revoke_partner_login(&login)? {
                eprintln!("no partner login {login:?}");
                return Ok(ExitCode::from(1));
            }
            println!("login {login:?} revoked: it cannot log in any more");
        }
        PartnerCmd::Sites { site, name, sites } => {
            let Some(p) = by_name(&site, &name)? else {
                eprintln!("no partner {name:?} at site {site}");
                return Ok(ExitCode::from(1));
            };
            let now_sites = match sites {
                Some(list) => {
                    let list = digidak_server::partners::parse_sites(&list)?;
                    store.set_partner_sites(&p.id, &list, now)?
                }
                None => store.partner_sites(&p.id)?,
            };
            println!("partner {:?} serves {}", p.name, now_sites.join(","));
        }
        PartnerCmd::Remove { site, name } => {
            let Some(p) = by_name(&site, &name)? else {
                eprintln!("no partner {name:?} at site {site}");
                return Ok(ExitCode::from(1));
            };
            store.remove_partner(&p.id, now)?;
            println!("partner {:?} removed from site {site}", p.name);
        }
    }
    Ok(ExitCode::SUCCESS)
}
