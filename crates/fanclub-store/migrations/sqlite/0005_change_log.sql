-- The change log (SQLite only): which records every commit touched, so that the read
-- cache (crates/fanclub-store/src/cache.rs) re-reads only what changed instead of whole
-- lists. Triggers write it, so every writer is seen: this process, a `fanclub` command in
-- another terminal, or any other program. A row names the kind of record (the table a list
-- is read from; a child row names its parent, e.g. an e-mail address names its person) and
-- its id, or NULL for the whole kind, and what happened to it: 'I' inserted, 'U' updated,
-- 'D' deleted (a child row's change is an update of its parent).
--
-- The bulk writers (imports, restore, clearing a workspace) drop these triggers inside
-- their transaction, write one row of kind '*' (everything changed) and create the
-- triggers again before committing, so no other connection ever sees them missing.
--
-- Only the last few thousand rows are kept: a reader that fell further behind finds a gap
-- in the sequence and reads everything again.

CREATE TABLE change_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    row_id BIGINT,
    op TEXT NOT NULL
);

CREATE TRIGGER change_log_prune AFTER INSERT ON change_log WHEN NEW.seq % 1024 = 0 BEGIN
    DELETE FROM change_log WHERE seq <= NEW.seq - 4096;
END;


-- accounts
CREATE TRIGGER change_log_accounts_insert AFTER INSERT ON accounts BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('accounts', NEW.id, 'I');
END;
CREATE TRIGGER change_log_accounts_update AFTER UPDATE ON accounts BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('accounts', NEW.id, 'U');
    INSERT INTO change_log (kind, row_id, op) SELECT 'accounts', OLD.id, 'U' WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_accounts_delete AFTER DELETE ON accounts BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('accounts', OLD.id, 'D');
END;

-- people
CREATE TRIGGER change_log_people_insert AFTER INSERT ON people BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('people', NEW.id, 'I');
END;
CREATE TRIGGER change_log_people_update AFTER UPDATE ON people BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('people', NEW.id, 'U');
    INSERT INTO change_log (kind, row_id, op) SELECT 'people', OLD.id, 'U' WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_people_delete AFTER DELETE ON people BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('people', OLD.id, 'D');
END;

-- person_emails
CREATE TRIGGER change_log_person_emails_insert AFTER INSERT ON person_emails BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('people', NEW.person_id, 'U');
END;
CREATE TRIGGER change_log_person_emails_update AFTER UPDATE ON person_emails BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('people', NEW.person_id, 'U');
    INSERT INTO change_log (kind, row_id, op) SELECT 'people', OLD.person_id, 'U' WHERE OLD.person_id IS NOT NEW.person_id;
END;
CREATE TRIGGER change_log_person_emails_delete AFTER DELETE ON person_emails BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('people', OLD.person_id, 'U');
END;

-- stance_changes
CREATE TRIGGER change_log_stance_changes_insert AFTER INSERT ON stance_changes BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('stance_changes', NEW.id, 'I');
END;
CREATE TRIGGER change_log_stance_changes_update AFTER UPDATE ON stance_changes BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('stance_changes', NEW.id, 'U');
    INSERT INTO change_log (kind, row_id, op) SELECT 'stance_changes', OLD.id, 'U' WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_stance_changes_delete AFTER DELETE ON stance_changes BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('stance_changes', OLD.id, 'D');
END;

-- connections
CREATE TRIGGER change_log_connections_insert AFTER INSERT ON connections BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('connections', NEW.id, 'I');
END;
CREATE TRIGGER change_log_connections_update AFTER UPDATE ON connections BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('connections', NEW.id, 'U');
    INSERT INTO change_log (kind, row_id, op) SELECT 'connections', OLD.id, 'U' WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_connections_delete AFTER DELETE ON connections BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('connections', OLD.id, 'D');
END;

-- interactions
CREATE TRIGGER change_log_interactions_insert AFTER INSERT ON interactions BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('interactions', NEW.id, 'I');
END;
CREATE TRIGGER change_log_interactions_update AFTER UPDATE ON interactions BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('interactions', NEW.id, 'U');
    INSERT INTO change_log (kind, row_id, op) SELECT 'interactions', OLD.id, 'U' WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_interactions_delete AFTER DELETE ON interactions BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('interactions', OLD.id, 'D');
END;

-- interaction_people
CREATE TRIGGER change_log_interaction_people_insert AFTER INSERT ON interaction_people BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('interactions', NEW.interaction_id, 'U');
END;
CREATE TRIGGER change_log_interaction_people_update AFTER UPDATE ON interaction_people BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('interactions', NEW.interaction_id, 'U');
    INSERT INTO change_log (kind, row_id, op) SELECT 'interactions', OLD.interaction_id, 'U' WHERE OLD.interaction_id IS NOT NEW.interaction_id;
END;
CREATE TRIGGER change_log_interaction_people_delete AFTER DELETE ON interaction_people BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('interactions', OLD.interaction_id, 'U');
END;

-- contact_summary
CREATE TRIGGER change_log_contact_summary_insert AFTER INSERT ON contact_summary BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('contact_summary', NEW.person_id, 'I');
END;
CREATE TRIGGER change_log_contact_summary_update AFTER UPDATE ON contact_summary BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('contact_summary', NEW.person_id, 'U');
    INSERT INTO change_log (kind, row_id, op) SELECT 'contact_summary', OLD.person_id, 'U' WHERE OLD.person_id IS NOT NEW.person_id;
END;
CREATE TRIGGER change_log_contact_summary_delete AFTER DELETE ON contact_summary BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('contact_summary', OLD.person_id, 'D');
END;

-- goals
CREATE TRIGGER change_log_goals_insert AFTER INSERT ON goals BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('goals', NEW.id, 'I');
END;
CREATE TRIGGER change_log_goals_update AFTER UPDATE ON goals BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('goals', NEW.id, 'U');
    INSERT INTO change_log (kind, row_id, op) SELECT 'goals', OLD.id, 'U' WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_goals_delete AFTER DELETE ON goals BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('goals', OLD.id, 'D');
END;

-- wins
CREATE TRIGGER change_log_wins_insert AFTER INSERT ON wins BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('wins', NEW.id, 'I');
END;
CREATE TRIGGER change_log_wins_update AFTER UPDATE ON wins BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('wins', NEW.id, 'U');
    INSERT INTO change_log (kind, row_id, op) SELECT 'wins', OLD.id, 'U' WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_wins_delete AFTER DELETE ON wins BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('wins', OLD.id, 'D');
END;

-- win_goals
CREATE TRIGGER change_log_win_goals_insert AFTER INSERT ON win_goals BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('wins', NEW.win_id, 'U');
END;
CREATE TRIGGER change_log_win_goals_update AFTER UPDATE ON win_goals BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('wins', NEW.win_id, 'U');
    INSERT INTO change_log (kind, row_id, op) SELECT 'wins', OLD.win_id, 'U' WHERE OLD.win_id IS NOT NEW.win_id;
END;
CREATE TRIGGER change_log_win_goals_delete AFTER DELETE ON win_goals BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('wins', OLD.win_id, 'U');
END;

-- win_shares
CREATE TRIGGER change_log_win_shares_insert AFTER INSERT ON win_shares BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('wins', NEW.win_id, 'U');
END;
CREATE TRIGGER change_log_win_shares_update AFTER UPDATE ON win_shares BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('wins', NEW.win_id, 'U');
    INSERT INTO change_log (kind, row_id, op) SELECT 'wins', OLD.win_id, 'U' WHERE OLD.win_id IS NOT NEW.win_id;
END;
CREATE TRIGGER change_log_win_shares_delete AFTER DELETE ON win_shares BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('wins', OLD.win_id, 'U');
END;

-- evidence
CREATE TRIGGER change_log_evidence_insert AFTER INSERT ON evidence BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('evidence', NEW.id, 'I');
END;
CREATE TRIGGER change_log_evidence_update AFTER UPDATE ON evidence BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('evidence', NEW.id, 'U');
    INSERT INTO change_log (kind, row_id, op) SELECT 'evidence', OLD.id, 'U' WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_evidence_delete AFTER DELETE ON evidence BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('evidence', OLD.id, 'D');
END;

-- perception_checks
CREATE TRIGGER change_log_perception_checks_insert AFTER INSERT ON perception_checks BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('perception_checks', NEW.id, 'I');
END;
CREATE TRIGGER change_log_perception_checks_update AFTER UPDATE ON perception_checks BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('perception_checks', NEW.id, 'U');
    INSERT INTO change_log (kind, row_id, op) SELECT 'perception_checks', OLD.id, 'U' WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_perception_checks_delete AFTER DELETE ON perception_checks BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('perception_checks', OLD.id, 'D');
END;

-- opportunities
CREATE TRIGGER change_log_opportunities_insert AFTER INSERT ON opportunities BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('opportunities', NEW.id, 'I');
END;
CREATE TRIGGER change_log_opportunities_update AFTER UPDATE ON opportunities BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('opportunities', NEW.id, 'U');
    INSERT INTO change_log (kind, row_id, op) SELECT 'opportunities', OLD.id, 'U' WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_opportunities_delete AFTER DELETE ON opportunities BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('opportunities', OLD.id, 'D');
END;

-- decisions
CREATE TRIGGER change_log_decisions_insert AFTER INSERT ON decisions BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('decisions', NEW.id, 'I');
END;
CREATE TRIGGER change_log_decisions_update AFTER UPDATE ON decisions BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('decisions', NEW.id, 'U');
    INSERT INTO change_log (kind, row_id, op) SELECT 'decisions', OLD.id, 'U' WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_decisions_delete AFTER DELETE ON decisions BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('decisions', OLD.id, 'D');
END;

-- room_seats
CREATE TRIGGER change_log_room_seats_insert AFTER INSERT ON room_seats BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('decisions', NEW.decision_id, 'U');
END;
CREATE TRIGGER change_log_room_seats_update AFTER UPDATE ON room_seats BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('decisions', NEW.decision_id, 'U');
    INSERT INTO change_log (kind, row_id, op) SELECT 'decisions', OLD.decision_id, 'U' WHERE OLD.decision_id IS NOT NEW.decision_id;
END;
CREATE TRIGGER change_log_room_seats_delete AFTER DELETE ON room_seats BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('decisions', OLD.decision_id, 'U');
END;

-- reviews
CREATE TRIGGER change_log_reviews_insert AFTER INSERT ON reviews BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('reviews', NEW.id, 'I');
END;
CREATE TRIGGER change_log_reviews_update AFTER UPDATE ON reviews BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('reviews', NEW.id, 'U');
    INSERT INTO change_log (kind, row_id, op) SELECT 'reviews', OLD.id, 'U' WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_reviews_delete AFTER DELETE ON reviews BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('reviews', OLD.id, 'D');
END;

-- documents
CREATE TRIGGER change_log_documents_insert AFTER INSERT ON documents BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('documents', NULL, 'I');
END;
CREATE TRIGGER change_log_documents_update AFTER UPDATE ON documents BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('documents', NULL, 'U');
END;
CREATE TRIGGER change_log_documents_delete AFTER DELETE ON documents BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('documents', NULL, 'D');
END;

-- calendar_feeds
CREATE TRIGGER change_log_calendar_feeds_insert AFTER INSERT ON calendar_feeds BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('calendar_feeds', NULL, 'I');
END;
CREATE TRIGGER change_log_calendar_feeds_update AFTER UPDATE ON calendar_feeds BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('calendar_feeds', NULL, 'U');
END;
CREATE TRIGGER change_log_calendar_feeds_delete AFTER DELETE ON calendar_feeds BEGIN
    INSERT INTO change_log (kind, row_id, op) VALUES ('calendar_feeds', NULL, 'D');
END;
