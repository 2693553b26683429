-- The change log (SQLite only): which records every commit touched, so that the read
-- cache (crates/fanclub-store/src/cache.rs) re-reads only what changed instead of whole
-- lists. Triggers write it, so every writer is seen: this process, a `fanclub` command in
-- another terminal, or any other program. A row names the kind of record (the table a list
-- is read from; a child row names its parent, e.g. an e-mail address names its person) and
-- its id, or NULL for the whole kind.
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
    row_id BIGINT
);

CREATE TRIGGER change_log_prune AFTER INSERT ON change_log WHEN NEW.seq % 1024 = 0 BEGIN
    DELETE FROM change_log WHERE seq <= NEW.seq - 4096;
END;


-- accounts
CREATE TRIGGER change_log_accounts_insert AFTER INSERT ON accounts BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('accounts', NEW.id);
END;
CREATE TRIGGER change_log_accounts_update AFTER UPDATE ON accounts BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('accounts', NEW.id);
    INSERT INTO change_log (kind, row_id) SELECT 'accounts', OLD.id WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_accounts_delete AFTER DELETE ON accounts BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('accounts', OLD.id);
END;

-- people
CREATE TRIGGER change_log_people_insert AFTER INSERT ON people BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('people', NEW.id);
END;
CREATE TRIGGER change_log_people_update AFTER UPDATE ON people BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('people', NEW.id);
    INSERT INTO change_log (kind, row_id) SELECT 'people', OLD.id WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_people_delete AFTER DELETE ON people BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('people', OLD.id);
END;

-- person_emails
CREATE TRIGGER change_log_person_emails_insert AFTER INSERT ON person_emails BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('people', NEW.person_id);
END;
CREATE TRIGGER change_log_person_emails_update AFTER UPDATE ON person_emails BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('people', NEW.person_id);
    INSERT INTO change_log (kind, row_id) SELECT 'people', OLD.person_id WHERE OLD.person_id IS NOT NEW.person_id;
END;
CREATE TRIGGER change_log_person_emails_delete AFTER DELETE ON person_emails BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('people', OLD.person_id);
END;

-- stance_changes
CREATE TRIGGER change_log_stance_changes_insert AFTER INSERT ON stance_changes BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('stance_changes', NEW.id);
END;
CREATE TRIGGER change_log_stance_changes_update AFTER UPDATE ON stance_changes BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('stance_changes', NEW.id);
    INSERT INTO change_log (kind, row_id) SELECT 'stance_changes', OLD.id WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_stance_changes_delete AFTER DELETE ON stance_changes BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('stance_changes', OLD.id);
END;

-- connections
CREATE TRIGGER change_log_connections_insert AFTER INSERT ON connections BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('connections', NEW.id);
END;
CREATE TRIGGER change_log_connections_update AFTER UPDATE ON connections BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('connections', NEW.id);
    INSERT INTO change_log (kind, row_id) SELECT 'connections', OLD.id WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_connections_delete AFTER DELETE ON connections BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('connections', OLD.id);
END;

-- interactions
CREATE TRIGGER change_log_interactions_insert AFTER INSERT ON interactions BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('interactions', NEW.id);
END;
CREATE TRIGGER change_log_interactions_update AFTER UPDATE ON interactions BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('interactions', NEW.id);
    INSERT INTO change_log (kind, row_id) SELECT 'interactions', OLD.id WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_interactions_delete AFTER DELETE ON interactions BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('interactions', OLD.id);
END;

-- interaction_people
CREATE TRIGGER change_log_interaction_people_insert AFTER INSERT ON interaction_people BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('interactions', NEW.interaction_id);
END;
CREATE TRIGGER change_log_interaction_people_update AFTER UPDATE ON interaction_people BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('interactions', NEW.interaction_id);
    INSERT INTO change_log (kind, row_id) SELECT 'interactions', OLD.interaction_id WHERE OLD.interaction_id IS NOT NEW.interaction_id;
END;
CREATE TRIGGER change_log_interaction_people_delete AFTER DELETE ON interaction_people BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('interactions', OLD.interaction_id);
END;

-- contact_summary
CREATE TRIGGER change_log_contact_summary_insert AFTER INSERT ON contact_summary BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('contact_summary', NEW.person_id);
END;
CREATE TRIGGER change_log_contact_summary_update AFTER UPDATE ON contact_summary BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('contact_summary', NEW.person_id);
    INSERT INTO change_log (kind, row_id) SELECT 'contact_summary', OLD.person_id WHERE OLD.person_id IS NOT NEW.person_id;
END;
CREATE TRIGGER change_log_contact_summary_delete AFTER DELETE ON contact_summary BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('contact_summary', OLD.person_id);
END;

-- goals
CREATE TRIGGER change_log_goals_insert AFTER INSERT ON goals BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('goals', NEW.id);
END;
CREATE TRIGGER change_log_goals_update AFTER UPDATE ON goals BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('goals', NEW.id);
    INSERT INTO change_log (kind, row_id) SELECT 'goals', OLD.id WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_goals_delete AFTER DELETE ON goals BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('goals', OLD.id);
END;

-- wins
CREATE TRIGGER change_log_wins_insert AFTER INSERT ON wins BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('wins', NEW.id);
END;
CREATE TRIGGER change_log_wins_update AFTER UPDATE ON wins BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('wins', NEW.id);
    INSERT INTO change_log (kind, row_id) SELECT 'wins', OLD.id WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_wins_delete AFTER DELETE ON wins BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('wins', OLD.id);
END;

-- win_goals
CREATE TRIGGER change_log_win_goals_insert AFTER INSERT ON win_goals BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('wins', NEW.win_id);
END;
CREATE TRIGGER change_log_win_goals_update AFTER UPDATE ON win_goals BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('wins', NEW.win_id);
    INSERT INTO change_log (kind, row_id) SELECT 'wins', OLD.win_id WHERE OLD.win_id IS NOT NEW.win_id;
END;
CREATE TRIGGER change_log_win_goals_delete AFTER DELETE ON win_goals BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('wins', OLD.win_id);
END;

-- win_shares
CREATE TRIGGER change_log_win_shares_insert AFTER INSERT ON win_shares BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('wins', NEW.win_id);
END;
CREATE TRIGGER change_log_win_shares_update AFTER UPDATE ON win_shares BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('wins', NEW.win_id);
    INSERT INTO change_log (kind, row_id) SELECT 'wins', OLD.win_id WHERE OLD.win_id IS NOT NEW.win_id;
END;
CREATE TRIGGER change_log_win_shares_delete AFTER DELETE ON win_shares BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('wins', OLD.win_id);
END;

-- evidence
CREATE TRIGGER change_log_evidence_insert AFTER INSERT ON evidence BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('evidence', NEW.id);
END;
CREATE TRIGGER change_log_evidence_update AFTER UPDATE ON evidence BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('evidence', NEW.id);
    INSERT INTO change_log (kind, row_id) SELECT 'evidence', OLD.id WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_evidence_delete AFTER DELETE ON evidence BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('evidence', OLD.id);
END;

-- perception_checks
CREATE TRIGGER change_log_perception_checks_insert AFTER INSERT ON perception_checks BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('perception_checks', NEW.id);
END;
CREATE TRIGGER change_log_perception_checks_update AFTER UPDATE ON perception_checks BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('perception_checks', NEW.id);
    INSERT INTO change_log (kind, row_id) SELECT 'perception_checks', OLD.id WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_perception_checks_delete AFTER DELETE ON perception_checks BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('perception_checks', OLD.id);
END;

-- opportunities
CREATE TRIGGER change_log_opportunities_insert AFTER INSERT ON opportunities BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('opportunities', NEW.id);
END;
CREATE TRIGGER change_log_opportunities_update AFTER UPDATE ON opportunities BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('opportunities', NEW.id);
    INSERT INTO change_log (kind, row_id) SELECT 'opportunities', OLD.id WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_opportunities_delete AFTER DELETE ON opportunities BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('opportunities', OLD.id);
END;

-- decisions
CREATE TRIGGER change_log_decisions_insert AFTER INSERT ON decisions BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('decisions', NEW.id);
END;
CREATE TRIGGER change_log_decisions_update AFTER UPDATE ON decisions BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('decisions', NEW.id);
    INSERT INTO change_log (kind, row_id) SELECT 'decisions', OLD.id WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_decisions_delete AFTER DELETE ON decisions BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('decisions', OLD.id);
END;

-- room_seats
CREATE TRIGGER change_log_room_seats_insert AFTER INSERT ON room_seats BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('decisions', NEW.decision_id);
END;
CREATE TRIGGER change_log_room_seats_update AFTER UPDATE ON room_seats BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('decisions', NEW.decision_id);
    INSERT INTO change_log (kind, row_id) SELECT 'decisions', OLD.decision_id WHERE OLD.decision_id IS NOT NEW.decision_id;
END;
CREATE TRIGGER change_log_room_seats_delete AFTER DELETE ON room_seats BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('decisions', OLD.decision_id);
END;

-- reviews
CREATE TRIGGER change_log_reviews_insert AFTER INSERT ON reviews BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('reviews', NEW.id);
END;
CREATE TRIGGER change_log_reviews_update AFTER UPDATE ON reviews BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('reviews', NEW.id);
    INSERT INTO change_log (kind, row_id) SELECT 'reviews', OLD.id WHERE OLD.id IS NOT NEW.id;
END;
CREATE TRIGGER change_log_reviews_delete AFTER DELETE ON reviews BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('reviews', OLD.id);
END;

-- documents
CREATE TRIGGER change_log_documents_insert AFTER INSERT ON documents BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('documents', NULL);
END;
CREATE TRIGGER change_log_documents_update AFTER UPDATE ON documents BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('documents', NULL);
END;
CREATE TRIGGER change_log_documents_delete AFTER DELETE ON documents BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('documents', NULL);
END;

-- calendar_feeds
CREATE TRIGGER change_log_calendar_feeds_insert AFTER INSERT ON calendar_feeds BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('calendar_feeds', NULL);
END;
CREATE TRIGGER change_log_calendar_feeds_update AFTER UPDATE ON calendar_feeds BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('calendar_feeds', NULL);
END;
CREATE TRIGGER change_log_calendar_feeds_delete AFTER DELETE ON calendar_feeds BEGIN
    INSERT INTO change_log (kind, row_id) VALUES ('calendar_feeds', NULL);
END;
