//! Config errors that a non-IT admin can act on: which file, which line, which field, and what
//! is expected there.

use toml::de::{DeTable, DeValue};

use super::fields;

/// One problem in a config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file path, or the environment variable the value came from.
    pub origin: String,
    /// 1-based line and column, where known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Dotted field path, e.g. `idle.wipe_after_secs`.
    pub field: Option<String>,
    /// What is wrong.
    pub problem: String,
    /// What the field expects, from the field table.
    pub expected: Option<&'static str>,
}

impl ConfigError {
    pub fn whole_file(origin: &str, problem: String) -> Self {
        Self {
            origin: origin.to_string(),
            line: None,
            column: None,
            field: None,
            problem,
            expected: None,
        }
    }
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.origin)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": ")?;
        if let Some(field) = &self.field {
            write!(f, "field `{field}`: ")?;
        }
        write!(f, "{}", self.problem)?;
        if let Some(expected) = self.expected {
            write!(f, "\n    expected: {expected}")?;
        }
        Ok(())
    }
}

/// All problems found in one config, shown one per line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ConfigErrors(pub Vec<ConfigError>);

impl ConfigErrors {
    pub fn one(e: ConfigError) -> Self {
        Self(vec![e])
    }
}

impl std::fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.0.len();
        writeln!(
            f,
            "the kiosk config has {n} problem{}:",
            if n == 1 { "" } else { "s" }
        )?;
        for e in &self.0 {
            writeln!(f, "  {e}")?;
        }
        Ok(())
    }
}

/// A TOML syntax or type error, placed at its line and field.
pub(super) fn from_toml(origin: &str, text: &str, err: &toml::de::Error) -> ConfigError {
    let span = err.span();
    let (line, column) = match &span {
        Some(s) => {
            let (l, c) = line_col(text, s.start);
            (Some(l), Some(c))
        }
        None => (None, None),
    };
    let field = span.and_then(|s| field_at(text, s.start));
    let problem = err.message().trim().replace('\n', " ");
    let expected = field.as_deref().and_then(fields::help_for);
    ConfigError {
        origin: origin.to_string(),
        line,
        column,
        field,
        problem,
        expected,
    }
}

/// A validation problem for `field`, placed at the line where the file sets it.
pub(super) fn at_field(origin: &str, text: &str, field: &str, problem: String) -> ConfigError {
    let (line, column) = match span_of(text, field) {
        Some(start) => {
            let (l, c) = line_col(text, start);
            (Some(l), Some(c))
        }
        None => (None, None),
    };
    let problem = if line.is_none() {
        format!("{problem} (not set in this file, so the built-in default applies)")
    } else {
        problem
    };
    ConfigError {
        origin: origin.to_string(),
        line,
        column,
        field: Some(field.to_string()),
        problem,
        expected: fields::help_for(field),
    }
}

/// 1-based line and column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rfind('\n').map_or(offset, |i| offset - i - 1) + 1;
    (line, col)
}

/// Byte offset where the value of a dotted field starts in the file, if the file sets it.
fn span_of(text: &str, field: &str) -> Option<usize> {
    let root = DeTable::parse(text).ok()?;
    let mut parts = field.split('.');
    let first = parts.next()?;
    let mut value = root.get_ref().iter().find(|(k, _)| k.get_ref() == first)?.1;
    for part in parts {
        let DeValue::Table(table) = value.get_ref() else {
            return None;
        };
        value = table.iter().find(|(k, _)| k.get_ref() == part)?.1;
    }
    Some(value.span().start)
}

/// The dotted path of the innermost key or value that contains byte `offset`.
fn field_at(text: &str, offset: usize) -> Option<String> {
    let (root, _) = DeTable::parse_recoverable(text);
    find_in(root.get_ref(), offset).map(|parts| parts.join("."))
}

/// Depth-first search: a `[section]` table's span covers only its header, so every table is
/// searched, not just the ones whose span contains the offset.
fn find_in(table: &DeTable<'_>, offset: usize) -> Option<Vec<String>> {
    for (key, value) in table.iter() {
        let name = key.get_ref().to_string();
        if key.span().contains(&offset) {
            return Some(vec![name]);
        }
        if let DeValue::Table(inner) = value.get_ref()
            && let Some(mut rest) = find_in(inner, offset)
        {
            rest.insert(0, name);
            return Some(rest);
        }
        let span = value.span();
        if span.contains(&offset) || span.end == offset {
            if let DeValue::Array(items) = value.get_ref()
                && let Some(i) = items.iter().position(|v| v.span().contains(&offset))
            {
                return Some(vec![format!("{name}[{i}]")]);
            }
            return Some(vec![name]);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column() {
        assert_eq!(line_col("a\nbc\nd", 0), (1, 1));
        assert_eq!(line_col("a\nbc\nd", 3), (2, 2));
        assert_eq!(line_col("a\nbc\nd", 5), (3, 1));
    }

    #[test]
    fn finds_field_paths() {
        let text = "[kiosk]\nname = \"x\"\n\n[idle]\nwarn_after_secs = 5\n";
        let at = text.find('5').unwrap();
        assert_eq!(field_at(text, at).as_deref(), Some("idle.warn_after_secs"));
        assert_eq!(span_of(text, "idle.warn_after_secs"), Some(at));
        assert_eq!(span_of(text, "idle.wipe_after_secs"), None);
    }
}
