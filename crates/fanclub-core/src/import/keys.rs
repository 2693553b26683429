//! The keys people are matched by: e-mail addresses as they are (already lowercase), profile
//! addresses without their noise, and names (with the organisation) without case, accents or
//! extra spaces.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `  José   MARTÍNEZ ` → `jose martinez`: lowercase, accents dropped, spaces collapsed.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        // Most names are plain ASCII: nothing to decompose, so skip the Unicode tables.
        let mut out = String::with_capacity(text.len());
        for word in text.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        }
        return out;
    }
    let bare: String = text
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase();
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The key a person is matched by when no address matches: the name and the organisation,
/// folded. Two people without an organisation match on the name alone.
pub fn name_key(name: &str, organisation: Option<&str>) -> String {
    format!("{}\u{1f}{}", fold(name), fold(organisation.unwrap_or("")))
}

/// A profile address reduced to what identifies it: no scheme, host lowercase and without
/// `www.`, no query or fragment, no trailing slash. `None` for what is not a web address or
/// has no path: a bare site (`https://acme.com`) is a company's, shared by many contacts, so
/// it identifies no one.
pub fn profile_key(link: &str) -> Option<String> {
    let t = link.trim();
    let with_scheme = if t.contains("://") {
        t.to_string()
    } else {
        format!("https://{t}")
    };
    let url = url::Url::parse(&with_scheme).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let host = url.host_str()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let path = url.path().trim_end_matches('/');
    if path.is_empty() {
        return None;
    }
    Some(format!("{host}{path}"))
}

/// The digits of a phone number (and a leading `+`), so `+1 (555) 010-0100` and
/// `+15550100100` are one number.
pub fn phone_key(phone: &str) -> String {
    let t = phone.trim();
    let mut out: String = t.chars().filter(char::is_ascii_digit).collect();
    if t.starts_with('+') {
        out.insert(0, '+');
    }
    out
}

/// The key of a link for "is it already there?": its profile key, else the text itself.
pub(crate) fn link_key(link: &str) -> String {
    profile_key(link).unwrap_or_else(|| link.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_spaces() {
        assert_eq!(fold("  José   MARTÍNEZ "), "jose martinez");
        assert_eq!(fold("Zoë\tÅberg"), "zoe aberg");
        // The plain-ASCII path folds exactly as the Unicode one does.
        assert_eq!(fold("  Dana \t KIM\u{b}\r\n"), "dana kim");
        assert_eq!(fold("Dana Kim"), fold("Dana Kim\u{301}"));
        assert_eq!(
            name_key("Dana Kim", None),
            name_key("dana  kim", Some("  "))
        );
        assert_ne!(
            name_key("Dana Kim", Some("Acme")),
            name_key("Dana Kim", Some("Globex"))
        );
    }

    #[test]
    fn profile_keys_drop_the_noise() {
        let k = |s| profile_key(s);
        assert_eq!(
            k("https://www.LinkedIn.com/in/dana-kim/?trk=x#top"),
            Some("linkedin.com/in/dana-kim".to_string())
        );
        assert_eq!(
            k("http://linkedin.com/in/dana-kim"),
            k("linkedin.com/in/dana-kim/")
        );
        assert_eq!(k("https://acme.com/"), None, "a bare site names no one");
        assert_eq!(k("mailto:dana@example.com"), None);
        assert_eq!(k("not a url at all"), None);
    }

    #[test]
    fn phones_compare_by_digits() {
        assert_eq!(phone_key("+1 (555) 010-0100"), phone_key("+15550100100"));
        assert_ne!(phone_key("+1 555 0100"), phone_key("1 555 0100"));
    }
}
