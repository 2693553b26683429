//! Notes written in Markdown, rendered to HTML that is safe to put in a page.
//!
//! Notes are the member's own words, but they may come from an import (a vCard note, a
//! calendar description) written by someone else, so every rendered note goes through an
//! allow-list sanitiser: no scripts, no event handlers, no `javascript:` addresses, no
//! styles. Task lists (`- [x] done`) keep their checkboxes, shown but not clickable. Links
//! open without telling the other site where the member came from.

use std::sync::LazyLock;

use pulldown_cmark::{Options, Parser, html};

/// The sanitiser: ammonia's allow-list, plus the disabled checkboxes of task lists.
static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.add_tags(["input"])
        .add_tag_attributes("input", ["checked"])
        // Whatever an `<input>` claimed to be, it becomes a checkbox that cannot be used.
        .set_tag_attribute_value("input", "type", "checkbox")
        .set_tag_attribute_value("input", "disabled", "")
        .link_rel(Some("noopener noreferrer"));
    b
});

/// The note as sanitised HTML.
pub(crate) fn render(source: &str) -> String {
    let options = Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TABLES
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut unsafe_html = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(source, options));
    CLEANER.clean(&unsafe_html).to_string()
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn markdown_becomes_html() {
        let html = render("**Goals**: grow the *platform* team\n\n- one\n- two");
        assert!(html.contains("<strong>Goals</strong>"), "{html}");
        assert!(html.contains("<em>platform</em>"), "{html}");
        assert!(html.contains("<li>two</li>"), "{html}");
    }

    #[test]
    fn scripts_are_removed() {
        let html = render("Hello <script>alert('x')</script> there");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("alert("), "{html}");
        assert!(html.contains("Hello"), "{html}");
    }

    #[test]
    fn event_handlers_are_removed() {
        let html = render("<img src=\"x.png\" onerror=\"alert(1)\"> <b onclick=\"x()\">bold</b>");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("onclick"), "{html}");
        assert!(html.contains("<b>bold</b>"), "{html}");
    }

    #[test]
    fn javascript_links_are_removed_and_links_do_not_leak_the_referrer() {
        let html = render("[click](javascript:alert(1)) and <a href=\"JavaScript:x\">raw</a>");
        assert!(!html.to_lowercase().contains("javascript:"), "{html}");
        let html = render("[their talk](https://example.com/talk)");
        assert!(
            html.contains(
                "<a href=\"https://example.com/talk\" rel=\"noopener noreferrer\">their talk</a>"
            ),
            "{html}"
        );
    }

    #[test]
    fn task_lists_keep_disabled_checkboxes_and_nothing_else() {
        let html = render("- [x] sent the deck\n- [ ] book the coffee");
        assert!(html.contains("checked"), "{html}");
        assert_eq!(html.matches("type=\"checkbox\"").count(), 2, "{html}");
        assert_eq!(html.matches("disabled").count(), 2, "{html}");
        // A raw input cannot become a text field or carry a handler.
        let html = render("<input type=\"text\" value=\"x\" onfocus=\"y()\">");
        assert!(!html.contains("text"), "{html}");
        assert!(!html.contains("onfocus"), "{html}");
        assert!(!html.contains("value"), "{html}");
    }
}
