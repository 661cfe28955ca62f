//! Pictograms drawn with egui's painter: crisp at every size, no image files to load, and
//! drawn by this project (so free to redistribute). Each is drawn in a square `rect`.

use egui::{Color32, Painter, Pos2, Rect, Shape, Stroke, pos2, vec2};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picto {
    /// A house.
    Home,
    /// An arrow pointing left.
    Back,
    /// A tick in a circle.
    Done,
    /// A lifebuoy: help.
    Help,
    /// A padlock.
    Staff,
    /// A bell.
    Call,
    /// A key with a cross: erase one digit.
    Erase,
    /// A pause sign.
    Pause,
    /// A play sign.
    Play,
    /// A power symbol.
    Exit,
    /// An open book: lessons.
    Lessons,
    /// An arrow pointing right.
    Next,
    /// A loudspeaker: read aloud.
    Speaker,
    /// A bookmark: continue later.
    Bookmark,
    /// A phone: take it home.
    Phone,
    /// Four squares: a code to type.
    Code,
    /// A calendar page: activities.
    Calendar,
    /// A plus sign.
    Plus,
    /// A minus sign.
    Minus,
    /// A notice board with two pinned notes: the ask & offer board.
    Board,
    /// A flag: report.
    Flag,
    /// A globe: other languages.
    Globe,
    /// Two people side by side: local partners ("who can help").
    People,
}

pub fn paint(p: &Painter, rect: Rect, picto: Picto, color: Color32) {
    // Right to left, "back" points right and "next" left.
    let picto = match (picto, super::bidi::rtl_ui(p.ctx())) {
        (Picto::Back, true) => Picto::Next,
        (Picto::Next, true) => Picto::Back,
        (other, _) => other,
    };
    let s = rect.width().min(rect.height());
    let c = rect.center();
    let w = (s * 0.09).max(2.0);
    let stroke = Stroke::new(w, color);
    let at = |x: f32, y: f32| pos2(c.x + x * s, c.y + y * s);
    match picto {
        Picto::Home => {
            p.add(Shape::line(
                vec![at(-0.42, 0.0), at(0.0, -0.4), at(0.42, 0.0)],
                stroke,
            ));
            p.add(Shape::line(
                vec![
                    at(-0.3, -0.08),
                    at(-0.3, 0.38),
                    at(0.3, 0.38),
                    at(0.3, -0.08),
                ],
                stroke,
            ));
            p.rect_filled(
                Rect::from_two_pos(at(-0.08, 0.12), at(0.08, 0.38)),
                0.0,
                color,
            );
        }
        Picto::Back => {
            p.line_segment([at(-0.38, 0.0), at(0.38, 0.0)], stroke);
            p.add(Shape::line(
                vec![at(-0.05, -0.32), at(-0.38, 0.0), at(-0.05, 0.32)],
                stroke,
            ));
        }
        Picto::Done => {
            p.circle_stroke(c, s * 0.42, stroke);
            p.add(Shape::line(
                vec![at(-0.2, 0.0), at(-0.05, 0.16), at(0.22, -0.15)],
                stroke,
            ));
        }
        Picto::Help => {
            p.circle_stroke(c, s * 0.3, Stroke::new(s * 0.16, color));
            let bg = Color32::from_rgba_unmultiplied(255, 255, 255, 200);
            for k in 0..4 {
                let a = std::f32::consts::FRAC_PI_4 + k as f32 * std::f32::consts::FRAC_PI_2;
                let d = vec2(a.cos(), a.sin());
                p.line_segment(
                    [c + d * s * 0.2, c + d * s * 0.4],
                    Stroke::new(s * 0.07, bg),
                );
            }
            p.circle_stroke(c, s * 0.4, Stroke::new(w * 0.5, color));
        }
        Picto::Staff => {
            p.rect_filled(
                Rect::from_two_pos(at(-0.3, -0.05), at(0.3, 0.38)),
                s * 0.05,
                color,
            );
            p.add(Shape::line(
                arc(at(0.0, -0.05), s * 0.2, std::f32::consts::PI, 0.0, 12)
                    .into_iter()
                    .chain([at(0.2, -0.05)])
                    .collect(),
                stroke,
            ));
        }
        Picto::Call => {
            let mut pts = vec![at(-0.32, 0.22)];
            pts.extend(arc(at(0.0, -0.08), s * 0.26, std::f32::consts::PI, 0.0, 12));
            pts.push(at(0.32, 0.22));
            p.add(Shape::closed_line(pts, stroke));
            p.circle_filled(at(0.0, 0.32), s * 0.07, color);
            p.circle_filled(at(0.0, -0.38), s * 0.05, color);
        }
        Picto::Erase => {
            p.add(Shape::closed_line(
                vec![
                    at(-0.42, 0.0),
                    at(-0.18, -0.28),
                    at(0.4, -0.28),
                    at(0.4, 0.28),
                    at(-0.18, 0.28),
                ],
                stroke,
            ));
            p.line_segment([at(-0.02, -0.12), at(0.22, 0.12)], stroke);
            p.line_segment([at(0.22, -0.12), at(-0.02, 0.12)], stroke);
        }
        Picto::Pause => {
            p.rect_filled(
                Rect::from_two_pos(at(-0.25, -0.32), at(-0.08, 0.32)),
                2.0,
                color,
            );
            p.rect_filled(
                Rect::from_two_pos(at(0.08, -0.32), at(0.25, 0.32)),
                2.0,
                color,
            );
        }
        Picto::Play => {
            p.add(Shape::convex_polygon(
                vec![at(-0.22, -0.34), at(0.3, 0.0), at(-0.22, 0.34)],
                color,
                Stroke::NONE,
            ));
        }
        Picto::Exit => {
            p.add(Shape::line(
                arc(
                    c,
                    s * 0.34,
                    std::f32::consts::FRAC_PI_2 + 0.6,
                    2.5 * std::f32::consts::PI - 0.6,
                    20,
                ),
                stroke,
            ));
            p.line_segment([at(0.0, -0.42), at(0.0, -0.02)], stroke);
        }
        Picto::Lessons => {
            for side in [-1.0f32, 1.0] {
                p.add(Shape::closed_line(
                    vec![
                        at(0.0, -0.22),
                        at(side * 0.42, -0.32),
                        at(side * 0.42, 0.26),
                        at(0.0, 0.36),
                    ],
                    stroke,
                ));
                for k in 0..3 {
                    let y = -0.12 + k as f32 * 0.13;
                    p.line_segment(
                        [at(side * 0.1, y), at(side * 0.32, y - 0.03)],
                        Stroke::new(w * 0.6, color),
                    );
                }
            }
        }
        Picto::Next => {
            p.line_segment([at(-0.38, 0.0), at(0.38, 0.0)], stroke);
            p.add(Shape::line(
                vec![at(0.05, -0.32), at(0.38, 0.0), at(0.05, 0.32)],
                stroke,
            ));
        }
        Picto::Speaker => {
            p.add(Shape::convex_polygon(
                vec![
                    at(-0.4, -0.12),
                    at(-0.22, -0.12),
                    at(0.0, -0.34),
                    at(0.0, 0.34),
                    at(-0.22, 0.12),
                    at(-0.4, 0.12),
                ],
                color,
                Stroke::NONE,
            ));
            for r in [0.2, 0.36] {
                p.add(Shape::line(
                    arc(at(0.02, 0.0), s * r, -0.8, 0.8, 10),
                    stroke,
                ));
            }
        }
        Picto::Bookmark => {
            p.add(Shape::closed_line(
                vec![
                    at(-0.26, -0.4),
                    at(0.26, -0.4),
                    at(0.26, 0.4),
                    at(0.0, 0.16),
                    at(-0.26, 0.4),
                ],
                stroke,
            ));
        }
        Picto::Phone => {
            p.rect_stroke(
                Rect::from_two_pos(at(-0.24, -0.42), at(0.24, 0.42)),
                s * 0.06,
                stroke,
                egui::StrokeKind::Middle,
            );
            p.circle_filled(at(0.0, 0.3), s * 0.05, color);
        }
        Picto::Calendar => {
            p.rect_stroke(
                Rect::from_two_pos(at(-0.4, -0.3), at(0.4, 0.4)),
                s * 0.05,
                stroke,
                egui::StrokeKind::Middle,
            );
            p.rect_filled(
                Rect::from_two_pos(at(-0.4, -0.3), at(0.4, -0.1)),
                0.0,
                color,
            );
            for x in [-0.2f32, 0.2] {
                p.line_segment([at(x, -0.42), at(x, -0.22)], stroke);
            }
            for (x, y) in [
                (-0.2f32, 0.08f32),
                (0.0, 0.08),
                (0.2, 0.08),
                (-0.2, 0.25),
                (0.0, 0.25),
            ] {
                p.circle_filled(at(x, y), s * 0.04, color);
            }
        }
        Picto::Board => {
            p.rect_stroke(
                Rect::from_two_pos(at(-0.44, -0.36), at(0.44, 0.36)),
                s * 0.04,
                stroke,
                egui::StrokeKind::Middle,
            );
            for (x0, y0, x1, y1) in [
                (-0.32f32, -0.24f32, -0.04f32, 0.06f32),
                (0.06, -0.1, 0.32, 0.24),
            ] {
                p.rect_filled(Rect::from_two_pos(at(x0, y0), at(x1, y1)), 0.0, color);
                p.circle_filled(at((x0 + x1) / 2.0, y0), s * 0.05, color);
            }
            p.line_segment([at(-0.3, 0.2), at(-0.06, 0.2)], stroke);
        }
        Picto::Flag => {
            p.line_segment([at(-0.3, -0.42), at(-0.3, 0.42)], stroke);
            p.add(Shape::convex_polygon(
                vec![at(-0.3, -0.38), at(0.36, -0.24), at(-0.3, -0.04)],
                color,
                Stroke::NONE,
            ));
        }
        Picto::Plus => {
            p.line_segment([at(-0.32, 0.0), at(0.32, 0.0)], stroke);
            p.line_segment([at(0.0, -0.32), at(0.0, 0.32)], stroke);
        }
        Picto::Minus => {
            p.line_segment([at(-0.32, 0.0), at(0.32, 0.0)], stroke);
        }
        Picto::Code => {
            for (x, y) in [(-1.0f32, -1.0f32), (1.0, -1.0), (-1.0, 1.0), (1.0, 1.0)] {
                p.rect_filled(
                    Rect::from_center_size(at(x * 0.2, y * 0.2), vec2(s * 0.3, s * 0.3)),
                    s * 0.04,
                    color,
                );
            }
        }
        Picto::Globe => {
            let thin = Stroke::new(w * 0.7, color);
            p.circle_stroke(c, s * 0.42, stroke);
            // A meridian (an ellipse), the equator and two parallels.
            let meridian: Vec<Pos2> = (0..=24)
                .map(|i| {
                    let a = i as f32 / 24.0 * std::f32::consts::TAU;
                    at(0.18 * a.cos(), 0.42 * a.sin())
                })
                .collect();
            p.add(Shape::line(meridian, thin));
            p.line_segment([at(0.0, -0.42), at(0.0, 0.42)], thin);
            p.line_segment([at(-0.42, 0.0), at(0.42, 0.0)], thin);
            p.line_segment([at(-0.34, -0.22), at(0.34, -0.22)], thin);
            p.line_segment([at(-0.34, 0.22), at(0.34, 0.22)], thin);
        }
        Picto::People => {
            // Two heads and two shoulders (half discs), the second a little behind.
            for (x, y, r) in [(0.17f32, -0.02f32, 0.8f32), (-0.15, 0.04, 1.0)] {
                p.circle_filled(at(x, y - 0.2), s * 0.12 * r, color);
                let mut body = arc(at(x, y + 0.36), s * 0.24 * r, 0.0, std::f32::consts::PI, 12);
                body.push(at(x + 0.24 * r, y + 0.36));
                p.add(Shape::convex_polygon(body, color, Stroke::NONE));
            }
        }
    }
}

fn arc(center: Pos2, r: f32, from: f32, to: f32, steps: usize) -> Vec<Pos2> {
    (0..=steps)
        .map(|i| {
            let a = from + (to - from) * i as f32 / steps as f32;
            center + vec2(a.cos(), -a.sin()) * r
        })
        .collect()
}
