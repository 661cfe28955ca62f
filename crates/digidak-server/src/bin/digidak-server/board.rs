//! `digidak-server board ...`: the paper board, how long posts stay, the list of posts.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Subcommand;

use digidak_server::ServerStore;

#[derive(Debug, Subcommand)]
pub enum BoardCmd {
    /// Write the site's posts on the board now (or --new: this week's new ones) as an A4 PDF
    /// with tear-off strips.
    Pdf {
        #[arg(long)]
        site: String,
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
        /// nl, fr or en.
        #[arg(long, default_value = "nl")]
        lang: String,
        /// Only the posts approved in the last seven days (a fresh sheet every week).
        #[arg(long)]
        new: bool,
    },
    /// Days a post stays on the board after approval or renewal (default 28).
    Expiry {
        #[arg(long)]
        site: String,
        #[arg(long)]
        days: u32,
    },
    /// Forget the replies (messages and contacts) of posts that ended more than DAYS ago.
    Forget {
        #[arg(long, default_value_t = 30)]
        days: u32,
    },
    /// List a site's posts (status, expiry, title), newest first.
    List {
        #[arg(long)]
        site: String,
    },
}

pub fn board(store: &dyn ServerStore, command: BoardCmd) -> anyhow::Result<ExitCode> {
    match command {
        BoardCmd::Pdf {
            site,
            to,
            lang,
            new,
        } => {
            let lang = digidak_core::lang::Lang::from_code(&lang)
                .ok_or_else(|| anyhow::anyhow!("--lang must be nl, fr or en"))?;
            let tr = digidak_core::i18n::Translations::load()?;
            let now = digidak_server::http::now_ms();
            let bytes = digidak_server::admin_board_pdf(store, &tr, lang, &site, now, new)?;
            std::fs::write(&to, bytes).with_context(|| format!("writing {}", to.display()))?;
            println!("paper board written to {}", to.display());
        }
        BoardCmd::Expiry { site, days } => {
            store.set_post_days(&site, days)?;
            println!("posts of {site} stay {days} days");
        }
        BoardCmd::Forget { days } => {
            let n = store.forget_old_replies(days, digidak_server::http::now_ms())?;
            println!("forgot the messages and contacts of {n} replies");
        }
        BoardCmd::List { site } => {
            for p in store.posts(
                &site,
                &["waiting", "public", "reported", "rejected", "closed"],
            )? {
                let expires = p
                    .expires_ms
                    .map(digidak_core::activities::local_now)
                    .unwrap_or_default();
                println!(
                    "{}\t{}\t{}\t{}",
                    p.status, expires, p.post.kind, p.post.title
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
