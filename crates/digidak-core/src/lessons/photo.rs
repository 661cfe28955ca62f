//! Photos and screenshots in lessons: PNG and JPEG pictures beside the SVG drawings. They are
//! decoded with the `image` crate (PNG and JPEG only) when the lessons load, so a broken or too
//! big picture is refused there, named by its file; and drawn again, scaled to the size the
//! kiosk shows them at, only when a screen first shows them (on the loader thread, like SVG).

use std::sync::Arc;

use super::Pixels;

/// A photo's file is at most this big.
pub const MAX_PHOTO_BYTES: usize = 512 * 1024;
/// A photo is at most this many pixels wide and high (a screenshot of a phone or a PC screen
/// fits; the kiosk shows pictures far smaller).
pub const MAX_PHOTO_SIDE: u32 = 2400;

/// The kinds of photo a lesson may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoKind {
    Png,
    Jpeg,
}

impl PhotoKind {
    /// The kind a file name's extension says (`.png`, `.jpg`, `.jpeg`), and the name without it.
    pub fn of_file(name: &str) -> Option<(&str, PhotoKind)> {
        if let Some(stem) = name.strip_suffix(".png") {
            Some((stem, PhotoKind::Png))
        } else if let Some(stem) = name
            .strip_suffix(".jpg")
            .or_else(|| name.strip_suffix(".jpeg"))
        {
            Some((stem, PhotoKind::Jpeg))
        } else {
            None
        }
    }

    fn format(self) -> image::ImageFormat {
        match self {
            PhotoKind::Png => image::ImageFormat::Png,
            PhotoKind::Jpeg => image::ImageFormat::Jpeg,
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            PhotoKind::Png => "image/png",
            PhotoKind::Jpeg => "image/jpeg",
        }
    }

    /// The extension the server's address uses.
    pub fn extension(self) -> &'static str {
        match self {
            PhotoKind::Png => "png",
            PhotoKind::Jpeg => "jpg",
        }
    }
}

/// A checked photo: its file as read, its kind and size.
#[derive(Clone, PartialEq, Eq)]
pub struct Photo {
    pub bytes: Arc<[u8]>,
    pub kind: PhotoKind,
    pub width: u32,
    pub height: u32,
}

impl std::fmt::Debug for Photo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Photo({:?} {}x{}, {} bytes)",
            self.kind,
            self.width,
            self.height,
            self.bytes.len()
        )
    }
}

fn decode(bytes: &[u8], kind: PhotoKind) -> Result<image::DynamicImage, String> {
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), kind.format());
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_PHOTO_SIDE);
    limits.max_image_height = Some(MAX_PHOTO_SIDE);
    limits.max_alloc = Some(64 * 1024 * 1024);
    reader.limits(limits);
    reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => format!(
            "the picture is too big: at most {MAX_PHOTO_SIDE} x {MAX_PHOTO_SIDE} pixels \
             (make it smaller in a photo editor)"
        ),
        e => format!(
            "not a readable {} picture: {e}",
            match kind {
                PhotoKind::Png => "PNG",
                PhotoKind::Jpeg => "JPEG",
            }
        ),
    })
}

/// Checks a photo's file: its size, that it decodes as the kind its name says, and its pixel
/// size. The message says what is wrong (the caller names the file).
pub fn check_photo(bytes: &[u8], kind: PhotoKind) -> Result<Photo, String> {
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(format!(
            "the picture is too big: {} KB, at most {} KB (save it smaller, or as JPEG)",
            bytes.len().div_ceil(1024),
            MAX_PHOTO_BYTES / 1024
        ));
    }
    let img = decode(bytes, kind)?;
    Ok(Photo {
        bytes: Arc::from(bytes),
        kind,
        width: img.width(),
        height: img.height(),
    })
}

/// Draws a photo into a `size` x `size` square, scaled to fit (kept in proportion, centred,
/// transparent around it), as premultiplied RGBA like [`super::rasterize`].
pub fn draw_photo(photo: &Photo, size: u32) -> Result<Pixels, String> {
    if size == 0 {
        return Err("picture size must be above 0".into());
    }
    let img = decode(&photo.bytes, photo.kind)?;
    let scaled = img
        .resize(size, size, image::imageops::FilterType::Triangle)
        .to_rgba8();
    let (w, h) = scaled.dimensions();
    let (dx, dy) = ((size - w) / 2, (size - h) / 2);
    let mut rgba = vec![0u8; size as usize * size as usize * 4];
    for (x, y, p) in scaled.enumerate_pixels() {
        let [r, g, b, a] = p.0;
        let pm = |c: u8| ((u16::from(c) * u16::from(a) + 127) / 255) as u8;
        let at = (((y + dy) * size + x + dx) * 4) as usize;
        rgba[at..at + 4].copy_from_slice(&[pm(r), pm(g), pm(b), a]);
    }
    Ok(Pixels {
        width: size,
        height: size,
        rgba,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbaImage::from_pixel(w, h, image::Rgba([200, 10, 10, 255]));
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn a_photo_is_checked_and_drawn_to_the_shown_size() {
        let photo = check_photo(&png(40, 20), PhotoKind::Png).unwrap();
        assert_eq!((photo.width, photo.height), (40, 20));
        let px = draw_photo(&photo, 64).unwrap();
        assert_eq!((px.width, px.height, px.rgba.len()), (64, 64, 64 * 64 * 4));
        // Centred: the middle is the photo's red, the top row is transparent.
        let mid = ((32 * 64 + 32) * 4) as usize;
        assert_eq!(&px.rgba[mid..mid + 4], &[200, 10, 10, 255]);
        assert_eq!(&px.rgba[0..4], &[0, 0, 0, 0]);
    }

    #[test]
    fn broken_mismatched_and_big_photos_are_refused_with_a_reason() {
        let e = check_photo(b"not a picture", PhotoKind::Png).unwrap_err();
        assert!(e.contains("not a readable PNG picture"), "{e}");
        let e = check_photo(&png(8, 8), PhotoKind::Jpeg).unwrap_err();
        assert!(e.contains("not a readable JPEG picture"), "{e}");
        let e = check_photo(&vec![0u8; MAX_PHOTO_BYTES + 1], PhotoKind::Png).unwrap_err();
        assert!(e.contains("too big") && e.contains("KB"), "{e}");
        let e = check_photo(&png(MAX_PHOTO_SIDE + 1, 2), PhotoKind::Png).unwrap_err();
        assert!(e.contains("pixels"), "{e}");
        assert_eq!(PhotoKind::of_file("a.jpeg"), Some(("a", PhotoKind::Jpeg)));
        assert_eq!(PhotoKind::of_file("a.svg"), None);
    }
}
