//! The paper board: a week's approved posts as an A4 PDF for the notice board in the room, each
//! with tear-off strips that carry the post's public number (never its code). A resident tears
//! one off and types the number into the board's search at any Digidak computer.
//!
//! Written with `pdf-writer`; the text is set in the bundled Noto Sans (embedded, so every
//! letter of nl, fr, en and most European languages prints as typed). Titles are drawn with a
//! thin outline for weight, so only one font file is embedded.

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, TextRenderingMode, UnicodeCmap};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};

/// One post on paper, its words already in the board's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperPost {
    /// "Vraag" or "Aanbod", and the category's name.
    pub kind: String,
    pub category: String,
    pub title: String,
    pub text: String,
    /// "Talen: nl, fr".
    pub languages: String,
    /// The post's public number (six digits).
    pub number: String,
}

/// The page's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperBoard {
    pub heading: String,
    /// The site and the week.
    pub subheading: String,
    /// How to answer with a strip.
    pub howto: String,
    /// Said when there are no posts.
    pub empty: String,
    pub posts: Vec<PaperPost>,
}

/// The words of a paper board in one language (the caller translates).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PaperLabels {
    pub heading: String,
    pub howto: String,
    pub empty: String,
    /// "Vraag", "Aanbod".
    pub ask: String,
    pub offer: String,
    /// Category names in [`super::Category::ALL`] order.
    pub categories: Vec<String>,
    /// Put before the languages: "Talen".
    pub languages: String,
}

/// The paper board of these posts (the ones on the board now, newest first).
/// Which posts go on paper: all on the board now, or only those approved in the last week
/// (for a notice board that gets a fresh sheet every week). Newest first, as given.
pub fn paper_posts(
    posts: &[digidak_protocol::PostState],
    now_ms: i64,
    new_only: bool,
) -> Vec<digidak_protocol::PostState> {
    posts
        .iter()
        .filter(|p| {
            if new_only {
                super::new_this_week(p, now_ms)
            } else {
                super::on_board(p, now_ms)
            }
        })
        .cloned()
        .collect()
}

pub fn paper_board(
    posts: &[digidak_protocol::PostState],
    labels: &PaperLabels,
    subheading: String,
) -> PaperBoard {
    let posts = posts
        .iter()
        .filter_map(|p| {
            let s = super::Searchable::new(p.clone())?;
            let i = super::Category::ALL.iter().position(|c| *c == s.category)?;
            Some(PaperPost {
                kind: match s.kind {
                    super::PostKind::Ask => labels.ask.clone(),
                    super::PostKind::Offer => labels.offer.clone(),
                },
                category: labels.categories.get(i).cloned().unwrap_or_default(),
                title: p.post.title.clone(),
                text: p.post.text.clone(),
                languages: if p.post.languages.is_empty() {
                    String::new()
                } else {
                    format!("{}: {}", labels.languages, p.post.languages.join(", "))
                },
                number: s.number,
            })
        })
        .collect();
    PaperBoard {
        heading: labels.heading.clone(),
        subheading,
        howto: labels.howto.clone(),
        empty: labels.empty.clone(),
        posts,
    }
}

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
pub const MARGIN: f32 = 36.0;
const STRIPS: usize = 5;
const STRIP_W: f32 = 34.0;
const ROW_MIN_H: f32 = 128.0;
const TEXT_W: f32 = PAGE_W - 2.0 * MARGIN - STRIPS as f32 * STRIP_W - 16.0;
/// Most lines of a post's text on paper (the rest is on the kiosk).
const TEXT_LINES: usize = 5;

/// The embedded font and the glyphs used so far (also the admin web's sign-in sheet's).
pub struct Font<'a> {
    pub face: ttf_parser::Face<'a>,
    pub used: std::collections::BTreeMap<u16, char>,
}

impl Font<'static> {
    /// The bundled Noto Sans (`crate::FONT_REGULAR`), with no glyph used yet.
    pub fn bundled() -> Result<Self, String> {
        let face = ttf_parser::Face::parse(crate::FONT_REGULAR, 0)
            .map_err(|e| format!("the bundled font: {e}"))?;
        Ok(Font {
            face,
            used: Default::default(),
        })
    }
}

impl Font<'_> {
    fn glyph(&self, c: char) -> u16 {
        self.face.glyph_index(c).map_or(0, |g| g.0)
    }

    /// Width of `s` at `size` points.
    pub fn width(&self, s: &str, size: f32) -> f32 {
        let upm = f32::from(self.face.units_per_em());
        s.chars()
            .map(|c| {
                let g = ttf_parser::GlyphId(self.glyph(c));
                f32::from(self.face.glyph_hor_advance(g).unwrap_or(0)) / upm * size
            })
            .sum()
    }

    /// `s` as two-byte glyph ids (the font is written with `Identity-H`).
    fn encode(&mut self, s: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(s.len() * 2);
        for c in s.chars() {
            let g = self.glyph(c);
            self.used.entry(g).or_insert(c);
            out.extend_from_slice(&g.to_be_bytes());
        }
        out
    }

    /// Words of `s` in lines no wider than `width`; a word too long for a line is cut.
    fn wrap(&self, s: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for para in s.split('\n') {
            let mut line = String::new();
            for word in para.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if self.width(&candidate, size) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                let mut piece = String::new();
                for c in word.chars() {
                    piece.push(c);
                    if self.width(&piece, size) > width {
                        piece.pop();
                        lines.push(std::mem::take(&mut piece));
                        piece.push(c);
                    }
                }
                line = piece;
            }
            lines.push(line);
        }
        while lines.last().is_some_and(String::is_empty) {
            lines.pop();
        }
        lines
    }

    /// At most `n` lines, the last ending in "…" when text was left out.
    pub fn wrap_at_most(&self, s: &str, size: f32, width: f32, n: usize) -> Vec<String> {
        let mut lines = self.wrap(s, size, width);
        if lines.len() > n {
            lines.truncate(n);
            if let Some(last) = lines.last_mut() {
                while !last.is_empty() && self.width(&format!("{last} …"), size) > width {
                    last.pop();
                }
                last.push_str(" …");
            }
        }
        lines
    }
}

pub struct Page {
    pub content: Content,
    pub y: f32,
}

impl Default for Page {
    fn default() -> Self {
        Self::new()
    }
}

impl Page {
    /// An empty A4 page, writing from the top margin down.
    pub fn new() -> Self {
        Page {
            content: Content::new(),
            y: PAGE_H - MARGIN,
        }
    }

    pub fn text(&mut self, font: &mut Font<'_>, s: &str, x: f32, y: f32, size: f32, bold: bool) {
        let bytes = font.encode(s);
        let c = &mut self.content;
        c.begin_text();
        if bold {
            c.set_text_rendering_mode(TextRenderingMode::FillStroke);
            c.set_line_width(size / 30.0);
        }
        c.set_font(Name(b"F1"), size);
        c.next_line(x, y);
        c.show(Str(&bytes));
        if bold {
            c.set_text_rendering_mode(TextRenderingMode::Fill);
        }
        c.end_text();
    }

    /// Text turned a quarter left, read from bottom to top (on a strip).
    fn text_up(&mut self, font: &mut Font<'_>, s: &str, x: f32, y: f32, size: f32) {
        let bytes = font.encode(s);
        let c = &mut self.content;
        c.begin_text();
        c.set_font(Name(b"F1"), size);
        c.set_text_matrix([0.0, 1.0, -1.0, 0.0, x, y]);
        c.show(Str(&bytes));
        c.end_text();
    }
}

/// The board as PDF bytes: as many A4 pages as the posts need.
pub fn render(board: &PaperBoard) -> Vec<u8> {
    let face = ttf_parser::Face::parse(crate::FONT_REGULAR, 0).expect("the bundled font parses");
    let mut font = Font {
        face,
        used: Default::default(),
    };
    let mut pages = vec![Page::new()];
    header(pages.last_mut().expect("a page"), &mut font, board);
    if board.posts.is_empty() {
        let p = pages.last_mut().expect("a page");
        let y = p.y - 20.0;
        p.text(&mut font, &board.empty, MARGIN, y, 14.0, false);
    }
    for post in &board.posts {
        let title = font.wrap_at_most(&post.title, 14.0, TEXT_W, 2);
        let text = font.wrap_at_most(&post.text, 10.5, TEXT_W, TEXT_LINES);
        let h = (36.0 + 18.0 * title.len() as f32 + 14.0 * text.len() as f32 + 24.0).max(ROW_MIN_H);
        if pages.last().is_some_and(|p| p.y - h < MARGIN) {
            pages.push(Page::new());
        }
        let p = pages.last_mut().expect("a page");
        row(p, &mut font, post, &title, &text, h);
        p.y -= h + 10.0;
    }
    write(font, pages)
}

fn header(p: &mut Page, font: &mut Font<'_>, board: &PaperBoard) {
    p.text(font, &board.heading, MARGIN, p.y - 22.0, 24.0, true);
    p.text(font, &board.subheading, MARGIN, p.y - 44.0, 12.0, false);
    let mut y = p.y - 64.0;
    for line in font.wrap(&board.howto, 10.5, PAGE_W - 2.0 * MARGIN) {
        p.text(font, &line, MARGIN, y, 10.5, false);
        y -= 14.0;
    }
    p.y = y - 10.0;
}

fn row(
    p: &mut Page,
    font: &mut Font<'_>,
    post: &PaperPost,
    title: &[String],
    text: &[String],
    h: f32,
) {
    let top = p.y;
    let (left, right) = (MARGIN, PAGE_W - MARGIN);
    let c = &mut p.content;
    c.set_stroke_rgb(0.11, 0.21, 0.34);
    c.set_line_width(1.2);
    c.rect(left, top - h, right - left, h);
    c.stroke();
    let mut y = top - 18.0;
    let label = format!("{} · {}", post.kind.to_uppercase(), post.category);
    p.text(font, &label, left + 10.0, y, 10.0, true);
    y -= 20.0;
    for line in title {
        p.text(font, line, left + 10.0, y, 14.0, true);
        y -= 18.0;
    }
    for line in text {
        p.text(font, line, left + 10.0, y, 10.5, false);
        y -= 14.0;
    }
    p.text(
        font,
        &post.languages,
        left + 10.0,
        top - h + 10.0,
        9.0,
        false,
    );
    // The strips: dashed lines to tear along, each with the number read upwards.
    let strips_left = right - STRIPS as f32 * STRIP_W;
    let c = &mut p.content;
    c.set_dash_pattern([4.0, 3.0], 0.0);
    c.set_line_width(0.8);
    for i in 0..STRIPS {
        let x = strips_left + i as f32 * STRIP_W;
        c.move_to(x, top);
        c.line_to(x, top - h);
    }
    c.stroke();
    c.set_dash_pattern([], 0.0);
    let short = font.wrap_at_most(&post.title, 7.5, h - 16.0, 1);
    for i in 0..STRIPS {
        let x = strips_left + i as f32 * STRIP_W;
        p.text_up(
            font,
            &format!("Nr. {}", post.number),
            x + 15.0,
            top - h + 8.0,
            11.0,
        );
        if let Some(s) = short.first() {
            p.text_up(font, s, x + 27.0, top - h + 8.0, 7.5);
        }
    }
}

pub fn write(mut font: Font<'_>, pages: Vec<Page>) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let type0 = Ref::new(3);
    let cid = Ref::new(4);
    let descriptor = Ref::new(5);
    let file = Ref::new(6);
    let cmap_ref = Ref::new(7);
    let first_page = 8;
    let page_ids: Vec<Ref> = (0..pages.len())
        .map(|i| Ref::new(first_page + 2 * i as i32))
        .collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_ids.iter().copied())
        .count(pages.len() as i32);
    for (i, page) in pages.into_iter().enumerate() {
        let content_id = Ref::new(first_page + 2 * i as i32 + 1);
        let mut pg = pdf.page(page_ids[i]);
        pg.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H));
        pg.parent(tree);
        pg.contents(content_id);
        pg.resources().fonts().pair(Name(b"F1"), type0);
        pg.finish();
        pdf.stream(content_id, &page.content.finish());
    }

    let name = Name(b"NotoSans-Regular");
    let info = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    pdf.type0_font(type0)
        .base_font(name)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap_ref);
    let face = &font.face;
    let upm = f32::from(face.units_per_em());
    let scale = |v: i16| f32::from(v) / upm * 1000.0;
    let widths: Vec<f32> = (0..face.number_of_glyphs())
        .map(|g| {
            f32::from(face.glyph_hor_advance(ttf_parser::GlyphId(g)).unwrap_or(0)) / upm * 1000.0
        })
        .collect();
    let mut cid_font = pdf.cid_font(cid);
    cid_font
        .subtype(CidFontType::Type2)
        .base_font(name)
        .system_info(info)
        .font_descriptor(descriptor)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    cid_font.widths().consecutive(0, widths);
    cid_font.finish();
    let bbox = face.global_bounding_box();
    pdf.font_descriptor(descriptor)
        .name(name)
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(
            scale(bbox.x_min),
            scale(bbox.y_min),
            scale(bbox.x_max),
            scale(bbox.y_max),
        ))
        .italic_angle(0.0)
        .ascent(scale(face.ascender()))
        .descent(scale(face.descender()))
        .cap_height(scale(face.capital_height().unwrap_or(face.ascender())))
        .stem_v(80.0)
        .font_file2(file);
    pdf.stream(file, crate::FONT_REGULAR)
        .pair(Name(b"Length1"), crate::FONT_REGULAR.len() as i32);
    let mut cmap = UnicodeCmap::new(Name(b"Digidak-UCS"), info);
    for (g, c) in std::mem::take(&mut font.used) {
        cmap.pair(g, c);
    }
    pdf.cmap(cmap_ref, &cmap.finish());
    pdf.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(n: usize) -> PaperPost {
        PaperPost {
            kind: "Vraag".into(),
            category: "Papieren en brieven".into(),
            title: format!("Hulp met een brief van de gemeente {n}"),
            text: "Ik krijg een brief die ik niet begrijp. Wie leest mee? Crème brûlée, ça va, Ελληνικά, Кириллица.".into(),
            languages: "Talen: nl, fr".into(),
            number: format!("{n:06}"),
        }
    }

    #[test]
    fn a_board_is_a_pdf_with_pages_and_text() {
        let board = PaperBoard {
            heading: "Vraag & aanbod".into(),
            subheading: "Buurthuis · week van 23 november".into(),
            howto: "Scheur een strookje af.".into(),
            empty: "Nog niets.".into(),
            posts: (0..20).map(post).collect(),
        };
        let bytes = render(&board);
        assert!(bytes.starts_with(b"%PDF-"));
        let s = String::from_utf8_lossy(&bytes);
        // 20 posts of at least 128 points do not fit on one or two A4 pages.
        assert!(s.contains("/Count 4") || s.contains("/Count 5"), "pages");
        assert!(s.contains("/FontFile2"));
        let empty = render(&PaperBoard {
            posts: vec![],
            ..board
        });
        assert!(String::from_utf8_lossy(&empty).contains("/Count 1"));
    }

    #[test]
    fn long_words_and_text_are_cut_to_fit() {
        let face = ttf_parser::Face::parse(crate::FONT_REGULAR, 0).unwrap();
        let font = Font {
            face,
            used: Default::default(),
        };
        let long = "x".repeat(10_000);
        let lines = font.wrap_at_most(&long, 10.5, 200.0, 5);
        assert_eq!(lines.len(), 5);
        assert!(lines.iter().all(|l| font.width(l, 10.5) <= 200.0));
        assert!(lines[4].ends_with('…'));
    }
}
