-- fanclub's first schema (SQLite). The PostgreSQL folder holds the same tables; only the
-- DDL spelling differs. Column types are only INTEGER/BIGINT, TEXT, REAL and BLOB, because
-- that is all sqlx's Any driver carries: dates are YYYY-MM-DD text, booleans 0/1, lists and
-- documents JSON text.
--
-- Every table carries account_id. References between records are composite foreign keys
-- (account_id, x_id) -> (account_id, id), so a row can only point at a row of its own
-- account. Deletes are explicit in the store (no ON DELETE actions): what a delete removes
-- or detaches is counted and reported.

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- The local member of local mode.
INSERT INTO accounts (id, name, created_at)
VALUES (1, 'local', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

CREATE TABLE people (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    handle TEXT NOT NULL,
    name TEXT NOT NULL,
    phones TEXT NOT NULL,
    links TEXT NOT NULL,
    organisation TEXT,
    title TEXT,
    team TEXT,
    circle TEXT NOT NULL,
    relation TEXT NOT NULL,
    influence BIGINT NOT NULL,
    interest BIGINT NOT NULL,
    stance TEXT NOT NULL,
    trust_credibility BIGINT,
    trust_reliability BIGINT,
    trust_intimacy BIGINT,
    trust_self_orientation BIGINT,
    goals TEXT,
    struggles TEXT,
    interests TEXT,
    how_met TEXT,
    introduced_by BIGINT,
    cadence_days BIGINT,
    birthday TEXT,
    notes TEXT,
    UNIQUE (account_id, id),
    FOREIGN KEY (account_id, introduced_by) REFERENCES people (account_id, id)
);
CREATE UNIQUE INDEX people_handle_key ON people (account_id, handle);
CREATE INDEX people_introduced_by ON people (account_id, introduced_by);

-- One row per address, so importers match a contact by e-mail through an index.
CREATE TABLE person_emails (
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    person_id BIGINT NOT NULL,
    position BIGINT NOT NULL,
    email TEXT NOT NULL,
    PRIMARY KEY (account_id, person_id, position),
    FOREIGN KEY (account_id, person_id) REFERENCES people (account_id, id)
);
CREATE INDEX person_emails_email ON person_emails (account_id, email);

CREATE TABLE stance_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    person_id BIGINT NOT NULL,
    from_stance TEXT,
    to_stance TEXT NOT NULL,
    on_day TEXT NOT NULL,
    note TEXT,
    FOREIGN KEY (account_id, person_id) REFERENCES people (account_id, id)
);
CREATE INDEX stance_changes_person ON stance_changes (account_id, person_id, on_day);
CREATE INDEX stance_changes_day ON stance_changes (account_id, on_day);

-- Undirected: the lower person id is always person_a.
CREATE TABLE connections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    person_a BIGINT NOT NULL,
    person_b BIGINT NOT NULL,
    strength BIGINT NOT NULL,
    note TEXT,
    CHECK (person_a < person_b),
    FOREIGN KEY (account_id, person_a) REFERENCES people (account_id, id),
    FOREIGN KEY (account_id, person_b) REFERENCES people (account_id, id)
);
CREATE UNIQUE INDEX connections_pair_key ON connections (account_id, person_a, person_b);
CREATE INDEX connections_person_b ON connections (account_id, person_b);

CREATE TABLE interactions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    on_day TEXT NOT NULL,
    kind TEXT NOT NULL,
    summary TEXT NOT NULL,
    notes TEXT,
    learned TEXT,
    follow_up TEXT,
    follow_up_due TEXT,
    follow_up_done BIGINT NOT NULL DEFAULT 0,
    external_ref TEXT,
    UNIQUE (account_id, id)
);
CREATE INDEX interactions_day ON interactions (account_id, on_day);

-- Open follow-ups are few among many interactions: the weekly review finds them here.
CREATE INDEX interactions_open_follow_ups ON interactions (account_id, on_day)
    WHERE follow_up IS NOT NULL AND follow_up_done = 0;
CREATE UNIQUE INDEX interactions_external_ref_key ON interactions (account_id, external_ref)
    WHERE external_ref IS NOT NULL;

-- on_day repeats the interaction's date so that the last contact with each person is one
-- GROUP BY over the (account_id, person_id, on_day) index, without touching interactions.
CREATE TABLE interaction_people (
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    interaction_id BIGINT NOT NULL,
    person_id BIGINT NOT NULL,
    position BIGINT NOT NULL,
    on_day TEXT NOT NULL,
    PRIMARY KEY (account_id, interaction_id, person_id),
    FOREIGN KEY (account_id, interaction_id) REFERENCES interactions (account_id, id),
    FOREIGN KEY (account_id, person_id) REFERENCES people (account_id, id)
);
CREATE INDEX interaction_people_person ON interaction_people (account_id, person_id, on_day);

-- The last contact and the number of interactions per person, kept by the store in the
-- same transaction as every change to interaction_people, so the engine reads one row per
-- person instead of aggregating every interaction each time.
CREATE TABLE contact_summary (
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    person_id BIGINT NOT NULL,
    last_on TEXT NOT NULL,
    contacts BIGINT NOT NULL,
    PRIMARY KEY (account_id, person_id),
    FOREIGN KEY (account_id, person_id) REFERENCES people (account_id, id)
);

CREATE TABLE goals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    title TEXT NOT NULL,
    period TEXT,
    description TEXT,
    UNIQUE (account_id, id)
);

CREATE TABLE wins (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    on_day TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    description TEXT,
    impact_metric TEXT,
    impact_before TEXT,
    impact_after TEXT,
    tracks TEXT NOT NULL,
    links TEXT NOT NULL,
    UNIQUE (account_id, id)
);
CREATE INDEX wins_day ON wins (account_id, on_day);

CREATE TABLE win_goals (
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    win_id BIGINT NOT NULL,
    goal_id BIGINT NOT NULL,
    position BIGINT NOT NULL,
    PRIMARY KEY (account_id, win_id, position),
    FOREIGN KEY (account_id, win_id) REFERENCES wins (account_id, id),
    FOREIGN KEY (account_id, goal_id) REFERENCES goals (account_id, id)
);
CREATE INDEX win_goals_goal ON win_goals (account_id, goal_id);

CREATE TABLE win_shares (
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    win_id BIGINT NOT NULL,
    position BIGINT NOT NULL,
    person_id BIGINT NOT NULL,
    on_day TEXT NOT NULL,
    channel TEXT NOT NULL,
    PRIMARY KEY (account_id, win_id, position),
    FOREIGN KEY (account_id, win_id) REFERENCES wins (account_id, id),
    FOREIGN KEY (account_id, person_id) REFERENCES people (account_id, id)
);
CREATE INDEX win_shares_person ON win_shares (account_id, person_id);

CREATE TABLE evidence (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    on_day TEXT NOT NULL,
    track TEXT NOT NULL,
    strength TEXT NOT NULL,
    source TEXT NOT NULL,
    summary TEXT NOT NULL,
    quote TEXT,
    person_id BIGINT,
    win_id BIGINT,
    interaction_id BIGINT,
    FOREIGN KEY (account_id, person_id) REFERENCES people (account_id, id),
    FOREIGN KEY (account_id, win_id) REFERENCES wins (account_id, id),
    FOREIGN KEY (account_id, interaction_id) REFERENCES interactions (account_id, id)
);
CREATE INDEX evidence_day ON evidence (account_id, on_day);
CREATE INDEX evidence_person ON evidence (account_id, person_id);
CREATE INDEX evidence_win ON evidence (account_id, win_id);
CREATE INDEX evidence_interaction ON evidence (account_id, interaction_id);

CREATE TABLE perception_checks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    person_id BIGINT NOT NULL,
    on_day TEXT NOT NULL,
    description TEXT NOT NULL,
    gap TEXT,
    remedy TEXT,
    status TEXT NOT NULL,
    FOREIGN KEY (account_id, person_id) REFERENCES people (account_id, id)
);
CREATE INDEX perception_checks_person ON perception_checks (account_id, person_id);

CREATE TABLE opportunities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    on_day TEXT NOT NULL,
    sponsor_id BIGINT,
    status TEXT NOT NULL,
    tracks TEXT NOT NULL,
    notes TEXT,
    FOREIGN KEY (account_id, sponsor_id) REFERENCES people (account_id, id)
);
CREATE INDEX opportunities_sponsor ON opportunities (account_id, sponsor_id);

CREATE TABLE decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    on_day TEXT NOT NULL,
    notes TEXT,
    UNIQUE (account_id, id)
);
CREATE INDEX decisions_day ON decisions (account_id, on_day);

CREATE TABLE room_seats (
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    decision_id BIGINT NOT NULL,
    person_id BIGINT NOT NULL,
    position BIGINT NOT NULL,
    role TEXT NOT NULL,
    PRIMARY KEY (account_id, decision_id, person_id),
    FOREIGN KEY (account_id, decision_id) REFERENCES decisions (account_id, id),
    FOREIGN KEY (account_id, person_id) REFERENCES people (account_id, id)
);
CREATE INDEX room_seats_person ON room_seats (account_id, person_id);

-- ISO weeks as YYYY-Www text sort in calendar order.
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    week TEXT NOT NULL,
    agenda TEXT NOT NULL,
    last_week TEXT NOT NULL,
    wins TEXT,
    learned TEXT,
    helped TEXT,
    next_week TEXT NOT NULL,
    saved_on TEXT NOT NULL
);
CREATE UNIQUE INDEX reviews_week_key ON reviews (account_id, week);

-- Settings and the framework: JSON documents read and written whole.
CREATE TABLE documents (
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    key TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (account_id, key)
);
