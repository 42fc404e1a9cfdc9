-- The audit log: who changed what and when, for editions (phase changes included), people,
-- late acceptances and entries. Rows are written only by the triggers below; nobody may
-- change or delete them.
SET ROLE ecpa_owner;

CREATE TABLE ecpa.audit_log (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT now(),
    actor        text NOT NULL DEFAULT current_user,
    session_user_name text NOT NULL DEFAULT session_user,
    table_name   text NOT NULL,
    row_key      text NOT NULL,
    action       text NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    old_row      jsonb,
    new_row      jsonb
);
CREATE INDEX audit_log_row ON ecpa.audit_log (table_name, row_key);

-- Runs as the writer (not as the owner), so current_user is the person who made the change.
CREATE FUNCTION ecpa.audit() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
    AS $$
DECLARE
    v_key_column text := TG_ARGV[0];
    v_row jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
BEGIN
    INSERT INTO ecpa.audit_log (table_name, row_key, action, old_row, new_row)
    VALUES (TG_TABLE_NAME, v_row ->> v_key_column, lower(TG_OP),
            CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,
            CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END);
    RETURN NULL;
END
$$;

-- A direct INSERT (trigger depth 1) is refused: audit rows come only from the triggers above.
CREATE FUNCTION ecpa.audit_log_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
    AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'the audit log cannot be changed or deleted' USING ERRCODE = '42501';
    END IF;
    IF pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION 'the audit log is written only by the database itself' USING ERRCODE = '42501';
    END IF;
    NEW.at := now();
    NEW.actor := current_user;
    NEW.session_user_name := session_user;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_log_guard BEFORE INSERT OR UPDATE OR DELETE ON ecpa.audit_log
    FOR EACH ROW EXECUTE FUNCTION ecpa.audit_log_guard();

CREATE TRIGGER editions_audit AFTER INSERT OR UPDATE OR DELETE ON ecpa.editions
    FOR EACH ROW EXECUTE FUNCTION ecpa.audit('id');
CREATE TRIGGER people_audit AFTER INSERT OR UPDATE OR DELETE ON ecpa.people
    FOR EACH ROW EXECUTE FUNCTION ecpa.audit('role_name');
CREATE TRIGGER late_acceptances_audit AFTER INSERT OR UPDATE OR DELETE ON ecpa.late_acceptances
    FOR EACH ROW EXECUTE FUNCTION ecpa.audit('id');
CREATE TRIGGER entries_audit AFTER INSERT OR UPDATE OR DELETE ON ecpa.entries
    FOR EACH ROW EXECUTE FUNCTION ecpa.audit('id');

GRANT INSERT ON ecpa.audit_log TO ecpa_secretariat, ecpa_national_representative;
GRANT SELECT ON ecpa.audit_log TO ecpa_secretariat;

RESET ROLE;
