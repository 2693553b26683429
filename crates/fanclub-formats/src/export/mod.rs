//! Writers for the files a member takes out: vCard 4.0 of every person and an iCalendar
//! feed of follow-ups and decision dates. Both write through calcard, which escapes values
//! and folds lines at 75 octets with CRLF endings, as RFC 6350 and RFC 5545 require.

pub mod calendar;
pub mod vcard;
