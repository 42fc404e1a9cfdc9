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

ALTER TABLE ecpa.scores
    ALTER COLUMN entry_id SET STATISTICS 0, ALTER COLUMN juror_id SET STATISTICS 0,
    ALTER COLUMN criterion_code SET STATISTICS 0, ALTER COLUMN value SET STATISTICS 0,
    ALTER COLUMN comment SET STATISTICS 0;
ALTER TABLE ecpa.abstentions
    ALTER COLUMN entry_id SET STATISTICS 0, ALTER COLUMN juror_id SET STATISTICS 0,
    ALTER COLUMN comment SET STATISTICS 0;
ALTER TABLE ecpa.score_events
    ALTER COLUMN batch_id SET STATISTICS 0, ALTER COLUMN entry_id SET STATISTICS 0,
    ALTER COLUMN juror_id SET STATISTICS 0, ALTER COLUMN criterion_code SET STATISTICS 0,
    ALTER COLUMN action SET STATISTICS 0, ALTER COLUMN at SET STATISTICS 0, ALTER COLUMN actor SET STATISTICS 0,
    ALTER COLUMN old_value SET STATISTICS 0, ALTER COLUMN new_value SET STATISTICS 0,
    ALTER COLUMN old_comment SET STATISTICS 0, ALTER COLUMN new_comment SET STATISTICS 0;
ALTER TABLE ecpa.declared_conflicts
    ALTER COLUMN juror_id SET STATISTICS 0, ALTER COLUMN entry_id SET STATISTICS 0,
    ALTER COLUMN reason SET STATISTICS 0, ALTER COLUMN declared_at SET STATISTICS 0,
    ALTER COLUMN declared_by SET STATISTICS 0;
ALTER TABLE ecpa.entries
    ALTER COLUMN country_code SET STATISTICS 0, ALTER COLUMN kind SET STATISTICS 0,
    ALTER COLUMN state SET STATISTICS 0, ALTER COLUMN ineligible_reason SET STATISTICS 0,
    ALTER COLUMN title SET STATISTICS 0, ALTER COLUMN contact_name SET STATISTICS 0,
    ALTER COLUMN contact_organisation SET STATISTICS 0, ALTER COLUMN contact_email SET STATISTICS 0,
    ALTER COLUMN contact_phone SET STATISTICS 0, ALTER COLUMN start_date SET STATISTICS 0,
    ALTER COLUMN still_running SET STATISTICS 0, ALTER COLUMN end_date SET STATISTICS 0,
    ALTER COLUMN links SET STATISTICS 0, ALTER COLUMN description SET STATISTICS 0,
    ALTER COLUMN objectives SET STATISTICS 0, ALTER COLUMN target_group SET STATISTICS 0,
    ALTER COLUMN evaluation_method SET STATISTICS 0, ALTER COLUMN evaluation_results SET STATISTICS 0,
    ALTER COLUMN innovation SET STATISTICS 0, ALTER COLUMN partners SET STATISTICS 0,
    ALTER COLUMN transferability SET STATISTICS 0, ALTER COLUMN costs_funding SET STATISTICS 0,
    ALTER COLUMN late_acceptance_id SET STATISTICS 0, ALTER COLUMN created_at SET STATISTICS 0,
    ALTER COLUMN created_by SET STATISTICS 0, ALTER COLUMN updated_at SET STATISTICS 0,
    ALTER COLUMN submitted_at SET STATISTICS 0, ALTER COLUMN withdrawn_at SET STATISTICS 0;
ALTER TABLE ecpa.people
    ALTER COLUMN role_name SET STATISTICS 0, ALTER COLUMN kind SET STATISTICS 0,
    ALTER COLUMN country_code SET STATISTICS 0, ALTER COLUMN display_name SET STATISTICS 0,
    ALTER COLUMN email SET STATISTICS 0, ALTER COLUMN created_at SET STATISTICS 0,
    ALTER COLUMN created_by SET STATISTICS 0;
ALTER TABLE ecpa.late_acceptances
    ALTER COLUMN country_code SET STATISTICS 0, ALTER COLUMN reason SET STATISTICS 0,
    ALTER COLUMN accepted_until SET STATISTICS 0, ALTER COLUMN recorded_at SET STATISTICS 0,
    ALTER COLUMN recorded_by SET STATISTICS 0;
ALTER TABLE ecpa.editions
    ALTER COLUMN year SET STATISTICS 0, ALTER COLUMN theme SET STATISTICS 0,
    ALTER COLUMN host_country_code SET STATISTICS 0, ALTER COLUMN host_city SET STATISTICS 0,
    ALTER COLUMN conference_start SET STATISTICS 0, ALTER COLUMN conference_end SET STATISTICS 0,
    ALTER COLUMN time_zone SET STATISTICS 0, ALTER COLUMN phase SET STATISTICS 0,
    ALTER COLUMN submissions_open_at SET STATISTICS 0, ALTER COLUMN submissions_close_at SET STATISTICS 0,
    ALTER COLUMN prize_gold SET STATISTICS 0, ALTER COLUMN prize_silver SET STATISTICS 0,
    ALTER COLUMN prize_bronze SET STATISTICS 0, ALTER COLUMN created_at SET STATISTICS 0,
    ALTER COLUMN created_by SET STATISTICS 0;
ALTER TABLE ecpa.schemes
    ALTER COLUMN name SET STATISTICS 0, ALTER COLUMN note SET STATISTICS 0, ALTER COLUMN method SET STATISTICS 0,
    ALTER COLUMN tie_breaks SET STATISTICS 0, ALTER COLUMN source_text SET STATISTICS 0,
    ALTER COLUMN set_at SET STATISTICS 0, ALTER COLUMN set_by SET STATISTICS 0;
ALTER TABLE ecpa.criteria
    ALTER COLUMN code SET STATISTICS 0, ALTER COLUMN name SET STATISTICS 0,
    ALTER COLUMN description SET STATISTICS 0, ALTER COLUMN weight SET STATISTICS 0,
    ALTER COLUMN min_value SET STATISTICS 0, ALTER COLUMN max_value SET STATISTICS 0,
    ALTER COLUMN step SET STATISTICS 0;
ALTER TABLE ecpa.overrides
    ALTER COLUMN entry_id SET STATISTICS 0, ALTER COLUMN place SET STATISTICS 0,
    ALTER COLUMN reason SET STATISTICS 0, ALTER COLUMN set_at SET STATISTICS 0, ALTER COLUMN set_by SET STATISTICS 0;
ALTER TABLE ecpa.frozen_results
    ALTER COLUMN method SET STATISTICS 0, ALTER COLUMN scores_digest SET STATISTICS 0,
    ALTER COLUMN ledger_head SET STATISTICS 0, ALTER COLUMN digest SET STATISTICS 0,
    ALTER COLUMN frozen_at SET STATISTICS 0, ALTER COLUMN frozen_by SET STATISTICS 0;
ALTER TABLE ecpa.frozen_places
    ALTER COLUMN entry_id SET STATISTICS 0, ALTER COLUMN place SET STATISTICS 0,
    ALTER COLUMN medal SET STATISTICS 0, ALTER COLUMN score SET STATISTICS 0,
    ALTER COLUMN juror_count SET STATISTICS 0, ALTER COLUMN shared_place SET STATISTICS 0,
    ALTER COLUMN override_reason SET STATISTICS 0;

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
