-- The audit log is written only by the owner. Until now every writer held INSERT on it and a guard
-- told the audit triggers from a direct insert by pg_trigger_depth(), which a trigger on a
-- temporary table also passes; such a trigger could also take future ids and make everyone's
-- audited writes fail. Now no login role or group may insert, change or delete audit rows: the
-- audit trigger runs as the owner, names the acting role (ecpa.actor()) and the login, and stamps
-- the clock time of the change, not the start of its transaction.
SET ROLE ecpa_owner;

CREATE OR REPLACE FUNCTION ecpa.audit() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_key_column text := TG_ARGV[0];
    v_row jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
BEGIN
    INSERT INTO ecpa.audit_log (at, actor, session_user_name, table_name, row_key, action, old_row, new_row)
    VALUES (clock_timestamp(), ecpa.actor(), session_user, TG_TABLE_NAME, v_row ->> v_key_column, lower(TG_OP),
            CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,
            CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END);
    RETURN NULL;
END
$$;
-- Trigger functions need no EXECUTE to fire; without it nobody can attach them to a table of theirs.
REVOKE ALL ON FUNCTION ecpa.audit() FROM PUBLIC;

-- Append-only, even for owner-run code: rows are never changed, deleted or truncated.
CREATE OR REPLACE FUNCTION ecpa.audit_log_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % is refused', lower(TG_OP) USING ERRCODE = '42501';
END
$$;
REVOKE ALL ON FUNCTION ecpa.audit_log_guard() FROM PUBLIC;
DROP TRIGGER audit_log_guard ON ecpa.audit_log;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ecpa.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION ecpa.audit_log_guard();

REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ecpa.audit_log
    FROM ecpa_secretariat, ecpa_national_representative, ecpa_juror, ecpa_reader;

RESET ROLE;
