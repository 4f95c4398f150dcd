//! Rich text from organisers, cleaned by an allowlist sanitizer (ammonia) before it is
//! stored: paragraphs, line breaks, emphasis, lists and links (http, https, mailto) only; no
//! scripts, styles, SVG or MathML. Plain text with blank lines becomes paragraphs.

use std::collections::HashSet;

/// Cleans organiser input into safe HTML.
pub fn sanitize(input: &str) -> String {
    let input = input.trim();
    if input.is_empty() {
        return String::new();
    }
    // Text without tags: blank lines separate paragraphs, single newlines are line breaks.
    let looks_like_html = input
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'));
    let html = if looks_like_html {
        input.to_owned()
    } else {
        input
            .split("\n\n")
            .map(|p| {
                let lines: Vec<String> = p.trim().lines().map(ammonia::clean_text).collect();
                format!("<p>{}</p>", lines.join("<br>"))
            })
            .collect::<String>()
    };
    let tags: HashSet<&str> = ["p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a"]
        .into_iter()
        .collect();
    let schemes: HashSet<&str> = ["http", "https", "mailto"].into_iter().collect();
    ammonia::Builder::default()
        .tags(tags)
        .tag_attributes(std::iter::once(("a", std::iter::once("href").collect())).collect())
        .generic_attributes(HashSet::new())
        .url_schemes(schemes)
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn keeps_simple_formatting_and_drops_everything_dangerous() {
        assert_eq!(
            sanitize("<p>Hej <strong>alle</strong></p>"),
            "<p>Hej <strong>alle</strong></p>"
        );
        for payload in [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "<p style=\"background:url(javascript:alert(1))\">x</p>",
            "<iframe src=\"//evil.example\"></iframe>",
            "<p onclick=\"alert(1)\">x</p>",
        ] {
            let out = sanitize(payload).to_lowercase();
            for bad in [
                "<script",
                "onerror",
                "javascript:",
                "data:",
                "<svg",
                "<math",
                "<iframe",
                "style=",
                "onclick",
                "<img",
            ] {
                assert!(!out.contains(bad), "{payload} -> {out}");
            }
        }
    }

    #[test]
    fn links_are_kept_safe_and_marked() {
        let out = sanitize("<a href=\"https://naboskab.dk\">her</a>");
        assert!(out.contains("href=\"https://naboskab.dk\""));
        assert!(out.contains("rel=\"noopener noreferrer nofollow\""));
    }

    #[test]
    fn plain_text_becomes_paragraphs_and_is_escaped() {
        assert_eq!(
            sanitize("Første afsnit\n\nAndet & sidste"),
            "<p>Første afsnit</p><p>Andet &amp; sidste</p>"
        );
        assert_eq!(sanitize("linje 1\nlinje 2"), "<p>linje 1<br>linje 2</p>");
    }

    #[test]
    fn sanitizing_twice_changes_nothing() {
        for s in ["<p>a <em>b</em></p>", "x < y & z", "<ul><li>a</li></ul>"] {
            let once = sanitize(s);
            assert_eq!(sanitize(&once), once);
        }
    }
}
