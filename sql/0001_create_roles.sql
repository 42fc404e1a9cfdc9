-- Group roles and the schema. Login roles are created by `ecpa user add` and join one group.
-- Tables belong to ecpa_owner, a role nobody logs in as, so row-level security cannot be
-- slipped past by a table owner's session. Roles are cluster-wide: IF NOT EXISTS lets several
-- databases (or a re-run) share them.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ecpa_owner') THEN
        CREATE ROLE ecpa_owner NOLOGIN CREATEROLE;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ecpa_secretariat') THEN
        CREATE ROLE ecpa_secretariat NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ecpa_national_representative') THEN
        CREATE ROLE ecpa_national_representative NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ecpa_juror') THEN
        CREATE ROLE ecpa_juror NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ecpa_reader') THEN
        CREATE ROLE ecpa_reader NOLOGIN;
    END IF;
    -- The administrator who migrates must be able to act as the owner.
    IF NOT pg_has_role(current_user, 'ecpa_owner', 'MEMBER') THEN
        EXECUTE format('GRANT ecpa_owner TO %I', current_user);
    END IF;
END
$$;

CREATE SCHEMA IF NOT EXISTS ecpa AUTHORIZATION ecpa_owner;
REVOKE ALL ON SCHEMA ecpa FROM PUBLIC;
GRANT USAGE ON SCHEMA ecpa TO ecpa_secretariat, ecpa_national_representative, ecpa_juror, ecpa_reader;
