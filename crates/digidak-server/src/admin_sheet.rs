//! The sign-in sheet of an activity for the day: an A4 PDF with the title, date and place, and
//! one numbered row per sign-up (name, party size, phone, status) with an empty box to sign or
//! tick, plus empty rows for walk-ins. Drawn like the paper board (`board::pdf`: pdf-writer,
//! Noto Sans embedded, so every letter prints as typed).

use digidak_core::board::pdf::{Font, MARGIN, PAGE_W, Page, write};

/// Rows left empty at the end for people who come without signing up.
const WALK_IN_ROWS: usize = 5;
const ROW_H: f32 = 26.0;
/// Column widths, left to right; the last column (signature) takes the rest.
const COLUMNS: [f32; 5] = [24.0, 142.0, 64.0, 100.0, 80.0];

/// The sheet's words, already in the admin's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignInSheet {
    pub title: String,
    pub when: String,
    pub place: String,
    /// "#", name, people, phone, status, signature.
    pub heading: [String; 6],
    /// Number, name, party size, phone, status.
    pub rows: Vec<[String; 5]>,
    /// A line under the table (what the sheet is for, when to throw it away).
    pub footer: String,
}

impl SignInSheet {
    /// The sheet as PDF bytes (as many pages as the rows need).
    pub fn pdf(&self) -> Result<Vec<u8>, String> {
        let mut font = Font::new();
        let mut pages = vec![Page::new()];
        self.header(pages.last_mut().expect("a page"), &mut font);
        self.heading_row(pages.last_mut().expect("a page"), &mut font);
        let blank: [String; 5] = Default::default();
        let walk_ins = (0..WALK_IN_ROWS).map(|i| {
            let mut r = blank.clone();
            r[0] = (self.rows.len() + i + 1).to_string();
            r
        });
        let all: Vec<[String; 5]> = self.rows.iter().cloned().chain(walk_ins).collect();
        for r in &all {
            if pages.last().is_some_and(|p| p.y - ROW_H < MARGIN + 30.0) {
                pages.push(Page::new());
                self.heading_row(pages.last_mut().expect("a page"), &mut font);
            }
            let p = pages.last_mut().expect("a page");
            row(p, &mut font, r, false);
        }
        let p = pages.last_mut().expect("a page");
        let y = p.y - 20.0;
        for (i, line) in font
            .wrap_at_most(&self.footer, 9.0, PAGE_W - 2.0 * MARGIN, 3)
            .iter()
            .enumerate()
        {
            p.text(&mut font, line, MARGIN, y - 12.0 * i as f32, 9.0, false);
        }
        Ok(write(font, pages))
    }

    fn header(&self, p: &mut Page, font: &mut Font<'_>) {
        let mut y = p.y - 22.0;
        for line in font.wrap_at_most(&self.title, 20.0, PAGE_W - 2.0 * MARGIN, 2) {
            p.text(font, &line, MARGIN, y, 20.0, true);
            y -= 24.0;
        }
        p.text(font, &self.when, MARGIN, y, 12.0, false);
        y -= 16.0;
        p.text(font, &self.place, MARGIN, y, 12.0, false);
        p.y = y - 20.0;
    }

    fn heading_row(&self, p: &mut Page, font: &mut Font<'_>) {
        let h = &self.heading;
        let cells = [
            h[0].clone(),
            h[1].clone(),
            h[2].clone(),
            h[3].clone(),
            h[4].clone(),
        ];
        row(p, font, &cells, true);
        // The signature column's name.
        let x = MARGIN + COLUMNS.iter().sum::<f32>() + 4.0;
        let width = PAGE_W - MARGIN - x - 4.0;
        if let Some(line) = font.wrap_at_most(&h[5], 10.0, width, 1).first() {
            p.text(font, line, x, p.y + ROW_H - 17.0, 10.0, true);
        }
    }
}

/// One row of boxes with its cells' text (cut to fit).
fn row(p: &mut Page, font: &mut Font<'_>, cells: &[String; 5], bold: bool) {
    let top = p.y;
    let right = PAGE_W - MARGIN;
    let c = &mut p.content;
    c.set_stroke_rgb(0.2, 0.2, 0.2);
    c.set_line_width(0.8);
    c.rect(MARGIN, top - ROW_H, right - MARGIN, ROW_H);
    let mut x = MARGIN;
    for w in COLUMNS {
        x += w;
        c.move_to(x, top);
        c.line_to(x, top - ROW_H);
    }
    c.stroke();
    let mut x = MARGIN;
    for (cell, w) in cells.iter().zip(COLUMNS) {
        if let Some(line) = font.wrap_at_most(cell, 10.0, w - 8.0, 1).first() {
            p.text(font, line, x + 4.0, top - 17.0, 10.0, bold);
        }
        x += w;
    }
    p.y = top - ROW_H;
}
