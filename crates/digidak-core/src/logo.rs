//! A local partner's uploaded logo: checked, made small and written again as a PNG before it
//! is stored, so what kiosks and phones get is always a small PNG of our own making (no
//! metadata, no other format, no decompression bomb). Named by the SHA-256 of that PNG.

use sha2::{Digest, Sha256};

/// An upload is at most this big (PNG or JPEG).
pub const MAX_LOGO_BYTES: usize = 1024 * 1024;
/// An upload is at most this many pixels on a side (checked from its header, before decoding).
pub const MAX_LOGO_SIDE: u32 = 4096;
/// The stored logo fits in this square (kept in proportion).
pub const LOGO_PX: u32 = 256;

/// Why an upload is refused; the message says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LogoProblem {
    #[error("the file is empty")]
    Empty,
    #[error("the file is too big: {kb} KB, at most {max} KB", max = MAX_LOGO_BYTES / 1024)]
    TooBig { kb: usize },
    #[error("not a PNG or JPEG picture")]
    NotAPicture,
    #[error(
        "the picture is too big: {width} x {height} pixels, at most {MAX_LOGO_SIDE} x {MAX_LOGO_SIDE}"
    )]
    TooManyPixels { width: u32, height: u32 },
    #[error("the picture does not read: {0}")]
    Broken(String),
}

/// A logo as stored: a PNG of at most [`LOGO_PX`] a side and its name.
#[derive(Clone, PartialEq, Eq)]
pub struct Logo {
    pub png: Vec<u8>,
    /// SHA-256 of `png`, 64 lowercase hex digits.
    pub hash: String,
}

impl std::fmt::Debug for Logo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Logo({}, {} bytes)", self.hash, self.png.len())
    }
}

/// Whether `s` can name a logo (64 lowercase hex digits).
pub fn is_logo_hash(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The name of a stored PNG.
pub fn logo_hash(png: &[u8]) -> String {
    Sha256::digest(png)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Checks an upload and makes the logo to store: PNG or JPEG (by its content, not its name),
/// at most [`MAX_LOGO_BYTES`], at most [`MAX_LOGO_SIDE`] pixels a side read from the header
/// before anything is decoded, then decoded under a memory limit, scaled to fit
/// [`LOGO_PX`] (never up) and written again as PNG.
pub fn prepare_logo(bytes: &[u8]) -> Result<Logo, LogoProblem> {
    if bytes.is_empty() {
        return Err(LogoProblem::Empty);
    }
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(LogoProblem::TooBig {
            kb: bytes.len().div_ceil(1024),
        });
    }
    let format = match image::guess_format(bytes) {
        Ok(f @ (image::ImageFormat::Png | image::ImageFormat::Jpeg)) => f,
        _ => return Err(LogoProblem::NotAPicture),
    };
    let reader = || image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let (width, height) = reader()
        .into_dimensions()
        .map_err(|e| LogoProblem::Broken(e.to_string()))?;
    if width == 0 || height == 0 {
        return Err(LogoProblem::Broken("no pixels".into()));
    }
    if width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE {
        return Err(LogoProblem::TooManyPixels { width, height });
    }
    let mut reader = reader();
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_LOGO_SIDE);
    limits.max_image_height = Some(MAX_LOGO_SIDE);
    limits.max_alloc = Some(96 * 1024 * 1024);
    reader.limits(limits);
    let img = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => LogoProblem::TooManyPixels { width, height },
        e => LogoProblem::Broken(e.to_string()),
    })?;
    let img = if width > LOGO_PX || height > LOGO_PX {
        img.resize(LOGO_PX, LOGO_PX, image::imageops::FilterType::Triangle)
    } else {
        img
    };
    let rgba = img.to_rgba8();
    let mut out = std::io::Cursor::new(Vec::new());
    rgba.write_to(&mut out, image::ImageFormat::Png)
        .map_err(|e| LogoProblem::Broken(e.to_string()))?;
    let png = out.into_inner();
    let hash = logo_hash(&png);
    Ok(Logo { png, hash })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(w: u32, h: u32, format: image::ImageFormat) -> Vec<u8> {
        let img = image::RgbImage::from_pixel(w, h, image::Rgb([10, 80, 140]));
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, format).unwrap();
        out.into_inner()
    }

    #[test]
    fn a_big_jpeg_becomes_a_small_png_named_by_its_hash() {
        let logo = prepare_logo(&encoded(1000, 500, image::ImageFormat::Jpeg)).unwrap();
        assert_eq!(&logo.png[..8], b"\x89PNG\r\n\x1a\n");
        let back = image::load_from_memory(&logo.png).unwrap();
        assert_eq!((back.width(), back.height()), (256, 128));
        assert!(is_logo_hash(&logo.hash));
        assert_eq!(logo.hash, logo_hash(&logo.png));
        // A small one keeps its size.
        let small = prepare_logo(&encoded(40, 30, image::ImageFormat::Png)).unwrap();
        let back = image::load_from_memory(&small.png).unwrap();
        assert_eq!((back.width(), back.height()), (40, 30));
    }

    /// PNG's chunk checksum (CRC-32, ISO 3309).
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn hostile_uploads_are_refused_with_a_reason() {
        assert_eq!(prepare_logo(b""), Err(LogoProblem::Empty));
        assert_eq!(
            prepare_logo(b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
            Err(LogoProblem::NotAPicture)
        );
        assert_eq!(
            prepare_logo(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
            Err(LogoProblem::NotAPicture)
        );
        assert!(matches!(
            prepare_logo(&vec![0x89; MAX_LOGO_BYTES + 1]),
            Err(LogoProblem::TooBig { .. })
        ));
        // A PNG whose header claims 20000 x 20000 pixels: refused before it is decoded.
        let mut bomb = encoded(1, 1, image::ImageFormat::Png);
        bomb[16..20].copy_from_slice(&20000u32.to_be_bytes());
        bomb[20..24].copy_from_slice(&20000u32.to_be_bytes());
        let crc = crc32(&bomb[12..29]);
        bomb[29..33].copy_from_slice(&crc.to_be_bytes());
        assert_eq!(
            prepare_logo(&bomb),
            Err(LogoProblem::TooManyPixels {
                width: 20000,
                height: 20000
            })
        );
        // A PNG cut short.
        let png = encoded(64, 64, image::ImageFormat::Png);
        assert!(matches!(
            prepare_logo(&png[..png.len() / 2]),
            Err(LogoProblem::Broken(_))
        ));
        assert!(!is_logo_hash("ABC"));
    }
}
