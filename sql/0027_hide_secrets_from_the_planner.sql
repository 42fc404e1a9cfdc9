-- Row-level security hides rows, not the planner's statistics about them. PostgreSQL uses a
-- column's most common values and histogram to estimate any condition whose operator is marked
-- leakproof, even for a person who may not read the rows, and EXPLAIN prints the estimate: a
-- juror recovered other jurors' unpublished comments character by character from
-- `EXPLAIN SELECT ... FROM ecpa.scores WHERE comment < '...'`, and learned how many cells each
-- juror had scored from `WHERE juror_id = ...`. So no statistics are gathered for the columns some
-- reader of the table may not see, and those gathered until now are removed. The planner then
-- falls back on its default estimates for them; pg_class still says roughly how many rows a table
-- has, which docs/security.md lists among what is visible.
SET ROLE ecpa_owner;

-- Every column but the ids and the edition of each table under row-level security (and of
-- editions, schemes and criteria, which readers see in part). A column added to one of these
-- tables later needs the same.
DO $$
DECLARE
    v_column record;
BEGIN
    FOR v_column IN
        SELECT c.relname, a.attname
        FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        WHERE c.relnamespace = 'ecpa'::regnamespace AND a.attnum > 0 AND NOT a.attisdropped
          AND c.relname IN ('scores', 'abstentions', 'score_events', 'declared_conflicts', 'entries', 'people',
                            'late_acceptances', 'editions', 'schemes', 'criteria', 'overrides', 'frozen_results',
                            'frozen_places')
          AND a.attname NOT IN ('id', 'edition_id')
        ORDER BY c.relname, a.attnum
    LOOP
        EXECUTE format('ALTER TABLE ecpa.%I ALTER COLUMN %I SET STATISTICS 0', v_column.relname, v_column.attname);
    END LOOP;
END
$$;

RESET ROLE;

-- Statistics gathered before this migration stay until removed, which only a superuser can do.
DO $$
BEGIN
    IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
        DELETE FROM pg_catalog.pg_statistic s
        USING pg_catalog.pg_attribute a
        WHERE a.attrelid = s.starelid AND a.attnum = s.staattnum AND a.attstattarget = 0
          AND s.starelid IN (SELECT c.oid FROM pg_catalog.pg_class c WHERE c.relnamespace = 'ecpa'::regnamespace);
    ELSIF EXISTS (SELECT FROM pg_catalog.pg_stats WHERE schemaname = 'ecpa') THEN
        RAISE NOTICE 'statistics gathered earlier on the schema''s secret columns remain: a superuser should remove them (docs/operations.md)';
    END IF;
END
$$;
