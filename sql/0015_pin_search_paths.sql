-- Every function of the schema resolves names in pg_catalog first and in the session's temporary
-- schema last. A function whose search_path leaves pg_temp out searches it FIRST for tables and
-- types, so anyone may create a temporary table named like a catalog view (pg_timezone_names) and
-- have the function read it. Two functions keep no SET clause, so that PostgreSQL can inline them
-- into the queries that call them once per row; their bodies name every function, operator and
-- type with its schema, so no search_path can change what they mean.

-- Nobody but the schema's owner creates objects in the public schema (PostgreSQL 15 does this by
-- default; older clusters upgraded in place may not).
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_namespace WHERE nspname = 'public') THEN
        BEGIN
            REVOKE CREATE ON SCHEMA public FROM PUBLIC;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'could not revoke CREATE on schema public from PUBLIC: do it as its owner';
        END;
    END IF;
END
$$;

SET ROLE ecpa_owner;

CREATE OR REPLACE FUNCTION ecpa.is_time_zone(p_name text) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $$ SELECT EXISTS (SELECT FROM pg_catalog.pg_timezone_names WHERE name = p_name) $$;

-- Whether a value is on a criterion's scale: within its range and on its step grid. Inlined
-- where it is used, so a bulk write checks a million values without a million function calls.
CREATE OR REPLACE FUNCTION ecpa.on_scale(p_value numeric, p_min numeric, p_max numeric, p_step numeric) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT p_value OPERATOR(pg_catalog.>=) p_min AND p_value OPERATOR(pg_catalog.<=) p_max
           AND pg_catalog.mod(p_value OPERATOR(pg_catalog.-) p_min, p_step) OPERATOR(pg_catalog.=) 0::pg_catalog.numeric
    $$;

-- The canonical text of a ledger event, hashed into its batch's digest (as in 0012, every name
-- now qualified).
CREATE OR REPLACE FUNCTION ecpa.score_event_text(e ecpa.score_events) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
        SELECT pg_catalog.jsonb_build_array(e.edition_id, e.entry_id, e.juror_id, e.criterion_code, e.action,
                                            e.old_value, e.new_value, e.old_comment, e.new_comment, e.actor,
                                            pg_catalog.to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::pg_catalog.text
    $$;

ALTER FUNCTION ecpa.is_secretariat() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.my_country() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.group_of_kind(text) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.editions_guard_phase() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.late_acceptances_stamp() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.word_count(text) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.submission_refusal(ecpa.editions) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.entries_guard() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.audit() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.audit_log_guard() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.editions_guard_jury_rules() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.jurors_guard() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.my_juror_id(bigint) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.declared_conflicts_guard() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.in_conflict(bigint, bigint) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.schemes_guard() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.editions_need_scheme() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.scores_stamp() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.score_batch_hash(text, bigint, timestamptz, text, text, integer, text) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.ledger_guard() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.ledger_actor_guard() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.scores_upsert_begin() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.score_statement() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.results_guard() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.editions_need_results() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.score_set_digest(bigint) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION ecpa.cells_differing_from_ledger(bigint) SET search_path = pg_catalog, pg_temp;

RESET ROLE;
