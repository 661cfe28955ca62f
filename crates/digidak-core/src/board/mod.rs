//! The ask & offer board: what residents need and what they can give. Rules only, no egui, no
//! I/O: kinds and categories, how text is cleaned and checked, codes, expiry, and search.
//!
//! A post's life: `waiting` (a volunteer has not looked yet) → `public` (approved: on the board
//! until it expires) or `rejected` (with a reason for the poster). A report takes a public post
//! off the board (`reported`) until a volunteer approves it again or rejects it. The poster
//! may end it (`closed`), saying whether the board helped (a match).

pub mod pdf;

use digidak_protocol::PostState;

/// Ask for help, or offer it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PostKind {
    Ask,
    Offer,
}

impl PostKind {
    pub const ALL: [PostKind; 2] = [PostKind::Ask, PostKind::Offer];

    pub fn id(self) -> &'static str {
        match self {
            PostKind::Ask => "ask",
            PostKind::Offer => "offer",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == id)
    }

    /// The translation key of its name ("Vraag", "Aanbod").
    pub fn label_key(self) -> &'static str {
        match self {
            PostKind::Ask => "board-kind-ask",
            PostKind::Offer => "board-kind-offer",
        }
    }
}

/// What a post is about, each with a picture of the shared lesson pictures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Paperwork,
    Computer,
    OddJobs,
    Shopping,
    Transport,
    Language,
    Cooking,
    Children,
    Lending,
    Company,
}

impl Category {
    pub const ALL: [Category; 10] = [
        Category::Paperwork,
        Category::Computer,
        Category::OddJobs,
        Category::Shopping,
        Category::Transport,
        Category::Language,
        Category::Cooking,
        Category::Children,
        Category::Lending,
        Category::Company,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Category::Paperwork => "paperwork",
            Category::Computer => "computer",
            Category::OddJobs => "odd-jobs",
            Category::Shopping => "shopping",
            Category::Transport => "transport",
            Category::Language => "language",
            Category::Cooking => "cooking",
            Category::Children => "children",
            Category::Lending => "lending",
            Category::Company => "company",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.id() == id)
    }

    /// Its pictogram: a key of the shared pictures (`assets/lessons/pictures`).
    pub fn picture(self) -> &'static str {
        match self {
            Category::Paperwork => "letter",
            Category::Computer => "computer",
            Category::OddJobs => "tools",
            Category::Shopping => "cart",
            Category::Transport => "car",
            Category::Language => "speech",
            Category::Cooking => "pot",
            Category::Children => "child",
            Category::Lending => "box",
            Category::Company => "coffee",
        }
    }

    /// The translation key of its name.
    pub fn label_key(self) -> String {
        format!("board-cat-{}", self.id())
    }
}

/// Where a post stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PostStatus {
    /// Waiting for a volunteer of the site.
    Waiting,
    /// Approved: on the board until it expires.
    Public,
    /// A volunteer said no, with a reason for the poster.
    Rejected,
    /// Someone reported it: off the board until a volunteer decides.
    Reported,
    /// The poster ended it.
    Closed,
}

impl PostStatus {
    pub const ALL: [PostStatus; 5] = [
        PostStatus::Waiting,
        PostStatus::Public,
        PostStatus::Rejected,
        PostStatus::Reported,
        PostStatus::Closed,
    ];

    pub fn id(self) -> &'static str {
        match self {
            PostStatus::Waiting => "waiting",
            PostStatus::Public => "public",
            PostStatus::Rejected => "rejected",
            PostStatus::Reported => "reported",
            PostStatus::Closed => "closed",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// Most characters in a post's title, text, a reply, a way to reach someone, a reason.
pub const TITLE_MAX: usize = 60;
pub const TEXT_MAX: usize = 500;
pub const MESSAGE_MAX: usize = 300;
pub const CONTACT_MAX: usize = 80;
pub const REASON_MAX: usize = 200;
/// Most languages a poster may name.
pub const MAX_LANGUAGES: usize = 8;

/// Digits in a post code: 10^12 codes, so guessing one of a site's posts is hopeless.
pub const CODE_DIGITS: usize = 12;
/// How long a post stays on the board when the admin has not said otherwise.
pub const DEFAULT_EXPIRY_DAYS: u32 = 28;
/// Most days an admin may set.
pub const MAX_EXPIRY_DAYS: u32 = 365;
/// "Still needed?" shows this long before a post expires.
pub const RENEW_WINDOW_MS: i64 = 7 * DAY_MS;
pub const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// The shared cleaning rule (control, reordering and invisible characters out), also used
/// for sign-up names, activities and names on the server.
pub use crate::text::clean_text;

/// A post as a resident wrote it, before it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PostDraft {
    pub kind: Option<PostKind>,
    pub category: Option<Category>,
    pub title: String,
    pub text: String,
    pub languages: Vec<String>,
}

/// Why a post, reply or decision is not taken (shown to the person in their language).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PostProblem {
    #[error("choose ask or offer")]
    NoKind,
    #[error("choose a category")]
    NoCategory,
    #[error("a title is needed")]
    NoTitle,
    #[error("a message is needed")]
    NoMessage,
    #[error("a reason is needed")]
    NoReason,
    #[error("a language is not known")]
    BadLanguage,
}

impl PostProblem {
    /// The translation key of the message for the resident.
    pub fn key(self) -> &'static str {
        match self {
            PostProblem::NoKind => "board-problem-kind",
            PostProblem::NoCategory => "board-problem-category",
            PostProblem::NoTitle => "board-problem-title",
            PostProblem::NoMessage => "board-problem-message",
            PostProblem::NoReason => "board-problem-reason",
            PostProblem::BadLanguage => "board-problem-language",
        }
    }
}

/// A clean post, ready to be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedPost {
    pub kind: PostKind,
    pub category: Category,
    pub title: String,
    pub text: String,
    pub languages: Vec<String>,
}

/// A language code: 2 or 3 lowercase letters (`nl`, `ar`, `ber`).
pub fn is_language(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

/// Cleans and checks a post.
pub fn check_post(d: &PostDraft) -> Result<CheckedPost, PostProblem> {
    let kind = d.kind.ok_or(PostProblem::NoKind)?;
    let category = d.category.ok_or(PostProblem::NoCategory)?;
    let title = clean_text(&d.title, TITLE_MAX, false);
    if title.is_empty() {
        return Err(PostProblem::NoTitle);
    }
    if d.languages.len() > MAX_LANGUAGES || !d.languages.iter().all(|l| is_language(l)) {
        return Err(PostProblem::BadLanguage);
    }
    let mut languages = d.languages.clone();
    languages.dedup();
    Ok(CheckedPost {
        kind,
        category,
        title,
        text: clean_text(&d.text, TEXT_MAX, true),
        languages,
    })
}

/// A reply: a short message and, if the replier wants, how to reach them.
pub fn check_reply(message: &str, contact: &str) -> Result<(String, Option<String>), PostProblem> {
    let message = clean_text(message, MESSAGE_MAX, true);
    if message.is_empty() {
        return Err(PostProblem::NoMessage);
    }
    let contact = clean_text(contact, CONTACT_MAX, false);
    Ok((message, (!contact.is_empty()).then_some(contact)))
}

/// A new post code: twelve digits, the first three the kiosk's range (see [`crate::codes`]).
pub fn new_code(range: u32) -> String {
    crate::codes::code_in(range, CODE_DIGITS)
}

/// A code as people read it: `4829 3750 6112`.
pub fn display_code(code: &str) -> String {
    if code.len() == CODE_DIGITS && code.is_ascii() {
        format!("{} {} {}", &code[..4], &code[4..8], &code[8..])
    } else {
        code.to_string()
    }
}

/// What a person typed, as a post code (spaces and dashes forgiven).
pub fn normalize_code(typed: &str) -> Option<String> {
    let d: String = typed.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    (d.len() == CODE_DIGITS && d.bytes().all(|b| b.is_ascii_digit())).then_some(d)
}

/// A post's public number (six digits), printed on the paper board's tear-off strips and found
/// by the board's search. Not secret, and not the post code: it opens nothing.
pub fn public_number(post_id: &str) -> String {
    use sha2::Digest;
    let h = sha2::Sha256::digest(post_id.as_bytes());
    let n = u64::from_be_bytes(h[..8].try_into().expect("8 bytes")) % 1_000_000;
    format!("{n:06}")
}

/// Lowercase, without accents: "Crème Brûlée" → "creme brulee". Letters of other scripts stay.
pub fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a post is on the public board at `now_ms`.
pub fn on_board(p: &PostState, now_ms: i64) -> bool {
    p.status == PostStatus::Public.id() && p.expires_ms.is_some_and(|e| e > now_ms)
}

/// A new post as it starts, on the kiosk and on the server: waiting for a volunteer.
pub fn waiting(post: digidak_protocol::PostRecord, created_ms: i64) -> PostState {
    PostState {
        post,
        status: PostStatus::Waiting.id().into(),
        reason: None,
        created_ms,
        expires_ms: None,
        reports: 0,
        helped: false,
        approved_ms: None,
        ended_ms: None,
    }
}

/// How long replies (with the contacts repliers left) are kept after their post ended: the
/// same period as sign-ups' names and phone numbers.
pub const KEEP_REPLIES_DAYS: u32 = crate::activities::KEEP_PERSONAL_DAYS;

/// When the post left the board for good: when it was closed or rejected, or else when it
/// expired. `None` while it waits for a volunteer or is still up.
pub fn ended_at(p: &PostState, now_ms: i64) -> Option<i64> {
    p.ended_ms
        .or(p.expires_ms.filter(|&e| e <= now_ms))
        .filter(|_| p.status != PostStatus::Waiting.id())
}

/// Whether the replies of this post are to be forgotten: it ended more than `days` days ago.
pub fn replies_forgotten(p: &PostState, now_ms: i64, days: u32) -> bool {
    ended_at(p, now_ms).is_some_and(|e| e < now_ms - i64::from(days) * DAY_MS)
}

/// When the replies of a post that ended are forgotten; `None` while it has not ended.
pub fn replies_wiped_on(p: &PostState, now_ms: i64) -> Option<i64> {
    ended_at(p, now_ms).map(|e| e + i64::from(KEEP_REPLIES_DAYS) * DAY_MS)
}

/// A reply whose message and contact were forgotten (a reply always has a message).
pub fn reply_forgotten(r: &digidak_protocol::PostReply) -> bool {
    r.message.is_empty() && r.contact.is_none()
}

/// Whether a post on the board was approved in the last seven days (the paper board's "new
/// this week").
pub fn new_this_week(p: &PostState, now_ms: i64) -> bool {
    on_board(p, now_ms) && p.approved_ms.is_some_and(|a| a > now_ms - 7 * DAY_MS)
}

/// Whether the code holder is asked "still needed?" (a week before it expires, or after).
pub fn renewable(p: &PostState, now_ms: i64) -> bool {
    p.status == PostStatus::Public.id()
        && p.expires_ms
            .is_some_and(|e| e.saturating_sub(now_ms) <= RENEW_WINDOW_MS)
}

/// Why a moderation decision is not taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecisionProblem {
    #[error("a title is needed")]
    NoTitle,
    #[error("unknown category")]
    UnknownCategory,
    #[error("a reason is needed to reject")]
    NoReason,
    #[error("decision must be approve or reject, not {0:?}")]
    UnknownDecision(String),
}

/// Applies a volunteer's decision to a post: the same rule on the kiosk (at once, offline too)
/// and on the server (which decides). Approving takes the corrections (cleaned) and keeps the
/// post up `days` from `now_ms`, or longer if it already was; rejecting needs a reason. A
/// closed post stays as it is. Returns whether the post changed.
pub fn decide(
    p: &mut PostState,
    m: &digidak_protocol::PostModerated,
    now_ms: i64,
    days: u32,
) -> Result<bool, DecisionProblem> {
    if p.status == PostStatus::Closed.id() {
        return Ok(false);
    }
    match m.decision.as_str() {
        "approve" => {
            let mut post = p.post.clone();
            if let Some(t) = &m.title {
                post.title = clean_text(t, TITLE_MAX, false);
                if post.title.is_empty() {
                    return Err(DecisionProblem::NoTitle);
                }
            }
            if let Some(t) = &m.text {
                post.text = clean_text(t, TEXT_MAX, true);
            }
            if let Some(c) = &m.category {
                let c = Category::from_id(c).ok_or(DecisionProblem::UnknownCategory)?;
                post.category = c.id().into();
            }
            let fresh = now_ms.saturating_add(i64::from(days) * DAY_MS);
            p.post = post;
            p.expires_ms = Some(p.expires_ms.map_or(fresh, |e| e.max(fresh)));
            if p.status != PostStatus::Public.id() {
                p.approved_ms = Some(now_ms);
            }
            p.ended_ms = None;
            p.status = PostStatus::Public.id().into();
            p.reason = None;
        }
        "reject" => {
            let reason = clean_text(m.reason.as_deref().unwrap_or(""), REASON_MAX, false);
            if reason.is_empty() {
                return Err(DecisionProblem::NoReason);
            }
            p.status = PostStatus::Rejected.id().into();
            p.reason = Some(reason);
            p.ended_ms = Some(now_ms);
        }
        other => return Err(DecisionProblem::UnknownDecision(other.to_string())),
    }
    Ok(true)
}

/// What the board shows: ask or offer, a category, words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub kind: Option<PostKind>,
    pub category: Option<Category>,
    pub words: String,
}

/// A post ready to be searched: its words folded once, when the board is loaded (by the store
/// worker, off the UI thread).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Searchable {
    pub post: PostState,
    pub kind: PostKind,
    pub category: Category,
    pub number: String,
    folded: String,
}

impl Searchable {
    /// `None` for a post with an unknown kind or category (from a newer server).
    pub fn new(post: PostState) -> Option<Self> {
        let kind = PostKind::from_id(&post.post.kind)?;
        let category = Category::from_id(&post.post.category)?;
        let folded = fold(&format!("{}\n{}", post.post.title, post.post.text));
        Some(Self {
            number: public_number(&post.post.id),
            post,
            kind,
            category,
            folded,
        })
    }
}

/// The positions in `posts` that pass the filter, in their order (the board keeps posts
/// newest first). Every word must appear, accents and capitals ignored; a six-digit word
/// also finds a post by its public number.
pub fn search(posts: &[Searchable], f: &Filter) -> Vec<usize> {
    let words: Vec<String> = fold(&f.words)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    posts
        .iter()
        .enumerate()
        .filter(|(_, p)| f.kind.is_none_or(|k| p.kind == k))
        .filter(|(_, p)| f.category.is_none_or(|c| p.category == c))
        .filter(|(_, p)| {
            words
                .iter()
                .all(|w| p.folded.contains(w.as_str()) || p.number == *w)
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests;
