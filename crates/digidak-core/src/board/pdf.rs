//! The paper board: a week's approved posts as an A4 PDF for the notice board in the room, each
//! with tear-off strips that carry the post's public number (never its code). A resident tears
//! one off and types the number into the board's search at any Digidak computer.
//!
//! Written with `pdf-writer`; the text is set in the bundled Noto Sans (Latin, Greek, Cyrillic)
//! and Noto Sans Arabic, each embedded as a subset of the glyphs the page uses (`subsetter`),
//! so a board stays some tens of kilobytes. Arabic is shaped with `harfrust` (joined letters)
//! and every line is put in display order with the bidi algorithm (`crate::bidi`); in an
//! Arabic board the lines end at the right margin. Titles are drawn with a thin outline for
//! weight, so no bold font is embedded.

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, TextRenderingMode, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str};

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

/// One embedded font: its glyphs are renumbered as they are used, and only those are written
/// (subset with `subsetter`), so a PDF carries a few kilobytes of each font, not all of it.
struct Embedded<'a> {
    data: &'static [u8],
    face: ttf_parser::Face<'a>,
    remap: subsetter::GlyphRemapper,
    /// The original glyph of each new one.
    olds: Vec<u16>,
    /// What each new glyph reads as (for copying and `pdftotext`).
    text: std::collections::BTreeMap<u16, String>,
}

impl Embedded<'static> {
    fn new(data: &'static [u8]) -> Self {
        Embedded {
            data,
            face: ttf_parser::Face::parse(data, 0).expect("the bundled font parses"),
            remap: subsetter::GlyphRemapper::new(),
            olds: vec![0],
            text: Default::default(),
        }
    }
}

impl Embedded<'_> {
    fn advance(&self, old: u16, size: f32) -> f32 {
        let upm = f32::from(self.face.units_per_em());
        f32::from(
            self.face
                .glyph_hor_advance(ttf_parser::GlyphId(old))
                .unwrap_or(0),
        ) / upm
            * size
    }

    /// The new number of glyph `old`, which reads as `text`.
    fn use_glyph(&mut self, old: u16, text: &str) -> u16 {
        let new = self.remap.remap(old);
        if usize::from(new) == self.olds.len() {
            self.olds.push(old);
        }
        self.text.entry(new).or_insert_with(|| text.to_string());
        new
    }
}

/// The paper's fonts: Noto Sans for Latin, Greek and Cyrillic, Noto Sans Arabic for Arabic
/// (shaped with `harfrust`: joined letters, right to left). Also the admin web's sign-in
/// sheet's.
pub struct Font<'a> {
    latin: Embedded<'a>,
    arabic: Embedded<'a>,
    /// Lines of a right-to-left document (its heading is Arabic) read right to left.
    pub(crate) rtl: bool,
}

/// A piece of a line in one font: (arabic?, new glyph ids).
type Run = (bool, Vec<u16>);

impl Default for Font<'static> {
    fn default() -> Self {
        Self::new()
    }
}

impl Font<'static> {
    /// Both bundled fonts, with no glyph used yet.
    pub fn new() -> Self {
        Font {
            latin: Embedded::new(crate::FONT_REGULAR),
            arabic: Embedded::new(crate::FONT_ARABIC),
            rtl: false,
        }
    }
}

impl Font<'_> {
    fn glyph(&self, c: char) -> u16 {
        self.latin.face.glyph_index(c).map_or(0, |g| g.0)
    }

    /// Width of `s` at `size` points (Arabic letters at their plain forms' width).
    fn width(&self, s: &str, size: f32) -> f32 {
        s.chars()
            .map(|c| {
                if crate::bidi::arabic_run_char(c) {
                    let g = self.arabic.face.glyph_index(c).map_or(0, |g| g.0);
                    self.arabic.advance(g, size)
                } else {
                    self.latin.advance(self.glyph(c), size)
                }
            })
            .sum()
    }

    /// One line in display order, as runs of glyphs in one font each.
    fn runs(&mut self, line: &str) -> Vec<Run> {
        let rtl = crate::bidi::paragraph_is_rtl(line, self.rtl);
        let shown = crate::bidi::display_line(line, rtl);
        let mut runs: Vec<Run> = Vec::new();
        let mut piece = String::new();
        let mut arabic = false;
        let flush = |font: &mut Self, runs: &mut Vec<Run>, piece: &mut String, arabic: bool| {
            if piece.is_empty() {
                return;
            }
            let glyphs = if arabic {
                font.shape_arabic(piece)
            } else {
                piece
                    .chars()
                    .map(|c| {
                        let g = font.glyph(c);
                        font.latin.use_glyph(g, &c.to_string())
                    })
                    .collect()
            };
            runs.push((arabic, glyphs));
            piece.clear();
        };
        for c in shown.chars() {
            let a = crate::bidi::arabic_run_char(c);
            if a != arabic {
                flush(self, &mut runs, &mut piece, arabic);
                arabic = a;
            }
            piece.push(c);
        }
        flush(self, &mut runs, &mut piece, arabic);
        runs
    }

    /// Arabic letters in reading order, shaped into joined glyphs in display order.
    fn shape_arabic(&mut self, text: &str) -> Vec<u16> {
        let Ok(font_ref) = harfrust::FontRef::new(self.arabic.data) else {
            return Vec::new();
        };
        let data = harfrust::ShaperData::new(&font_ref);
        let shaper = data.shaper(&font_ref).build();
        let mut buffer = harfrust::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = shaper.shape(buffer, harfrust::ShapeOptions::new());
        let infos = shaped.glyph_infos();
        let mut starts: Vec<usize> = infos.iter().map(|g| g.cluster as usize).collect();
        starts.sort_unstable();
        starts.dedup();
        // What each glyph reads as: a mark (no width) its cluster's marks, the other glyphs
        // its letters, one each when they are as many (right to left: the last comes first).
        let mut out = Vec::with_capacity(infos.len());
        for (i, g) in infos.iter().enumerate() {
            let from = g.cluster as usize;
            let to = starts
                .iter()
                .copied()
                .find(|&s| s > from)
                .unwrap_or(text.len());
            let cluster = text.get(from..to).unwrap_or_default();
            let is_mark = |c: &char| unicode_bidi::bidi_class(*c) == unicode_bidi::BidiClass::NSM;
            let marks: String = cluster.chars().filter(is_mark).collect();
            let letters: Vec<char> = cluster.chars().filter(|c| !is_mark(c)).collect();
            let old = u16::try_from(g.glyph_id).unwrap_or(0);
            let bases: Vec<usize> = infos
                .iter()
                .enumerate()
                .filter(|(_, o)| o.cluster == g.cluster)
                .filter(|(_, o)| {
                    self.arabic
                        .advance(u16::try_from(o.glyph_id).unwrap_or(0), 1.0)
                        > 0.0
                })
                .map(|(j, _)| j)
                .collect();
            let reads: String = if self.arabic.advance(old, 1.0) == 0.0 && !marks.is_empty() {
                marks
            } else if bases.len() == letters.len() && bases.len() > 1 {
                let k = bases.iter().position(|&j| j == i).unwrap_or(0);
                letters[letters.len() - 1 - k].to_string()
            } else {
                letters.iter().collect()
            };
            out.push(self.arabic.use_glyph(old, &reads));
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
        let runs = font.runs(s);
        // A right-to-left line ends at the right margin.
        let x = if font.rtl && crate::bidi::has_rtl(s) {
            (PAGE_W - MARGIN - font.width(s, size)).max(x)
        } else {
            x
        };
        let c = &mut self.content;
        c.begin_text();
        if bold {
            c.set_text_rendering_mode(TextRenderingMode::FillStroke);
            c.set_line_width(size / 30.0);
        }
        c.next_line(x, y);
        show_runs(c, &runs, size);
        if bold {
            c.set_text_rendering_mode(TextRenderingMode::Fill);
        }
        c.end_text();
    }

    /// Draws picture `index` of the pictures given to [`write_with_images`] into the square
    /// at (`x`, `y`) (its lower left corner), `size` points a side.
    pub fn image(&mut self, index: usize, x: f32, y: f32, size: f32) {
        let name = format!("Im{index}");
        let c = &mut self.content;
        c.save_state();
        c.transform([size, 0.0, 0.0, size, x, y]);
        c.x_object(Name(name.as_bytes()));
        c.restore_state();
    }

    /// Text turned a quarter left, read from bottom to top (on a strip).
    fn text_up(&mut self, font: &mut Font<'_>, s: &str, x: f32, y: f32, size: f32) {
        let runs = font.runs(s);
        let c = &mut self.content;
        c.begin_text();
        c.set_text_matrix([0.0, 1.0, -1.0, 0.0, x, y]);
        show_runs(c, &runs, size);
        c.end_text();
    }
}

/// Shows runs one after the other (the text position moves on by each glyph's width).
fn show_runs(c: &mut Content, runs: &[Run], size: f32) {
    for (arabic, glyphs) in runs {
        let name = if *arabic { Name(b"F2") } else { Name(b"F1") };
        c.set_font(name, size);
        let bytes: Vec<u8> = glyphs.iter().flat_map(|g| g.to_be_bytes()).collect();
        c.show(Str(&bytes));
    }
}

/// The board as PDF bytes: as many A4 pages as the posts need.
pub fn render(board: &PaperBoard) -> Vec<u8> {
    let mut font = Font::new();
    font.rtl = crate::bidi::has_rtl(&board.heading);
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

/// A picture for a page: RGB pixels (on white), drawn with [`Page::image`].
#[derive(Clone, PartialEq, Eq)]
pub struct PdfImage {
    pub width: u32,
    pub height: u32,
    /// `width * height` RGB triples, row by row.
    pub rgb: Vec<u8>,
}

impl std::fmt::Debug for PdfImage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PdfImage({}x{})", self.width, self.height)
    }
}

impl PdfImage {
    /// Premultiplied RGBA (as `lessons::rasterize` draws) laid on white.
    pub fn on_white(px: &crate::lessons::Pixels) -> Self {
        let rgb = px
            .rgba
            .chunks_exact(4)
            .flat_map(|p| {
                let under = 255 - p[3];
                [
                    p[0].saturating_add(under),
                    p[1].saturating_add(under),
                    p[2].saturating_add(under),
                ]
            })
            .collect();
        PdfImage {
            width: px.width,
            height: px.height,
            rgb,
        }
    }
}

pub fn write(font: Font<'_>, pages: Vec<Page>) -> Vec<u8> {
    write_with_images(font, pages, &[])
}

/// [`write`] with pictures: each an image XObject (`/Im0`, `/Im1`, ... on every page),
/// compressed like the page streams.
pub fn write_with_images(mut font: Font<'_>, pages: Vec<Page>, images: &[PdfImage]) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let type0 = Ref::new(3);
    let cid = Ref::new(4);
    let descriptor = Ref::new(5);
    let file = Ref::new(6);
    let cmap_ref = Ref::new(7);
    let first_page = 8;
    let page_count = pages.len();
    let page_ids: Vec<Ref> = (0..pages.len())
        .map(|i| Ref::new(first_page + 2 * i as i32))
        .collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_ids.iter().copied())
        .count(pages.len() as i32);
    // After the pages and the Arabic font's five objects.
    let image_ids: Vec<Ref> = (0..images.len())
        .map(|i| Ref::new(first_page + 2 * page_count as i32 + 5 + i as i32))
        .collect();
    let image_names: Vec<String> = (0..images.len()).map(|i| format!("Im{i}")).collect();
    for (i, page) in pages.into_iter().enumerate() {
        let content_id = Ref::new(first_page + 2 * i as i32 + 1);
        let mut pg = pdf.page(page_ids[i]);
        pg.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H));
        pg.parent(tree);
        pg.contents(content_id);
        let mut resources = pg.resources();
        let mut fonts = resources.fonts();
        fonts.pair(Name(b"F1"), type0);
        fonts.pair(Name(b"F2"), Ref::new(first_page + 2 * page_count as i32));
        fonts.finish();
        if !images.is_empty() {
            let mut x = resources.x_objects();
            for (name, id) in image_names.iter().zip(&image_ids) {
                x.pair(Name(name.as_bytes()), *id);
            }
            x.finish();
        }
        resources.finish();
        pg.finish();
        pdf.stream(content_id, &deflate(&page.content.finish()))
            .filter(Filter::FlateDecode);
    }

    let info = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    let latin = std::mem::replace(&mut font.latin, Embedded::new(crate::FONT_REGULAR));
    let arabic = std::mem::replace(&mut font.arabic, Embedded::new(crate::FONT_ARABIC));
    embed(
        &mut pdf,
        info,
        latin,
        b"NotoSans-Regular",
        [type0, cid, descriptor, file, cmap_ref],
    );
    let next = first_page + 2 * page_count as i32;
    let refs = [0, 1, 2, 3, 4].map(|i| Ref::new(next + i));
    embed(&mut pdf, info, arabic, b"NotoSansArabic-Regular", refs);
    for (img, id) in images.iter().zip(&image_ids) {
        let data = deflate(&img.rgb);
        let mut x = pdf.image_xobject(*id, &data);
        x.filter(Filter::FlateDecode);
        x.width(img.width as i32);
        x.height(img.height as i32);
        x.color_space().device_rgb();
        x.bits_per_component(8);
        x.finish();
    }
    pdf.finish()
}

/// Streams are stored compressed (a page of strips repeats itself a lot).
fn deflate(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = z.write_all(data);
    z.finish().unwrap_or_default()
}

/// Writes one font (type 0, CID font, descriptor, the subset file, the text map) at `refs`.
fn embed(pdf: &mut Pdf, info: SystemInfo<'_>, font: Embedded<'_>, name: &[u8], refs: [Ref; 5]) {
    let [type0, cid, descriptor, file, cmap_ref] = refs;
    let name = Name(name);
    pdf.type0_font(type0)
        .base_font(name)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap_ref);
    let face = &font.face;
    let upm = f32::from(face.units_per_em());
    let scale = |v: i16| f32::from(v) / upm * 1000.0;
    let widths: Vec<f32> = font.olds.iter().map(|&g| font.advance(g, 1000.0)).collect();
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
    // Only the glyphs used, renumbered in the order they were first used (as written).
    let subset = subsetter::subset(font.data, 0, &font.remap).unwrap_or_else(|e| {
        tracing::error!(error = %e, "font subset failed: embedding the whole font");
        font.data.to_vec()
    });
    pdf.stream(file, &deflate(&subset))
        .filter(Filter::FlateDecode)
        .pair(Name(b"Length1"), subset.len() as i32);
    let mut cmap = UnicodeCmap::new(Name(b"Digidak-UCS"), info);
    for (g, text) in &font.text {
        cmap.pair_with_multiple(*g, text.chars());
    }
    pdf.cmap(cmap_ref, &cmap.finish());
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
        let font = Font::new();
        let long = "x".repeat(10_000);
        let lines = font.wrap_at_most(&long, 10.5, 200.0, 5);
        assert_eq!(lines.len(), 5);
        assert!(lines.iter().all(|l| font.width(l, 10.5) <= 200.0));
        assert!(lines[4].ends_with('…'));
    }

    fn arabic_board() -> PaperBoard {
        PaperBoard {
            heading: "اطلب وقدّم".into(),
            subheading: "البيت · 9 ديسمبر".into(),
            howto: "تريد أن ترد؟ اقطع شريطا. اكتب الرقم في \"ابحث\" على لوحة أي حاسوب Digidak."
                .into(),
            empty: "اللوحة ما زالت فارغة.".into(),
            posts: (0..6)
                .map(|n| PaperPost {
                    kind: "طلب".into(),
                    category: "أوراق ورسائل".into(),
                    title: format!("من يساعدني في رسالة من البلدية؟ الكود 4829 {n}"),
                    text: "وصلتني رسالة لا أفهمها. Fatima Janssens تساعد أيضا.".into(),
                    languages: "اللغات: ar, fr".into(),
                    number: format!("{n:06}"),
                })
                .collect(),
        }
    }

    /// Arabic prints with Noto Sans Arabic, joined and right to left, and only the glyphs used
    /// are embedded: the PDF stays small.
    #[test]
    fn arabic_prints_and_the_fonts_are_subset() {
        let bytes = render(&arabic_board());
        let s = String::from_utf8_lossy(&bytes);
        assert!(s.contains("/NotoSansArabic-Regular"));
        assert!(s.contains("/NotoSans-Regular"));
        // Both fonts are well over 200 kB whole (Noto Sans 513 kB, Noto Sans Arabic 244 kB);
        // their subsets, compressed, are a few kB.
        assert!(bytes.len() < 60_000, "{} bytes", bytes.len());
        let dutch = render(&PaperBoard {
            heading: "Vraag & aanbod".into(),
            subheading: "Buurthuis".into(),
            howto: "Scheur een strookje af.".into(),
            empty: "Nog niets.".into(),
            posts: (0..6).map(post).collect(),
        });
        assert!(dutch.len() < 60_000, "{} bytes", dutch.len());
        println!(
            "paper board, 6 posts: Arabic {} bytes, Dutch {} bytes",
            bytes.len(),
            dutch.len()
        );
    }

    /// `pdftotext` (poppler) reads the Arabic words back, and the code and the Latin name.
    #[test]
    fn pdftotext_reads_the_arabic_board() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("board.pdf");
        std::fs::write(&file, render(&arabic_board())).unwrap();
        let Ok(out) = std::process::Command::new("pdftotext")
            .arg(&file)
            .arg("-")
            .output()
        else {
            eprintln!("pdftotext is not installed here: nothing to check");
            return;
        };
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        for word in [
            "اطلب",
            "وقدّم",
            "البلدية",
            "4829",
            "Fatima Janssens",
            "000003",
        ] {
            assert!(text.contains(word), "{word:?} not in:\n{text}");
        }
    }
}
