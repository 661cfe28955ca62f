//! The partners' uploaded logos as the partners module knows them: which the store worker was
//! asked to read (it reads and draws them off the UI thread, `sync::logos::read_logo`), which
//! arrived as pixels and wait for the screen to make a texture of them, which are shown, and
//! which are not on this kiosk (yet: the sync worker fetches them; asked again when the list
//! comes again). The pixels are handed over once, like the lessons' pictures.

use std::collections::BTreeMap;
use std::sync::Mutex;

use digidak_core::lessons::Pixels;
use digidak_protocol::PartnerRecord;

#[derive(Debug, Clone, PartialEq, Eq)]
enum State {
    Asked,
    Ready(Pixels),
    Shown,
    Missing,
}

/// The logos, by name (the SHA-256 the server gave them). The screen hands pixels over while
/// it draws from a shared borrow of the module's state (the board's routed-ask hint), hence
/// the lock (held only to move pixels out).
#[derive(Debug, Default)]
pub struct Logos {
    map: Mutex<BTreeMap<String, State>>,
}

impl Logos {
    fn map(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, State>> {
        self.map.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The logos of `list` to ask the store for now: new ones and ones that were missing
    /// (they may have arrived since). Logos no partner names any more are forgotten.
    pub fn to_ask(&mut self, list: &[PartnerRecord]) -> Vec<String> {
        let mut map = self.map();
        map.retain(|hash, _| list.iter().any(|p| p.logo == *hash));
        let mut ask = Vec::new();
        for p in list.iter().filter(|p| !p.logo.is_empty()) {
            let state = map.entry(p.logo.clone()).or_insert(State::Missing);
            if *state == State::Missing && !ask.contains(&p.logo) {
                *state = State::Asked;
                ask.push(p.logo.clone());
            }
        }
        ask
    }

    /// The store's answer: each logo's pixels, or `None` when it is not on this kiosk. Only
    /// the logos this one asked for are taken (another module may have asked too).
    pub fn answered(&mut self, answers: &[(String, Option<Pixels>)]) {
        let mut map = self.map();
        for (hash, px) in answers {
            if let Some(state) = map.get_mut(hash)
                && *state == State::Asked
            {
                *state = px.clone().map_or(State::Missing, State::Ready);
            }
        }
    }

    /// The asking failed: ask again with the next list.
    pub fn failed(&mut self, hashes: &[String]) {
        let mut map = self.map();
        for h in hashes {
            if let Some(state) = map.get_mut(h)
                && *state == State::Asked
            {
                *state = State::Missing;
            }
        }
    }

    /// Whether logo `hash` is on this kiosk (drawn, or shown already).
    pub fn has(&self, hash: &str) -> bool {
        matches!(self.map().get(hash), Some(State::Ready(_) | State::Shown))
    }

    /// The pixels of logo `hash`, handed over once (the screen keeps them as a texture).
    pub fn take(&self, hash: &str) -> Option<Pixels> {
        let mut map = self.map();
        let state = map.get_mut(hash)?;
        match std::mem::replace(state, State::Shown) {
            State::Ready(px) => Some(px),
            other => {
                *state = other;
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partner(name: &str, logo: &str) -> PartnerRecord {
        serde_json::from_value(serde_json::json!({"id": name, "name": name, "logo": logo}))
            .expect("a partner")
    }

    #[test]
    fn logos_are_asked_once_handed_over_once_and_asked_again_while_missing() {
        let a = "a".repeat(64);
        let b = "b".repeat(64);
        let mut logos = Logos::default();
        let list = vec![
            partner("De Ark", &a),
            partner("OCMW", &b),
            partner("Zonder", ""),
        ];
        assert_eq!(logos.to_ask(&list), vec![a.clone(), b.clone()]);
        assert!(logos.to_ask(&list).is_empty(), "asked already");
        let px = Pixels {
            width: 1,
            height: 1,
            rgba: vec![0; 4],
        };
        logos.answered(&[(a.clone(), Some(px.clone())), (b.clone(), None)]);
        assert!(logos.has(&a) && !logos.has(&b));
        assert_eq!(logos.take(&a), Some(px.clone()));
        assert_eq!(logos.take(&a), None, "handed over once");
        // Another module's answer later does not bring back pixels handed over.
        logos.answered(&[(a.clone(), Some(px))]);
        assert_eq!(logos.take(&a), None);
        assert!(logos.has(&a), "still shown");
        assert_eq!(
            logos.to_ask(&list),
            vec![b.clone()],
            "the missing one again"
        );
        // De Ark's logo is gone from the list: forgotten.
        logos.to_ask(&[partner("OCMW", &b)]);
        assert!(!logos.has(&a));
    }
}
