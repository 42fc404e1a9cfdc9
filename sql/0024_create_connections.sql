-- Who is connected, and how the secretariat ends a session that holds a lock and does not let go.
-- Any writer locks what it writes until its transaction ends, and a person working in psql may
-- leave a transaction open. The owner lists this database's sessions (with pg_read_all_stats it
-- sees their state and age, never their queries) and may end them (with pg_signal_backend);
-- ecpa.end_connection lets the secretariat do so for any session on this database but a
-- superuser's. Every ecpa login also gets an idle-in-transaction timeout, so a transaction
-- forgotten in psql ends by itself after five minutes (a person can lift it for their own
-- session, which is why the secretariat can end one).
DO $$
BEGIN
    GRANT pg_read_all_stats, pg_signal_backend TO ecpa_owner;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'could not grant pg_read_all_stats and pg_signal_backend to ecpa_owner: `ecpa db connections` will not see other sessions'' state or end them until a superuser does';
END
$$;

DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET idle_in_transaction_session_timeout = %L', current_database(), '5min');
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'could not set idle_in_transaction_session_timeout for this database: only its owner can';
END
$$;

SET ROLE ecpa_owner;

-- Every session on this database: its login, which ecpa group it belongs to, its state and
-- since when, and which sessions it waits for.
CREATE FUNCTION ecpa.connections()
    RETURNS TABLE (pid integer, login text, kind text, state text, backend_start timestamptz,
                   xact_start timestamptz, state_change timestamptz, waiting boolean, blocked_by integer[])
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT a.pid, a.usename::text,
               CASE WHEN r.rolsuper THEN 'administrator'
                    WHEN pg_has_role(a.usesysid, 'ecpa_secretariat', 'MEMBER') THEN 'secretariat'
                    WHEN pg_has_role(a.usesysid, 'ecpa_national_representative', 'MEMBER') THEN 'national representative'
                    WHEN pg_has_role(a.usesysid, 'ecpa_juror', 'MEMBER') THEN 'juror'
                    WHEN pg_has_role(a.usesysid, 'ecpa_reader', 'MEMBER') THEN 'reader'
                    ELSE 'other' END,
               a.state, a.backend_start, a.xact_start, a.state_change,
               coalesce(a.wait_event_type = 'Lock', false), pg_blocking_pids(a.pid)
        FROM pg_stat_activity a
        LEFT JOIN pg_roles r ON r.oid = a.usesysid
        WHERE a.datname = current_database() AND a.backend_type = 'client backend'
        ORDER BY a.backend_start, a.pid
    $$;

-- Ends a session on this database (not a superuser's, not the caller's own); returns whether
-- PostgreSQL signalled it.
CREATE FUNCTION ecpa.end_connection(p_pid integer) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_session record;
BEGIN
    IF NOT ecpa.is_secretariat() THEN
        RAISE EXCEPTION 'only the secretariat ends other people''s sessions' USING ERRCODE = '42501';
    END IF;
    SELECT a.pid, a.usename, r.rolsuper INTO v_session
    FROM pg_stat_activity a LEFT JOIN pg_roles r ON r.oid = a.usesysid
    WHERE a.pid = p_pid AND a.datname = current_database() AND a.backend_type = 'client backend';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no session % on this database', p_pid USING ERRCODE = '42704';
    END IF;
    IF p_pid = pg_backend_pid() THEN
        RAISE EXCEPTION 'session % is your own', p_pid USING ERRCODE = '22023';
    END IF;
    IF v_session.rolsuper THEN
        RAISE EXCEPTION 'session % belongs to a superuser (%); only a superuser can end it', p_pid, v_session.usename
            USING ERRCODE = '42501';
    END IF;
    RETURN pg_terminate_backend(p_pid);
END
$$;

REVOKE ALL ON FUNCTION ecpa.connections(), ecpa.end_connection(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.connections(), ecpa.end_connection(integer) TO ecpa_secretariat;

-- New logins get the idle-in-transaction timeout (0003's functions, with that change and two
-- more): a verifier must be a whole SCRAM-SHA-256 or MD5 verifier, since PostgreSQL stores
-- anything else as a clear password; and the secretariat adds only logins that are already in an
-- ecpa group to another one (a login of another programme on the same server is the database
-- administrator's to add, and ecpa changes no setting of it).
CREATE OR REPLACE FUNCTION ecpa.create_login_role(p_role text, p_verifier text, p_kind text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_group text := ecpa.group_of_kind(p_kind);
BEGIN
    IF p_role !~ '^[a-z][a-z0-9_]{1,62}$' THEN
        RAISE EXCEPTION 'login name "%" is not allowed', p_role
            USING ERRCODE = '22023',
                  HINT = 'Use 2 to 63 lower-case letters, digits or underscores, starting with a letter.';
    END IF;
    -- PostgreSQL keeps a text as a verifier only when it is a whole one (32-byte keys); anything
    -- else, however alike, it would hash as a clear password.
    IF p_verifier !~ '^(SCRAM-SHA-256\$[1-9][0-9]*:[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=|md5[0-9a-f]{32})$' THEN
        RAISE EXCEPTION 'a password verifier is required, not a clear-text password'
            USING ERRCODE = '22023';
    END IF;
    IF v_group IS NULL THEN
        RAISE EXCEPTION 'unknown kind of person "%"', p_kind USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = p_role) THEN
        RAISE EXCEPTION 'a login role named "%" already exists', p_role
            USING ERRCODE = '42710',
                  HINT = 'Choose another name, or link the existing role with --existing-role.';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_role, p_verifier);
    EXECUTE format('GRANT %I TO %I', v_group, p_role);
    EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', p_role, '5min');
END
$$;

CREATE OR REPLACE FUNCTION ecpa.grant_group(p_role text, p_kind text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_group text := ecpa.group_of_kind(p_kind);
BEGIN
    IF v_group IS NULL THEN
        RAISE EXCEPTION 'unknown kind of person "%"', p_kind USING ERRCODE = '22023';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = p_role AND rolcanlogin AND NOT rolsuper) THEN
        RAISE EXCEPTION 'there is no login role named "%"', p_role USING ERRCODE = '42704';
    END IF;
    IF NOT EXISTS (
        SELECT FROM pg_catalog.pg_auth_members m
        JOIN pg_catalog.pg_roles r ON r.oid = m.member
        JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
        WHERE r.rolname = p_role
          AND g.rolname IN ('ecpa_secretariat', 'ecpa_national_representative', 'ecpa_juror', 'ecpa_reader')) THEN
        RAISE EXCEPTION 'login "%" is not an ecpa login; the database administrator can add it (GRANT % TO %)', p_role, v_group, p_role
            USING ERRCODE = '42501';
    END IF;
    EXECUTE format('GRANT %I TO %I', v_group, p_role);
    EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', p_role, '5min');
END
$$;

-- The logins made before this migration.
DO $$
DECLARE
    v_login text;
BEGIN
    FOR v_login IN
        SELECT DISTINCT r.rolname FROM pg_catalog.pg_roles r
        JOIN pg_catalog.pg_auth_members m ON m.member = r.oid
        JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
        WHERE g.rolname IN ('ecpa_secretariat', 'ecpa_national_representative', 'ecpa_juror', 'ecpa_reader')
          AND r.rolcanlogin AND NOT r.rolsuper
    LOOP
        EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', v_login, '5min');
    END LOOP;
END
$$;

RESET ROLE;
