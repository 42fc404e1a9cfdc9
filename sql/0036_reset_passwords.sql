-- The secretariat resets the password of a national representative or a juror who has lost theirs,
-- the way it created the login: through a function that runs as ecpa_owner (who may alter roles),
-- and with a SCRAM-SHA-256 verifier computed on the client, never a clear password. It resets only
-- logins this database created (ecpa.created_logins, written by ecpa.create_login_role from now on)
-- for a person registered here as a representative or a juror, whose only groups are ecpa's
-- representatives, jurors or readers, and that hold no role attribute. Roles are shared by every
-- database on the server: a login linked with --existing-role was made by another database (or by
-- hand), and its password is not this secretariat's to set, or a secretariat could link another
-- programme's representative and take over their login. Never a member of the secretariat (a peer
-- could then act in their name), the owner or a superuser: those are the database
-- administrator's to reset, as are logins created before this migration.
-- Each reset is in the audit log (who, whose, when; never the verifier).
SET ROLE ecpa_owner;

-- The logins ecpa.create_login_role made in this database, by the role's identity (a dropped
-- role's name can be given to another login later, by another database) and the kind it was made
-- for. Nobody holds a right on it: only the owner's functions read or write it.
CREATE TABLE ecpa.created_logins (
    role_oid   oid PRIMARY KEY,
    role_name  text NOT NULL,
    kind       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON ecpa.created_logins FROM PUBLIC;

-- Whether a text is a password verifier PostgreSQL keeps as one. PostgreSQL stores any other text
-- as a clear password (hashing it), so a text that only looks like a verifier, with a salt that is
-- not base64 or an iteration count it cannot read, would become the password itself. A
-- SCRAM-SHA-256 verifier with 4,096 to 10,000,000 iterations, a salt of 16 bytes or more and keys
-- of 32 bytes; an md5 one only where `p_md5` allows it (a server set to password_encryption = md5
-- gives libpq no other).
CREATE FUNCTION ecpa.is_password_verifier(p_verifier text, p_md5 boolean) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_part text[];
BEGIN
    IF p_md5 AND p_verifier ~ '^md5[0-9a-f]{32}$' THEN
        RETURN true;
    END IF;
    v_part := regexp_match(p_verifier,
        '^SCRAM-SHA-256\$([0-9]{1,9}):([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]{43}=):([A-Za-z0-9+/]{43}=)$');
    IF v_part IS NULL OR v_part[1]::bigint NOT BETWEEN 4096 AND 10000000 THEN
        RETURN false;
    END IF;
    RETURN length(decode(v_part[2], 'base64')) >= 16
        AND length(decode(v_part[3], 'base64')) = 32
        AND length(decode(v_part[4], 'base64')) = 32;
EXCEPTION WHEN OTHERS THEN
    -- decode refuses text that is not base64.
    RETURN false;
END
$$;
REVOKE ALL ON FUNCTION ecpa.is_password_verifier(text, boolean) FROM PUBLIC;

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
    IF p_verifier IS NULL OR NOT ecpa.is_password_verifier(p_verifier, true) THEN
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
    INSERT INTO ecpa.created_logins (role_oid, role_name, kind)
    SELECT oid, rolname, p_kind FROM pg_catalog.pg_roles WHERE rolname = p_role;
END
$$;

CREATE FUNCTION ecpa.reset_password(p_role text, p_verifier text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_login pg_catalog.pg_roles;
BEGIN
    IF NOT ecpa.is_secretariat() THEN
        RAISE EXCEPTION 'only the secretariat resets another person''s password' USING ERRCODE = '42501';
    END IF;
    -- PostgreSQL keeps a text as a verifier only when it is a whole one; anything else it would
    -- store as a clear password.
    IF p_verifier IS NULL OR NOT ecpa.is_password_verifier(p_verifier, false) THEN
        RAISE EXCEPTION 'a SCRAM-SHA-256 password verifier is required, not a clear-text password'
            USING ERRCODE = '22023';
    END IF;
    SELECT * INTO v_login FROM pg_catalog.pg_roles WHERE rolname = p_role;
    IF NOT FOUND OR NOT v_login.rolcanlogin THEN
        RAISE EXCEPTION 'there is no login named "%"', p_role USING ERRCODE = '42704';
    END IF;
    IF v_login.rolsuper OR v_login.rolcreaterole OR v_login.rolcreatedb OR v_login.rolreplication OR v_login.rolbypassrls
       OR NOT (EXISTS (SELECT FROM ecpa.people WHERE role_name = p_role AND kind = 'national_representative')
               OR EXISTS (SELECT FROM ecpa.jurors WHERE role_name = p_role))
       OR NOT EXISTS (
           SELECT FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
           WHERE m.member = v_login.oid AND g.rolname IN ('ecpa_national_representative', 'ecpa_juror'))
       OR EXISTS (
           SELECT FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
           WHERE m.member = v_login.oid
             AND g.rolname NOT IN ('ecpa_national_representative', 'ecpa_juror', 'ecpa_reader')) THEN
        RAISE EXCEPTION 'login "%" is not a national representative''s or a juror''s of this database, so the secretariat does not reset its password', p_role
            USING ERRCODE = '42501',
                  HINT = 'Members of the secretariat change their own with ecpa user password; the database administrator resets any other login.';
    END IF;
    -- Made here, by this identity (not a later login that took a dropped one's name), for a
    -- representative or a juror (not a reader made one later).
    IF NOT EXISTS (
        SELECT FROM ecpa.created_logins
        WHERE role_oid = v_login.oid AND kind IN ('national_representative', 'juror')) THEN
        RAISE EXCEPTION 'login "%" was not created by this database''s secretariat, so it does not reset its password', p_role
            USING ERRCODE = '42501',
                  HINT = 'A login linked with --existing-role, or made before the secretariat could reset passwords, is reset by the database administrator.';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', p_role, p_verifier);
    INSERT INTO ecpa.audit_log (at, actor, session_user_name, table_name, row_key, action, old_row, new_row)
    VALUES (clock_timestamp(), ecpa.actor(), session_user, 'login_passwords', p_role, 'update', NULL,
            jsonb_build_object('password', 'reset by the secretariat'));
END
$$;
REVOKE ALL ON FUNCTION ecpa.reset_password(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.reset_password(text, text) TO ecpa_secretariat;

-- Linking an existing login (--existing-role) now needs it to be this database's: made here, or
-- registered here already (a juror of an earlier edition). Groups are the server's, so adding a
-- login another database made to a group here (the secretariat's, say) would give it that group
-- in the other database too. The database administrator (a superuser) may still link any login.
CREATE OR REPLACE FUNCTION ecpa.grant_group(p_role text, p_kind text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_group text := ecpa.group_of_kind(p_kind);
    v_login pg_catalog.pg_roles;
BEGIN
    IF v_group IS NULL THEN
        RAISE EXCEPTION 'unknown kind of person "%"', p_kind USING ERRCODE = '22023';
    END IF;
    SELECT * INTO v_login FROM pg_catalog.pg_roles WHERE rolname = p_role AND rolcanlogin AND NOT rolsuper;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no login role named "%"', p_role USING ERRCODE = '42704';
    END IF;
    IF NOT EXISTS (
        SELECT FROM pg_catalog.pg_auth_members m
        JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
        WHERE m.member = v_login.oid
          AND g.rolname IN ('ecpa_secretariat', 'ecpa_national_representative', 'ecpa_juror', 'ecpa_reader')) THEN
        RAISE EXCEPTION 'login "%" is not an ecpa login; the database administrator can add it (GRANT % TO %)', p_role, v_group, p_role
            USING ERRCODE = '42501';
    END IF;
    IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = session_user)
       AND NOT EXISTS (SELECT FROM ecpa.created_logins WHERE role_oid = v_login.oid)
       AND NOT EXISTS (SELECT FROM ecpa.people WHERE role_name = p_role)
       AND NOT EXISTS (SELECT FROM ecpa.jurors WHERE role_name = p_role) THEN
        RAISE EXCEPTION 'login "%" was made by another database on this server; the database administrator can link it here', p_role
            USING ERRCODE = '42501',
                  HINT = 'Groups are shared by every database of a server, so linking it here would change what it may do there too.';
    END IF;
    EXECUTE format('GRANT %I TO %I', v_group, p_role);
    EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', p_role, '5min');
END
$$;

RESET ROLE;
