//! The board's part of the server store: what the phone pages, the admin web and the CLI ask.
//! Kiosks change posts only through pushed operations ([`super::apply`]).

use super::storage::Transactions;
use super::{ServerError, board};
use digidak_protocol::{PostByCode, PostClosed, PostModerated, PostReply, PostState};

/// A post found by its code: its site, where it stands, and its replies.
pub type PostWithReplies = (String, PostState, Vec<PostReply>);

pub trait BoardStore {
    /// The code of the post a phone token belongs to (the phone page's key).
    fn post_code_by_token(&self, token: &str) -> Result<Option<String>, ServerError>;
    /// The post with this code (the code holder's view).
    fn post_by_code(&self, code: &str) -> Result<Option<PostWithReplies>, ServerError>;
    /// Posts of a site in these statuses (`waiting`, `public`, ...), newest first.
    fn posts(&self, site: &str, statuses: &[&str]) -> Result<Vec<PostState>, ServerError>;
    /// The site of a post.
    fn post_site(&self, id: &str) -> Result<Option<String>, ServerError>;
    /// A moderation decision from the admin web (the same rules as volunteer mode).
    fn moderate_post(&self, m: &PostModerated, now_ms: i64) -> Result<(), ServerError>;
    /// "Still needed" by the code holder on the phone page.
    fn renew_post(&self, code: &str, now_ms: i64) -> Result<(), ServerError>;
    /// The code holder ends the post, saying whether the board helped.
    fn close_post(&self, code: &str, helped: bool, now_ms: i64) -> Result<(), ServerError>;
    fn post_days(&self, site: &str) -> Result<u32, ServerError>;
    /// Empties replies of posts that ended more than `days` days ago; returns how many.
    fn forget_old_replies(&self, days: u32, now_ms: i64) -> Result<usize, ServerError>;
    fn set_post_days(&self, site: &str, days: u32) -> Result<(), ServerError>;
}

/// A moderation, renewal or closing on every backend; a refusal is a 400.
fn board_write<S: Transactions>(
    store: &S,
    f: impl FnOnce(&mut dyn crate::storage::Tx) -> super::apply::Applied,
) -> Result<(), ServerError> {
    store.write_tx(|tx| f(tx)?.map_err(ServerError::from))
}

fn by_code_op<S: Transactions>(store: &S, code: &str) -> Result<(String, PostByCode), ServerError> {
    let (site, post, _) = store
        .read_tx(|tx| board::by_code(tx, code))?
        .ok_or_else(|| ServerError::NotFound("no post with this code".into()))?;
    Ok((
        site,
        PostByCode {
            id: post.post.id,
            code: code.to_string(),
        },
    ))
}

/// The board's part of every backend, over its transactions.
impl<S: Transactions> BoardStore for S {
    fn post_code_by_token(&self, token: &str) -> Result<Option<String>, ServerError> {
        self.read_tx(|tx| board::code_by_token(tx, token))
    }

    fn post_by_code(&self, code: &str) -> Result<Option<PostWithReplies>, ServerError> {
        self.read_tx(|tx| board::by_code(tx, code))
    }

    fn posts(&self, site: &str, statuses: &[&str]) -> Result<Vec<PostState>, ServerError> {
        self.read_tx(|tx| board::list(tx, site, statuses))
    }

    fn post_site(&self, id: &str) -> Result<Option<String>, ServerError> {
        Ok(self
            .read_tx(|tx| board::load(tx, id))?
            .map(|(site, _)| site))
    }

    fn moderate_post(&self, m: &PostModerated, now_ms: i64) -> Result<(), ServerError> {
        let site = self
            .post_site(&m.id)?
            .ok_or_else(|| ServerError::NotFound("no such post".into()))?;
        board_write(self, |tx| board::moderated(tx, &site, m, now_ms))
    }

    fn renew_post(&self, code: &str, now_ms: i64) -> Result<(), ServerError> {
        let (site, b) = by_code_op(self, code)?;
        board_write(self, |tx| board::renewed(tx, &site, &b, now_ms))
    }

    fn close_post(&self, code: &str, helped: bool, now_ms: i64) -> Result<(), ServerError> {
        let (site, b) = by_code_op(self, code)?;
        let c = PostClosed {
            id: b.id,
            code: b.code,
            helped,
        };
        board_write(self, |tx| board::closed(tx, &site, &c, now_ms))
    }

    fn post_days(&self, site: &str) -> Result<u32, ServerError> {
        self.read_tx(|tx| board::post_days(tx, site))
    }

    fn forget_old_replies(&self, days: u32, now_ms: i64) -> Result<usize, ServerError> {
        self.forget_tx(|tx| board::forget_old_replies(tx, days, now_ms))
    }

    fn set_post_days(&self, site: &str, days: u32) -> Result<(), ServerError> {
        check_post_days(days)?;
        self.write_tx(|tx| crate::storage::Tx::set_post_days(tx, site, days))
    }
}

/// The period an admin may set for a site's posts.
pub(crate) fn check_post_days(days: u32) -> Result<(), ServerError> {
    if !(1..=digidak_core::board::MAX_EXPIRY_DAYS).contains(&days) {
        return Err(ServerError::BadRequest(format!(
            "days must be 1 to {}",
            digidak_core::board::MAX_EXPIRY_DAYS
        )));
    }
    Ok(())
}
