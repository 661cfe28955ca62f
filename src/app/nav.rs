//! Where a person is: the screens they went through, never empty by type.

use super::Screen;

/// The navigation stack: the screen on top and the ones below it. Home is at the bottom and
/// cannot be popped, so "the current screen" always exists.
#[derive(Debug, Clone, PartialEq)]
pub struct Nav {
    below: Vec<Screen>,
    top: Screen,
}

impl Default for Nav {
    fn default() -> Self {
        Self::home()
    }
}

impl Nav {
    /// Only the home screen.
    pub fn home() -> Self {
        Self {
            below: Vec::new(),
            top: Screen::Home,
        }
    }

    /// The screen on top.
    pub fn current(&self) -> Screen {
        self.top
    }

    /// Opens `screen` on top of the current one.
    pub fn push(&mut self, screen: Screen) {
        let below = std::mem::replace(&mut self.top, screen);
        self.below.push(below);
    }

    /// Goes back one screen; at the bottom it stays where it is.
    pub fn pop(&mut self) {
        if let Some(screen) = self.below.pop() {
            self.top = screen;
        }
    }

    /// Replaces the screen on top (a step that should not be gone back to).
    pub fn replace(&mut self, screen: Screen) {
        self.top = screen;
    }

    pub fn can_go_back(&self) -> bool {
        !self.below.is_empty()
    }

    /// True on the home screen with nothing below it.
    pub fn is_home(&self) -> bool {
        self.below.is_empty() && self.top == Screen::Home
    }

    /// True when any open screen (on top or below) matches.
    pub fn any(&self, f: impl Fn(Screen) -> bool) -> bool {
        f(self.top) || self.below.iter().any(|s| f(*s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::modules::Page;

    /// Three pages of some module.
    const LIST: Screen = Screen::Module(Page::resident("some", 0));
    const ITEM: Screen = Screen::Module(Page::resident("some", 1));
    const DONE: Screen = Screen::Module(Page::resident("some", 2));

    #[test]
    fn back_never_leaves_the_home_screen() {
        let mut nav = Nav::home();
        assert!(nav.is_home() && !nav.can_go_back());
        nav.pop();
        assert_eq!(nav.current(), Screen::Home);
        nav.push(LIST);
        nav.push(ITEM);
        assert!(nav.can_go_back() && !nav.is_home());
        nav.replace(DONE);
        assert_eq!(nav.current(), DONE);
        assert!(nav.any(|s| s == LIST));
        nav.pop();
        nav.pop();
        nav.pop();
        assert!(nav.is_home());
    }

    #[test]
    fn a_replaced_home_screen_is_no_longer_home() {
        let mut nav = Nav::home();
        nav.replace(Screen::Volunteer);
        assert!(!nav.is_home());
        assert_eq!(nav.current(), Screen::Volunteer);
    }
}
