//! A small software renderer for screenshots of the kiosk's screens: egui's meshes, drawn
//! triangle by triangle with their textures into an RGBA picture, saved as PNG. It needs no
//! GPU and no display (CI machines have neither), and draws what egui would hand a GPU.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use egui::epaint::{ImageData, Primitive};

struct Texture {
    size: [usize; 2],
    pixels: Vec<egui::Color32>,
}

/// The harness's textures as egui sends them to a renderer (fonts, pictures), kept on the CPU.
#[derive(Clone, Default)]
pub struct Textures(Arc<Mutex<HashMap<egui::TextureId, Texture>>>);

impl egui_kittest::TestRenderer for Textures {
    fn handle_delta(&mut self, delta: &mut egui::TexturesDelta) {
        let mut textures = self.0.lock().unwrap();
        for (id, changes) in std::mem::take(&mut delta.set) {
            for change in changes {
                let ImageData::Color(image) = &change.image;
                match change.pos {
                    None => {
                        let t = Texture {
                            size: image.size,
                            pixels: image.pixels.clone(),
                        };
                        textures.insert(id, t);
                    }
                    Some([x0, y0]) => {
                        let t = textures.get_mut(&id).expect("a patch of a known texture");
                        for y in 0..image.size[1] {
                            let row = &image.pixels[y * image.size[0]..(y + 1) * image.size[0]];
                            let at = (y0 + y) * t.size[0] + x0;
                            t.pixels[at..at + image.size[0]].copy_from_slice(row);
                        }
                    }
                }
            }
        }
        for id in std::mem::take(&mut delta.free) {
            textures.remove(&id);
        }
    }
}

impl Textures {
    /// Paints the harness's last frame into a PNG file.
    pub fn save_png(&self, ctx: &egui::Context, output: &egui::FullOutput, path: &Path) {
        let (width, height, rgba) = self.render(ctx, output);
        let mut pixmap = resvg::tiny_skia::Pixmap::new(width as u32, height as u32).unwrap();
        pixmap.data_mut().copy_from_slice(&rgba);
        pixmap.save_png(path).unwrap();
    }

    /// Paints the harness's last frame to premultiplied RGBA bytes.
    pub fn render(&self, ctx: &egui::Context, out: &egui::FullOutput) -> (usize, usize, Vec<u8>) {
        let textures = self.0.lock().unwrap();
        let ppp = out.pixels_per_point;
        let screen = ctx.content_rect();
        let (w, h) = (
            (screen.width() * ppp).round() as usize,
            (screen.height() * ppp).round() as usize,
        );
        // Premultiplied RGBA in 0..=1, on an opaque background.
        let mut buf = vec![[0.0f32, 0.0, 0.0, 1.0]; w * h];
        for clipped in ctx.tessellate(out.shapes.clone(), ppp) {
            let Primitive::Mesh(mesh) = clipped.primitive else {
                continue;
            };
            let tex = textures.get(&mesh.texture_id);
            for tri in mesh.indices.chunks_exact(3) {
                let v = [
                    &mesh.vertices[tri[0] as usize],
                    &mesh.vertices[tri[1] as usize],
                    &mesh.vertices[tri[2] as usize],
                ];
                draw_triangle(&mut buf, w, h, ppp, clipped.clip_rect, v, tex);
            }
        }
        let mut rgba = Vec::with_capacity(w * h * 4);
        for p in buf {
            for c in p {
                rgba.push((c.clamp(0.0, 1.0) * 255.0).round() as u8);
            }
        }
        (w, h, rgba)
    }
}

fn draw_triangle(
    buf: &mut [[f32; 4]],
    w: usize,
    h: usize,
    ppp: f32,
    clip: egui::Rect,
    v: [&egui::epaint::Vertex; 3],
    tex: Option<&Texture>,
) {
    let p: Vec<egui::Pos2> = v
        .iter()
        .map(|v| (v.pos.to_vec2() * ppp).to_pos2())
        .collect();
    let area = (p[1] - p[0]).x * (p[2] - p[0]).y - (p[1] - p[0]).y * (p[2] - p[0]).x;
    if area.abs() < 1e-6 {
        return;
    }
    let min_x = p
        .iter()
        .map(|p| p.x)
        .fold(f32::MAX, f32::min)
        .max(clip.min.x * ppp)
        .max(0.0);
    let max_x = p
        .iter()
        .map(|p| p.x)
        .fold(f32::MIN, f32::max)
        .min(clip.max.x * ppp)
        .min(w as f32);
    let min_y = p
        .iter()
        .map(|p| p.y)
        .fold(f32::MAX, f32::min)
        .max(clip.min.y * ppp)
        .max(0.0);
    let max_y = p
        .iter()
        .map(|p| p.y)
        .fold(f32::MIN, f32::max)
        .min(clip.max.y * ppp)
        .min(h as f32);
    if min_x >= max_x || min_y >= max_y {
        return;
    }
    let col = |c: egui::Color32| {
        [
            c.r() as f32 / 255.0,
            c.g() as f32 / 255.0,
            c.b() as f32 / 255.0,
            c.a() as f32 / 255.0,
        ]
    };
    let colors = [col(v[0].color), col(v[1].color), col(v[2].color)];
    for y in (min_y.floor() as usize)..(max_y.ceil() as usize).min(h) {
        for x in (min_x.floor() as usize)..(max_x.ceil() as usize).min(w) {
            let q = egui::pos2(x as f32 + 0.5, y as f32 + 0.5);
            let edge = |a: egui::Pos2, b: egui::Pos2| (b - a).x * (q - a).y - (b - a).y * (q - a).x;
            let w0 = edge(p[1], p[2]) / area;
            let w1 = edge(p[2], p[0]) / area;
            let w2 = edge(p[0], p[1]) / area;
            if w0 < 0.0 || w1 < 0.0 || w2 < 0.0 {
                continue;
            }
            let mut c = [0.0f32; 4];
            for i in 0..4 {
                c[i] = colors[0][i] * w0 + colors[1][i] * w1 + colors[2][i] * w2;
            }
            if let Some(t) = tex {
                let u = v[0].uv.x * w0 + v[1].uv.x * w1 + v[2].uv.x * w2;
                let vv = v[0].uv.y * w0 + v[1].uv.y * w1 + v[2].uv.y * w2;
                let tx = ((u * t.size[0] as f32) as usize).min(t.size[0] - 1);
                let ty = ((vv * t.size[1] as f32) as usize).min(t.size[1] - 1);
                let texel = col(t.pixels[ty * t.size[0] + tx]);
                for i in 0..4 {
                    c[i] *= texel[i];
                }
            }
            let d = &mut buf[y * w + x];
            for i in 0..4 {
                d[i] = c[i] + d[i] * (1.0 - c[3]);
            }
        }
    }
}
