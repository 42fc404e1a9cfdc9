-- People: the login role of each secretariat member and national representative, and what it
-- represents. Identity is the connection's current_user (DESIGN.md section 2).
SET ROLE ecpa_owner;

CREATE TABLE ecpa.people (
    role_name    text PRIMARY KEY CHECK (role_name ~ '^[a-z][a-z0-9_]{1,62}$'),
    kind         text NOT NULL CHECK (kind IN ('secretariat', 'national_representative')),
    country_code text REFERENCES ecpa.countries (code),
    display_name text NOT NULL CHECK (btrim(display_name) <> ''),
    email        text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   text NOT NULL DEFAULT current_user,
    CONSTRAINT people_representative_has_country
        CHECK ((kind = 'national_representative') = (country_code IS NOT NULL))
);

-- True for members of the secretariat group, and for superusers (who hold every role).
CREATE FUNCTION ecpa.is_secretariat() RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path = pg_catalog
    AS $$ SELECT pg_has_role(current_user, 'ecpa_secretariat', 'USAGE') $$;

-- The country the current role represents, or NULL.
CREATE FUNCTION ecpa.my_country() RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog
    AS $$
        SELECT country_code FROM ecpa.people
        WHERE role_name = current_user AND kind = 'national_representative'
    $$;

ALTER TABLE ecpa.people ENABLE ROW LEVEL SECURITY;
ALTER TABLE ecpa.people FORCE ROW LEVEL SECURITY;
CREATE POLICY people_secretariat ON ecpa.people
    USING (ecpa.is_secretariat()) WITH CHECK (ecpa.is_secretariat());
CREATE POLICY people_self ON ecpa.people FOR SELECT
    USING (role_name = current_user);

GRANT SELECT, INSERT, UPDATE ON ecpa.people TO ecpa_secretariat;
GRANT SELECT ON ecpa.people TO ecpa_national_representative;

-- The group role of each kind of person: secretariat, national representative, juror.
CREATE FUNCTION ecpa.group_of_kind(p_kind text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
    AS $$
        SELECT CASE p_kind
            WHEN 'secretariat' THEN 'ecpa_secretariat'
            WHEN 'national_representative' THEN 'ecpa_national_representative'
            WHEN 'juror' THEN 'ecpa_juror'
        END
    $$;

-- Creates a login role in one of our groups. It runs as ecpa_owner (who may create roles), so
-- only the secretariat may call it, and it takes a password verifier, never a clear password:
-- the client hashes the password (libpq's PQencryptPasswordConn) so it is never sent or logged.
CREATE FUNCTION ecpa.create_login_role(p_role text, p_verifier text, p_kind text) RETURNS void
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
    IF p_verifier !~ '^(SCRAM-SHA-256\$|md5[0-9a-f]{32}$)' THEN
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
END
$$;
REVOKE ALL ON FUNCTION ecpa.create_login_role(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.create_login_role(text, text, text) TO ecpa_secretariat;

-- Adds an existing login role to one of our groups (a role shared with another database).
CREATE FUNCTION ecpa.grant_group(p_role text, p_kind text) RETURNS void
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
    EXECUTE format('GRANT %I TO %I', v_group, p_role);
END
$$;
REVOKE ALL ON FUNCTION ecpa.grant_group(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.grant_group(text, text) TO ecpa_secretariat;

RESET ROLE;
