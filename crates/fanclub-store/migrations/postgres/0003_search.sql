-- Full-text search over people, interactions, wins and evidence (PostgreSQL: tsvector).
--
-- Each of the four tables gets a generated tsvector column, computed by the database on
-- every insert and update, and a GIN index over it: there is no separate index for the
-- application to keep in sync. The title words weigh more (A) than the rest (B). The
-- 'english' configuration stems words as SQLite's porter tokenizer does.
--
-- The store's search query cuts its snippets from the same columns: change them together.

ALTER TABLE people ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', name), 'A') ||
    setweight(to_tsvector('english',
        handle || ' ' || coalesce(organisation, '') || ' ' || coalesce(title, '') || ' ' ||
        coalesce(team, '') || ' ' || coalesce(goals, '') || ' ' || coalesce(struggles, '') || ' ' ||
        coalesce(interests, '') || ' ' || coalesce(how_met, '') || ' ' || coalesce(notes, '')), 'B')
) STORED;
CREATE INDEX people_search ON people USING GIN (search);

ALTER TABLE interactions ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', summary), 'A') ||
    setweight(to_tsvector('english',
        coalesce(notes, '') || ' ' || coalesce(learned, '') || ' ' || coalesce(follow_up, '')), 'B')
) STORED;
CREATE INDEX interactions_search ON interactions USING GIN (search);

ALTER TABLE wins ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') ||
    setweight(to_tsvector('english',
        coalesce(description, '') || ' ' || coalesce(impact_metric, '')), 'B')
) STORED;
CREATE INDEX wins_search ON wins USING GIN (search);

ALTER TABLE evidence ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', summary), 'A') ||
    setweight(to_tsvector('english', coalesce(quote, '')), 'B')
) STORED;
CREATE INDEX evidence_search ON evidence USING GIN (search);
