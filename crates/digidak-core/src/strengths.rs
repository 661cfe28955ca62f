//! "Wat onze buurt kan" (what our neighbourhood can do, the ABCD way): per board category how
//! many offers are on the board now and which local partners help with it. Both sides count
//! the same way ([`strengths`]); the kiosk and the phone page show tiles with a pictogram and
//! the numbers, the admin web and the CLI print them on an A4 ([`render`], with the paper
//! board's fonts and writer).

use digidak_protocol::{PartnerRecord, PostState};

use std::collections::BTreeMap;

use crate::board::pdf::{Font, MARGIN, PAGE_W, Page, PdfImage, write_with_images};
use crate::board::{Category, on_board};
use crate::i18n::Translations;
use crate::lang::Lang;

/// One category's strength.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Strength {
    pub category: Category,
    /// Offers on the board now.
    pub offers: usize,
    /// The partners that help with it, by name.
    pub partners: Vec<String>,
}

/// Every category in the board's order with its offers on the board at `now_ms` and its
/// partners.
pub fn strengths(posts: &[PostState], partners: &[PartnerRecord], now_ms: i64) -> Vec<Strength> {
    Category::ALL
        .into_iter()
        .map(|category| Strength {
            category,
            offers: posts
                .iter()
                .filter(|p| {
                    p.post.kind == "offer"
                        && p.post.category == category.id()
                        && on_board(p, now_ms)
                })
                .count(),
            partners: crate::partners::covering(partners, category.id())
                .into_iter()
                .map(|p| p.name.clone())
                .collect(),
        })
        .collect()
}

/// "12 aanbiedingen", "1 partner": a tile's two lines, in `lang`.
pub fn tile_lines(tr: &Translations, lang: Lang, s: &Strength) -> (String, String) {
    (
        tr.get_args(
            lang,
            "strengths-offers",
            &[("count", (s.offers as i64).into())],
        ),
        tr.get_args(
            lang,
            "strengths-partners",
            &[("count", (s.partners.len() as i64).into())],
        ),
    )
}

/// The A4 without pictures (see [`render_with_pictures`]).
pub fn render(
    tr: &Translations,
    lang: Lang,
    heading: &str,
    subheading: &str,
    all: &[Strength],
) -> Vec<u8> {
    render_tiles(
        tr,
        lang,
        heading,
        subheading,
        all,
        &[],
        &[],
        &BTreeMap::new(),
    )
}

/// How big a category's pictogram is drawn (pixels; it is printed about 2 cm wide).
pub const PICTOGRAM_PX: u32 = 160;
/// How big a partner's logo is drawn on the A4 (pixels).
pub const LOGO_PDF_PX: u32 = 96;

/// The A4 with pictures a resident reads without words: each tile's category pictogram (the
/// built-in shared picture, drawn with resvg), and beside the partners' names the logos of
/// those that have one (`logos`: partner name -> the stored PNG, `digidak_core::logo`).
pub fn render_with_pictures(
    tr: &Translations,
    lang: Lang,
    heading: &str,
    subheading: &str,
    all: &[Strength],
    logos: &BTreeMap<String, Vec<u8>>,
) -> Vec<u8> {
    let mut images = Vec::new();
    let mut pictos = Vec::new();
    for s in all {
        let drawn = crate::lessons::builtin_picture(s.category.picture())
            .and_then(|svg| crate::lessons::rasterize(svg, PICTOGRAM_PX).ok());
        pictos.push(drawn.map(|px| {
            images.push(PdfImage::on_white(&px));
            images.len() - 1
        }));
    }
    let mut logo_images = BTreeMap::new();
    for (name, png) in logos {
        let Ok(photo) = crate::lessons::check_photo(png, crate::lessons::PhotoKind::Png) else {
            continue;
        };
        if let Ok(px) = crate::lessons::draw_photo(&photo, LOGO_PDF_PX) {
            images.push(PdfImage::on_white(&px));
            logo_images.insert(name.clone(), images.len() - 1);
        }
    }
    render_tiles(
        tr,
        lang,
        heading,
        subheading,
        all,
        &pictos,
        &images,
        &logo_images,
    )
}

/// The A4: a heading, a line under it, and a tile per category (two columns): the category
/// (and its pictogram), its number of offers in big figures, its partners by name (and their
/// logos): `pictos` says which of `images` is each tile's pictogram, `logos` which is a
/// partner's logo.
#[allow(clippy::too_many_arguments)]
fn render_tiles(
    tr: &Translations,
    lang: Lang,
    heading: &str,
    subheading: &str,
    all: &[Strength],
    pictos: &[Option<usize>],
    images: &[PdfImage],
    logos: &BTreeMap<String, usize>,
) -> Vec<u8> {
    let mut font = Font::new();
    font.rtl = lang.is_rtl();
    let mut page = Page::new();
    let top = page.y;
    page.text(&mut font, heading, MARGIN, top - 22.0, 24.0, true);
    page.text(&mut font, subheading, MARGIN, top - 44.0, 12.0, false);
    let (cols, gap) = (2usize, 12.0f32);
    let w = (PAGE_W - 2.0 * MARGIN - gap) / cols as f32;
    let rows = all.len().div_ceil(cols).max(1);
    let area_top = top - 64.0;
    let h = ((area_top - MARGIN) - gap * (rows as f32 - 1.0)) / rows as f32;
    for (i, s) in all.iter().enumerate() {
        let (col, row) = (i % cols, i / cols);
        let x = MARGIN + col as f32 * (w + gap);
        let y_top = area_top - row as f32 * (h + gap);
        page.content.set_line_width(1.5);
        page.content.rect(x, y_top - h, w, h);
        page.content.stroke();
        let name = tr.get(lang, &s.category.label_key());
        page.text(&mut font, &name, x + 10.0, y_top - 20.0, 13.0, true);
        page.text(
            &mut font,
            &s.offers.to_string(),
            x + 10.0,
            y_top - 58.0,
            32.0,
            true,
        );
        let (offers, partners) = tile_lines(tr, lang, s);
        page.text(&mut font, &offers, x + 70.0, y_top - 46.0, 11.0, false);
        page.text(&mut font, &partners, x + 70.0, y_top - 60.0, 11.0, false);
        // The category's pictogram at the tile's top right.
        let picto = 52.0f32.min(h - 20.0);
        if let Some(Some(index)) = pictos.get(i) {
            page.image(*index, x + w - 10.0 - picto, y_top - 10.0 - picto, picto);
        }
        let names = font.wrap_at_most(&s.partners.join(", "), 9.5, w - 20.0, 2);
        for (j, line) in names.iter().enumerate() {
            page.text(
                &mut font,
                line,
                x + 10.0,
                y_top - 78.0 - 12.0 * j as f32,
                9.5,
                false,
            );
        }
        // The partners' logos in a row at the tile's foot.
        let size = 20.0f32;
        let foot = y_top - h + 6.0;
        let mut at = x + 10.0;
        for name in &s.partners {
            if let Some(index) = logos.get(name)
                && at + size <= x + w - 10.0
                && foot + size < y_top - 100.0
            {
                page.image(*index, at, foot, size);
                at += size + 6.0;
            }
        }
    }
    write_with_images(font, vec![page], images)
}

#[cfg(test)]
mod tests {
    use super::*;
    use digidak_protocol::PostRecord;

    fn post(kind: &str, cat: &str, status: &str, expires_ms: i64) -> PostState {
        PostState {
            post: PostRecord {
                id: uuid::Uuid::now_v7().to_string(),
                code: "000000000001".into(),
                kind: kind.into(),
                category: cat.into(),
                title: "t".into(),
                text: String::new(),
                languages: Vec::new(),
                token: None,
                partner: None,
                route_to: None,
            },
            status: status.into(),
            reason: None,
            created_ms: 0,
            expires_ms: Some(expires_ms),
            reports: 0,
            helped: false,
            approved_ms: Some(0),
            ended_ms: None,
        }
    }

    #[test]
    fn offers_on_the_board_and_partners_are_counted_per_category() {
        let now = 1_000_000;
        let posts = vec![
            post("offer", "cooking", "public", now + 1),
            post("offer", "cooking", "public", now + 1),
            post("ask", "cooking", "public", now + 1),
            post("offer", "cooking", "waiting", now + 1),
            post("offer", "cooking", "public", now - 1),
            post("offer", "transport", "public", now + 1),
        ];
        let partner = PartnerRecord {
            id: "0190b6f4-0000-7000-8000-000000000001".into(),
            name: "De Ark".into(),
            description: String::new(),
            picture: String::new(),
            categories: vec!["cooking".into()],
            hours: Vec::new(),
            address: String::new(),
            contact: String::new(),
            deleted: false,
            trusted: false,
            logo: String::new(),
        };
        let s = strengths(&posts, &[partner], now);
        assert_eq!(s.len(), Category::ALL.len());
        let cooking = s.iter().find(|s| s.category == Category::Cooking).unwrap();
        assert_eq!(cooking.offers, 2);
        assert_eq!(cooking.partners, vec!["De Ark".to_string()]);
        let transport = s
            .iter()
            .find(|s| s.category == Category::Transport)
            .unwrap();
        assert_eq!((transport.offers, transport.partners.len()), (1, 0));
        let tr = Translations::load().unwrap();
        assert_eq!(
            tile_lines(&tr, Lang::Nl, cooking),
            ("2 aanbiedingen".to_string(), "1 partner".to_string())
        );
        let pdf = render(&tr, Lang::Nl, "Wat onze buurt kan", "noord", &s);
        assert!(pdf.starts_with(b"%PDF"));
        let ar = render(&tr, Lang::Ar, "ما يستطيعه حيّنا", "noord", &s);
        assert!(ar.starts_with(b"%PDF"));

        // With pictures: every category's pictogram and De Ark's logo, each an image.
        let logo = crate::logo::prepare_logo(&{
            let img = image::RgbImage::from_pixel(300, 200, image::Rgb([10, 80, 140]));
            let mut out = std::io::Cursor::new(Vec::new());
            img.write_to(&mut out, image::ImageFormat::Png).unwrap();
            out.into_inner()
        })
        .unwrap();
        let logos = BTreeMap::from([("De Ark".to_string(), logo.png)]);
        let pdf = render_with_pictures(&tr, Lang::Nl, "Wat onze buurt kan", "noord", &s, &logos);
        let needle = b"/Subtype /Image";
        let images = pdf.windows(needle.len()).filter(|w| w == needle).count();
        assert_eq!(images, Category::ALL.len() + 1);
        assert!(pdf.len() < 400_000, "{} bytes", pdf.len());
    }
}
