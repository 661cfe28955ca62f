//! Release numbers (`MAJOR.MINOR.PATCH`) of kiosks and server, to tell a kiosk that a newer
//! release is recommended.

/// The numbers of `MAJOR.MINOR.PATCH` (a pre-release or build suffix after `-` or `+` is
/// ignored); `None` when `v` is not a release number.
pub fn parse(v: &str) -> Option<(u64, u64, u64)> {
    let core = v.trim().split(['-', '+']).next()?;
    let mut parts = core.split('.').map(|p| p.parse::<u64>().ok());
    let version = (parts.next()??, parts.next()??, parts.next()??);
    parts.next().is_none().then_some(version)
}

/// True when `this` release is older than `than`; false when either is not a release number.
pub fn is_older(this: &str, than: &str) -> bool {
    matches!((parse(this), parse(than)), (Some(a), Some(b)) if a < b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn releases_compare_by_their_numbers() {
        assert_eq!(parse("0.1.0"), Some((0, 1, 0)));
        assert_eq!(parse("1.2.3-rc1"), Some((1, 2, 3)));
        assert_eq!(parse("1.2"), None);
        assert_eq!(parse("1.2.3.4"), None);
        assert_eq!(parse("latest"), None);
        assert!(is_older("0.9.0", "0.10.0"));
        assert!(is_older("0.1.0", "1.0.0"));
        assert!(!is_older("0.2.0", "0.2.0"));
        assert!(!is_older("0.3.0", "0.2.9"));
        assert!(!is_older("0.1.0", "soon"));
    }
}
