//! E-mail addresses: normalised to lower case, checked for a plausible shape. Delivery is the
//! real check (verification mail); this only catches typing mistakes.

/// Why an e-mail address was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// Empty input.
    #[error("empty")]
    Empty,
    /// Not of the shape `local@domain.tld`.
    #[error("invalid")]
    Invalid,
}

/// Trims and lower-cases an address and checks its shape.
pub fn normalise_email(input: &str) -> Result<String, EmailError> {
    let e = input.trim().to_lowercase();
    if e.is_empty() {
        return Err(EmailError::Empty);
    }
    let Some((local, domain)) = e.split_once('@') else {
        return Err(EmailError::Invalid);
    };
    let ok = !local.is_empty()
        && local.len() <= 64
        && e.len() <= 254
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !e
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>');
    if ok { Ok(e) } else { Err(EmailError::Invalid) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(
            normalise_email("  Beboer@Demo.Naboskab.dk "),
            Ok("beboer@demo.naboskab.dk".into())
        );
        assert_eq!(normalise_email(""), Err(EmailError::Empty));
        assert_eq!(normalise_email("no-at-sign"), Err(EmailError::Invalid));
        assert_eq!(normalise_email("a@b"), Err(EmailError::Invalid));
        assert_eq!(normalise_email("a b@c.dk"), Err(EmailError::Invalid));
        assert_eq!(normalise_email("a@@c.dk"), Err(EmailError::Invalid));
    }
}
