//! Lesson pictures drawn on request, off the UI thread, and handed to the UI once.
//!
//! The UI asks for a picture the first time it shows it ([`DrawnPictures::take`] answers `None`
//! and queues it); a thread draws it (resvg) and wakes the UI; the next `take` hands the pixels
//! over, the UI turns them into a texture, and the pixels are freed. Pictures never shown are
//! never drawn: the kiosk starts without 41 pictures' worth (6 MB) of pixels in memory.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

use digidak_core::lessons::{Photo, Pixels, draw_photo, rasterize};

/// What wakes the UI when a picture is ready.
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// The pictures of a library, drawn on request. Dropping it ends the drawing thread.
pub struct DrawnPictures {
    keys: BTreeSet<String>,
    ready: Arc<Mutex<BTreeMap<String, Pixels>>>,
    asked: Mutex<BTreeSet<String>>,
    asks: Option<Mutex<Sender<String>>>,
}

impl Default for DrawnPictures {
    /// No pictures (while the lessons load).
    fn default() -> Self {
        Self {
            keys: BTreeSet::new(),
            ready: Arc::default(),
            asked: Mutex::default(),
            asks: None,
        }
    }
}

impl std::fmt::Debug for DrawnPictures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DrawnPictures")
            .field("pictures", &self.keys.len())
            .finish_non_exhaustive()
    }
}

/// The drawing side: run [`Drawer::run`] on the thread that draws.
pub struct Drawer {
    svgs: BTreeMap<String, Arc<str>>,
    photos: BTreeMap<String, Photo>,
    size: u32,
    ready: Arc<Mutex<BTreeMap<String, Pixels>>>,
    asks: Receiver<String>,
    wake: Wake,
}

impl DrawnPictures {
    /// The pictures `svgs` (key -> SVG text), drawn `size` pixels square when asked for, and
    /// the [`Drawer`] that draws them.
    pub fn new(svgs: BTreeMap<String, Arc<str>>, size: u32, wake: Wake) -> (Self, Drawer) {
        Self::with_photos(svgs, BTreeMap::new(), size, wake)
    }

    /// The same with photos (PNG, JPEG) beside the SVG pictures, scaled to `size` when drawn.
    pub fn with_photos(
        svgs: BTreeMap<String, Arc<str>>,
        photos: BTreeMap<String, Photo>,
        size: u32,
        wake: Wake,
    ) -> (Self, Drawer) {
        let (tx, rx) = channel();
        let ready = Arc::new(Mutex::new(BTreeMap::new()));
        let pictures = Self {
            keys: svgs.keys().chain(photos.keys()).cloned().collect(),
            ready: ready.clone(),
            asked: Mutex::default(),
            asks: Some(Mutex::new(tx)),
        };
        let drawer = Drawer {
            svgs,
            photos,
            size,
            ready,
            asks: rx,
            wake,
        };
        (pictures, drawer)
    }

    /// The pixels of picture `key` if they are drawn (handed over once: the caller keeps them
    /// as a texture); otherwise asks for them (once until handed over) and answers `None`. Never blocks on
    /// drawing: the lock is held only to move pixels in or out.
    pub fn take(&self, key: &str) -> Option<Pixels> {
        if !self.keys.contains(key) {
            return None;
        }
        if let Some(px) = lock(&self.ready).remove(key) {
            // Asked again later (a UI that lost its texture), it is drawn again.
            lock(&self.asked).remove(key);
            return Some(px);
        }
        if lock(&self.asked).insert(key.to_string())
            && let Some(asks) = &self.asks
        {
            let _ = lock(asks).send(key.to_string());
        }
        None
    }

    /// How many pictures the library has.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    pub fn contains(&self, key: &str) -> bool {
        self.keys.contains(key)
    }

    /// Pictures drawn and not yet taken.
    pub fn waiting(&self) -> usize {
        lock(&self.ready).len()
    }
}

impl Drawer {
    /// Draws what is asked, in order, until the [`DrawnPictures`] is dropped.
    pub fn run(self) {
        for key in self.asks {
            let drawn = match (self.svgs.get(&key), self.photos.get(&key)) {
                (Some(svg), _) => rasterize(svg, self.size),
                (None, Some(photo)) => draw_photo(photo, self.size),
                (None, None) => continue,
            };
            match drawn {
                Ok(px) => {
                    lock(&self.ready).insert(key, px);
                    (self.wake)();
                }
                Err(e) => tracing::warn!(picture = %key, error = %e, "picture not drawn"),
            }
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::{Duration, Instant};

    const SQUARE: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>"#;

    fn wait_for(pictures: &DrawnPictures, key: &str) -> Pixels {
        let start = Instant::now();
        loop {
            if let Some(px) = pictures.take(key) {
                return px;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "{key} not drawn");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn a_picture_is_drawn_when_asked_once_handed_over_once_and_wakes_the_ui() {
        let mut svgs = BTreeMap::new();
        svgs.insert("square".to_string(), Arc::from(SQUARE));
        svgs.insert("never-shown".to_string(), Arc::from(SQUARE));
        let woken = Arc::new(AtomicUsize::new(0));
        let w = woken.clone();
        let (pictures, drawer) = DrawnPictures::new(
            svgs,
            16,
            Arc::new(move || {
                w.fetch_add(1, Ordering::SeqCst);
            }),
        );
        assert_eq!(pictures.len(), 2);
        // Many frames ask before the drawer gets to it: it is drawn once.
        for _ in 0..5 {
            assert!(pictures.take("square").is_none(), "not drawn yet");
        }
        let thread = std::thread::spawn(move || drawer.run());
        let px = wait_for(&pictures, "square");
        assert_eq!((px.width, px.height, px.rgba.len()), (16, 16, 16 * 16 * 4));
        assert_eq!(&px.rgba[..4], &[255, 0, 0, 255], "red, opaque");
        std::thread::sleep(Duration::from_millis(50));
        assert_eq!(woken.load(Ordering::SeqCst), 1, "drawn once");
        assert_eq!(
            pictures.waiting(),
            0,
            "handed over, not kept; the other never drawn"
        );
        assert!(pictures.take("unknown").is_none());
        // A UI that lost its texture asks again and gets it again.
        let _ = wait_for(&pictures, "square");
        drop(pictures);
        thread
            .join()
            .expect("the drawer ends when the pictures are dropped");
    }

    #[test]
    fn no_pictures_while_loading() {
        let pictures = DrawnPictures::default();
        assert!(pictures.is_empty());
        assert!(pictures.take("phone").is_none());
    }
}
