-- The private calendar feed: at most one secret token per account. Whoever knows the token
-- can read the feed at /calendar/<token>.ics, so it is random (256 bits from the operating
-- system), shown only to the member, and replaced or removed whenever they ask.

CREATE TABLE calendar_feeds (
    account_id BIGINT NOT NULL PRIMARY KEY REFERENCES accounts (id),
    token TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
