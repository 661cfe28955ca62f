//! The languages the kiosk speaks. Dutch first; the order here is the order on screen.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Nl,
    Fr,
    En,
    Tr,
    Pl,
    Uk,
    Ro,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 8] = [
        Lang::Nl,
        Lang::Fr,
        Lang::En,
        Lang::Tr,
        Lang::Pl,
        Lang::Uk,
        Lang::Ro,
        Lang::Ar,
    ];

    /// The languages of the coordinators (the admin web) and of every lesson: a lesson that is
    /// not in the resident's language is offered in one of these.
    pub const BASE: [Lang; 3] = [Lang::Nl, Lang::Fr, Lang::En];

    /// The language code used in files and URLs (`nl`, `fr`, `en`, `tr`, `pl`, `uk`, `ro`, `ar`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Tr => "tr",
            Lang::Pl => "pl",
            Lang::Uk => "uk",
            Lang::Ro => "ro",
            Lang::Ar => "ar",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Written from right to left (Arabic).
    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    /// One of [`Lang::BASE`].
    pub fn is_base(self) -> bool {
        Self::BASE.contains(&self)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}
