//! The content folder every module draws from: the lessons (`assets/lessons/`, or the folder
//! `lessons.dir` names) and the pictures they share with the activities and the board. Loaded
//! and checked on the loader thread; the pictures are drawn there when first shown.

use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, OnceLock};

use crate::drawn::DrawnPictures;
use crate::store::worker::Waker;
use digidak_core::lessons::{Library, Source, load};

/// The size pictures are drawn at (pixels, square); the UI scales them.
pub const PICTURE_PX: u32 = 192;

/// Loaded lessons and their pictures (drawn when first shown).
struct Loaded {
    library: Library,
    pictures: DrawnPictures,
}

/// The loaded content, or the channel it comes on.
pub struct Content {
    /// `None` while the lessons load.
    pub library: Option<Arc<Library>>,
    /// The pictures, drawn on the loader thread when the UI first shows them and handed to it
    /// once for a texture (no pixels kept for pictures never shown).
    pub pictures: Arc<DrawnPictures>,
    loader: Option<Receiver<Loaded>>,
}

impl std::fmt::Debug for Content {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Content")
            .field("loaded", &self.library.is_some())
            .finish_non_exhaustive()
    }
}

impl Content {
    /// Nothing loaded and nothing to load: for tests of the session rules.
    pub(super) fn idle() -> Self {
        Self {
            library: None,
            pictures: Arc::new(DrawnPictures::default()),
            loader: None,
        }
    }

    /// Starts loading `source` on a thread; `waker` wakes the UI when it is done.
    pub(super) fn start(source: Source, waker: Arc<OnceLock<Waker>>) -> Self {
        let (tx, rx) = channel();
        let cell = waker;
        // The thread loads and checks the lessons, then stays to draw pictures on request
        // until the kiosk is dropped.
        let spawned = std::thread::Builder::new()
            .name("digidak-lessons".into())
            .spawn(move || {
                let started = std::time::Instant::now();
                let library = load(&source);
                for p in &library.problems {
                    tracing::warn!(problem = %p, "lesson left out");
                }
                tracing::info!(
                    lessons = library.lessons.len(),
                    left_out = library.problems.len(),
                    pictures = library.pictures.len(),
                    ms = started.elapsed().as_millis() as u64,
                    "lessons loaded"
                );
                let wake_cell = cell.clone();
                let (pictures, drawer) = DrawnPictures::with_photos(
                    library.pictures.clone(),
                    library.photos.clone(),
                    PICTURE_PX,
                    Arc::new(move || {
                        if let Some(w) = wake_cell.get() {
                            w();
                        }
                    }),
                );
                if tx.send(Loaded { library, pictures }).is_err() {
                    return;
                }
                if let Some(w) = cell.get() {
                    w();
                }
                drawer.run();
            });
        if spawned.is_err() {
            tracing::error!("could not start loading the lessons");
        }
        Self {
            loader: Some(rx),
            ..Self::idle()
        }
    }

    /// Takes in the loaded content, once it is there.
    pub(super) fn poll(&mut self) {
        if let Some(rx) = &self.loader {
            match rx.try_recv() {
                Ok(loaded) => {
                    self.library = Some(Arc::new(loaded.library));
                    self.pictures = Arc::new(loaded.pictures);
                    self.loader = None;
                }
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => {
                    self.library = Some(Arc::new(Library::default()));
                    self.loader = None;
                }
            }
        }
    }

    pub fn is_loading(&self) -> bool {
        self.library.is_none()
    }
}
