-- Full-text search over people, interactions, wins and evidence (SQLite: FTS5).
--
-- One FTS5 table holds a title and a body per record. Triggers on the four tables keep it
-- current in the same transaction as every insert, update and delete, so there is no
-- separate index for the application to keep in sync. Its rowid is the record's id times 8
-- plus a code for the kind (1 person, 2 interaction, 3 win, 4 evidence): ids are unique
-- per table, so the rowid is unique, and a trigger finds its row without a scan.
--
-- The porter tokenizer stems English words ("mentoring" finds "mentor"), as PostgreSQL's
-- 'english' configuration does; remove_diacritics lets "Markovic" find "Marković".

CREATE VIRTUAL TABLE search_index USING fts5 (
    account_id UNINDEXED,
    kind UNINDEXED,
    record_id UNINDEXED,
    title,
    body,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- People: the name is the title; who they are and what they care about is the body.
CREATE TRIGGER people_search_insert AFTER INSERT ON people BEGIN
    INSERT INTO search_index (rowid, account_id, kind, record_id, title, body)
    VALUES (NEW.id * 8 + 1, NEW.account_id, 'person', NEW.id, NEW.name,
        concat_ws(' · ', NEW.organisation, NEW.title, NEW.team, NEW.goals,
            NEW.struggles, NEW.interests, NEW.how_met, NEW.notes, NEW.handle));
END;
CREATE TRIGGER people_search_update AFTER UPDATE ON people BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 1;
    INSERT INTO search_index (rowid, account_id, kind, record_id, title, body)
    VALUES (NEW.id * 8 + 1, NEW.account_id, 'person', NEW.id, NEW.name,
        concat_ws(' · ', NEW.organisation, NEW.title, NEW.team, NEW.goals,
            NEW.struggles, NEW.interests, NEW.how_met, NEW.notes, NEW.handle));
END;
CREATE TRIGGER people_search_delete AFTER DELETE ON people BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 1;
END;

-- Interactions: the summary, then the notes, what I learned and the follow-up.
CREATE TRIGGER interactions_search_insert AFTER INSERT ON interactions BEGIN
    INSERT INTO search_index (rowid, account_id, kind, record_id, title, body)
    VALUES (NEW.id * 8 + 2, NEW.account_id, 'interaction', NEW.id, NEW.summary,
        concat_ws(' · ', NEW.notes, NEW.learned, NEW.follow_up));
END;
CREATE TRIGGER interactions_search_update AFTER UPDATE ON interactions BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 2;
    INSERT INTO search_index (rowid, account_id, kind, record_id, title, body)
    VALUES (NEW.id * 8 + 2, NEW.account_id, 'interaction', NEW.id, NEW.summary,
        concat_ws(' · ', NEW.notes, NEW.learned, NEW.follow_up));
END;
CREATE TRIGGER interactions_search_delete AFTER DELETE ON interactions BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 2;
END;

-- Wins: the title, then what happened and the metric it moved.
CREATE TRIGGER wins_search_insert AFTER INSERT ON wins BEGIN
    INSERT INTO search_index (rowid, account_id, kind, record_id, title, body)
    VALUES (NEW.id * 8 + 3, NEW.account_id, 'win', NEW.id, NEW.title,
        concat_ws(' · ', NEW.description, NEW.impact_metric));
END;
CREATE TRIGGER wins_search_update AFTER UPDATE ON wins BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 3;
    INSERT INTO search_index (rowid, account_id, kind, record_id, title, body)
    VALUES (NEW.id * 8 + 3, NEW.account_id, 'win', NEW.id, NEW.title,
        concat_ws(' · ', NEW.description, NEW.impact_metric));
END;
CREATE TRIGGER wins_search_delete AFTER DELETE ON wins BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 3;
END;

-- Evidence: the summary, then the stakeholder's own words.
CREATE TRIGGER evidence_search_insert AFTER INSERT ON evidence BEGIN
    INSERT INTO search_index (rowid, account_id, kind, record_id, title, body)
    VALUES (NEW.id * 8 + 4, NEW.account_id, 'evidence', NEW.id, NEW.summary,
        coalesce(NEW.quote, ''));
END;
CREATE TRIGGER evidence_search_update AFTER UPDATE ON evidence BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 4;
    INSERT INTO search_index (rowid, account_id, kind, record_id, title, body)
    VALUES (NEW.id * 8 + 4, NEW.account_id, 'evidence', NEW.id, NEW.summary,
        coalesce(NEW.quote, ''));
END;
CREATE TRIGGER evidence_search_delete AFTER DELETE ON evidence BEGIN
    DELETE FROM search_index WHERE rowid = OLD.id * 8 + 4;
END;

-- What was stored before this migration.
INSERT INTO search_index (rowid, account_id, kind, record_id, title, body)
SELECT id * 8 + 1, account_id, 'person', id, name,
    concat_ws(' · ', organisation, title, team, goals, struggles, interests, how_met, notes, handle)
FROM people;
INSERT INTO search_index (rowid, account_id, kind, record_id, title, body)
SELECT id * 8 + 2, account_id, 'interaction', id, summary, concat_ws(' · ', notes, learned, follow_up)
FROM interactions;
INSERT INTO search_index (rowid, account_id, kind, record_id, title, body)
SELECT id * 8 + 3, account_id, 'win', id, title, concat_ws(' · ', description, impact_metric)
FROM wins;
INSERT INTO search_index (rowid, account_id, kind, record_id, title, body)
SELECT id * 8 + 4, account_id, 'evidence', id, summary, coalesce(quote, '')
FROM evidence;
