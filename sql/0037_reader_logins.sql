-- The secretariat creates public reader logins itself (`ecpa user add-reader`), as it creates the
-- others: through ecpa.create_login_role, which now knows the readers' group. A reader reads what
-- is published and the archive, nothing else (sql/0025, 0026), so it has no row among the people.
SET ROLE ecpa_owner;

CREATE OR REPLACE FUNCTION ecpa.group_of_kind(p_kind text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT CASE p_kind
            WHEN 'secretariat' THEN 'ecpa_secretariat'
            WHEN 'national_representative' THEN 'ecpa_national_representative'
            WHEN 'juror' THEN 'ecpa_juror'
            WHEN 'reader' THEN 'ecpa_reader'
        END
    $$;

RESET ROLE;
